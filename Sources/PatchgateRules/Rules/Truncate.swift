import PatchgateEffects

/// TRUNCATE empties the table under ACCESS EXCLUSIVE: data is gone and readers wait.
struct Truncate: StatementRule {
    static let id = "truncate"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "TRUNCATE deletes every row under ACCESS EXCLUSIVE"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .truncate = statement.syntax else { return [] }
        let tables = statement.effects.locks.map(\.relation).filter { !statement.context.isEmptyNew($0) }
        guard !tables.isEmpty else { return [] }
        return [patch.finding(Self.self, statement,
                              "TRUNCATE deletes every row of \(tables.map(\.description).joined(separator: ", ")) under ACCESS EXCLUSIVE",
                              help: "delete in batches from a background job, or drop the table once no code uses it")]
    }
}
