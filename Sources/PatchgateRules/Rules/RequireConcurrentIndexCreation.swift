import PatchgateEffects

/// Without CONCURRENTLY the build holds a SHARE lock: writes wait until it ends.
struct RequireConcurrentIndexCreation: StatementRule {
    static let id = "require-concurrent-index-creation"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "CREATE INDEX without CONCURRENTLY blocks writes for the whole build"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .createIndex(let index) = statement.syntax, !index.isConcurrent,
              let table = statement.effects.indexBuilds.first?.table, !statement.context.isEmptyNew(table) else { return [] }
        return [patch.finding(Self.self, statement,
                              "CREATE INDEX blocks writes to \(table) until the whole index is built",
                              help: "use CREATE INDEX CONCURRENTLY, in a file of its own, outside a transaction\(patch.noTransactionHint)")]
    }
}
