import PatchgateEffects

/// REINDEX without CONCURRENTLY blocks writes to the table while every index is rebuilt.
struct RequireConcurrentReindex: StatementRule {
    static let id = "require-concurrent-reindex"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "REINDEX without CONCURRENTLY blocks writes while it rebuilds"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .reindex(let reindex) = statement.syntax, !reindex.isConcurrent else { return [] }
        let relation = reindex.relation?.description ?? reindex.name ?? "the indexes"
        if let table = statement.effects.indexBuilds.first?.table, statement.context.isEmptyNew(table) { return [] }
        return [patch.finding(Self.self, statement,
                              "REINDEX \(reindex.target.rawValue.uppercased()) \(relation) blocks writes until every index is rebuilt",
                              help: "use REINDEX CONCURRENTLY outside a transaction\(patch.noTransactionHint)")]
    }
}
