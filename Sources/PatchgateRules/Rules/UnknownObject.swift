import PatchgateEffects

/// With a schema given, a statement that names a table, index or column the schema (plus the
/// earlier patches) does not have fails on the server.
struct UnknownObject: StatementRule {
    static let id = "unknown-object"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "the statement names an object the schema does not have"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        statement.effects.unknownObjects.map { name in
            patch.finding(Self.self, statement, "\(name) does not exist in the schema (after the earlier patches): PostgreSQL fails on this statement",
                          help: "check the name and the schema dump, or the order of the patches")
        }
    }
}
