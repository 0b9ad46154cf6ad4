import PatchgateEffects

/// On PostgreSQL 15, ALTER TYPE … ADD VALUE may run in a transaction, but the new value cannot
/// be used before that transaction commits ("unsafe use of new value").
struct EnumValueInTransaction: StatementRule {
    static let id = "enum-value-in-transaction"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "a new enum value is used in the transaction that added it"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        let added = statement.context.enumValuesAddedInTransaction
        guard !added.isEmpty else { return [] }
        return Set(statement.parsed.stringConstants).intersection(added).sorted().map { value in
            patch.finding(Self.self, statement,
                          "enum value '\(value)' is used in the transaction that added it: PostgreSQL 15 fails with \"unsafe use of new value\"",
                          help: "add the value in a patch of its own (committed first), and use it in a later one")
        }
    }
}
