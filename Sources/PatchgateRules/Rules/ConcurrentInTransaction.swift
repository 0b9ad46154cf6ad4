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
        if let embedding = statement.parsed.embedding { return inRoutine(statement, runBy: embedding.runBy, in: patch) }
        let wrapper = patch.options.transactionMode == .perFile
            ? "the runner applies the file in one transaction (--transaction per-file)"
            : "it follows BEGIN"
        return [patch.finding(Self.self, statement,
                              "\(statement.syntax.displayName) cannot run inside a transaction block, and \(wrapper)",
                              help: "put it in a file of its own starting with `-- patchgate: no-transaction`, and apply that file outside a transaction")]
    }

    /// In a DO block or routine the statement fails either way: a routine sent outside a
    /// transaction block still runs inside a function.
    private func inRoutine(_ statement: AnalyzedStatement, runBy: Int, in patch: PatchContext) -> [Finding] {
        let isInBlock = patch.statement(at: runBy)?.context.isInTransaction ?? true
        let failure = isInBlock
            ? "cannot run inside a transaction block, and the \(patch.statement(at: runBy)?.syntax.displayName ?? "DO") block runs inside one"
            : "cannot be executed from a function, which a DO block or routine body is"
        return [patch.finding(Self.self, statement, "\(statement.syntax.displayName) \(failure)",
                              help: "take it out of the block: put it in a file of its own starting with `-- patchgate: no-transaction`")]
    }
}
