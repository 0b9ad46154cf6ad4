import PatchgateEffects

/// PostgreSQL refuses CONCURRENTLY, VACUUM and similar inside a transaction block: the file
/// fails where the runner wraps it in one.
struct ConcurrentInTransaction: StatementRule {
    static let id = "concurrent-in-transaction"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "a statement that cannot run inside a transaction block runs inside one"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard !statement.effects.isTransactional, statement.context.isInTransaction else { return [] }
        let wrapper = patch.options.transactionMode == .perFile
            ? "the runner applies the file in one transaction (--transaction per-file)"
            : "it follows BEGIN"
        return [patch.finding(Self.self, statement,
                              "\(statement.syntax.displayName) cannot run inside a transaction block, and \(wrapper)",
                              help: "put it in a file of its own starting with `-- patchgate: no-transaction`, and apply that file outside a transaction")]
    }
}
