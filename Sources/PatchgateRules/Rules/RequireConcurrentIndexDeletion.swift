import PatchgateEffects

/// A plain DROP INDEX takes ACCESS EXCLUSIVE on the table: even reads queue behind it.
struct RequireConcurrentIndexDeletion: StatementRule {
    static let id = "require-concurrent-index-deletion"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.downtime
    static let summary = "DROP INDEX without CONCURRENTLY locks the table against reads and writes"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        // Launchpad drops indexes in the fast downtime, with every client disconnected.
        guard case .drop(let drop) = statement.syntax, drop.objectKind == .index, !drop.isConcurrent,
              patch.launchpad?.applyClass != .cold else { return [] }
        let existing = statement.effects.locks.filter { $0.kind == .index && statement.context.isPreExisting($0.relation) }
        guard let index = existing.first else { return [] }
        return [patch.finding(Self.self, statement,
                              "DROP INDEX takes an ACCESS EXCLUSIVE lock on \(index.relation) and its table: reads and writes wait",
                              help: "use DROP INDEX CONCURRENTLY, in a file of its own, outside a transaction\(patch.noTransactionHint)")]
    }
}
