import PatchgateEffects

/// With a schema given, a statement that creates a table, index, view or column the schema
/// already has fails on the server (unless it says IF NOT EXISTS).
struct AlreadyExists: StatementRule {
    static let id = "already-exists"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "the statement creates an object the schema already has"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        statement.effects.existingObjects.map { name in
            patch.finding(Self.self, statement, "\(name) already exists in the schema: PostgreSQL fails on this statement",
                          help: "use another name, or IF NOT EXISTS where the statement is meant to be re-runnable")
        }
    }
}
