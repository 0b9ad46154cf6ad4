import PatchgateEffects

/// One UPDATE or DELETE of every row writes the whole table in one transaction: long row locks,
/// bloat, and a cost that grows with the table.
struct DmlWithoutWhere: StatementRule {
    static let id = "dml-without-where"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "UPDATE or DELETE of every row in one statement"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        statement.effects.wholeTableWrites.filter { !statement.context.isEmptyNew($0) }.map { table in
            patch.finding(Self.self, statement,
                          "\(statement.syntax.displayName) without WHERE writes every row of \(table) in one transaction",
                          help: "backfill in batches (for example 1,000 rows by primary key range per transaction) from a background job")
        }
    }
}
