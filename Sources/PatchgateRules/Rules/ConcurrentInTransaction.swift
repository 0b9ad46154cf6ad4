import PatchgateEffects

/// PostgreSQL refuses CONCURRENTLY, VACUUM and similar inside a transaction block: the file
/// fails where its statement runs in one — the runner's transaction, the file's own BEGIN, or
/// the implicit block of a query of several statements.
struct ConcurrentInTransaction: StatementRule {
    static let id = "concurrent-in-transaction"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "a statement that cannot run inside a transaction block runs inside one"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard !statement.effects.isTransactional, let block = statement.context.block else { return [] }
        if let embedding = statement.parsed.embedding { return inRoutine(statement, runBy: embedding.runBy, in: patch) }
        let help: String
        let directive = patch.application.noTransactionDirective
        switch block {
        case .runner:
            help = directive.map { "put it in a migration of its own with `\($0)`, which runs it outside a transaction" }
                ?? "this runner always applies a migration in a transaction: apply the statement outside it"
        case .explicit:
            help = "move it out of the BEGIN … COMMIT block"
        case .routine(let runBy):
            return inRoutine(statement, runBy: runBy, in: patch)
        case .implicit:
            help = "put it alone in a migration of its own: a query of one statement runs outside a transaction block"
                + (directive.map { " (with `\($0)` where the runner wraps migrations)" } ?? "")
        }
        return [patch.finding(Self.self, statement, "\(statement.syntax.displayName) cannot run inside a transaction block, and \(block.explanation)", help: help)]
    }

    /// In a DO block or routine the statement fails either way: a routine sent outside a
    /// transaction block still runs inside a function.
    private func inRoutine(_ statement: AnalyzedStatement, runBy: Int, in patch: PatchContext) -> [Finding] {
        let isInBlock = patch.statement(at: runBy)?.context.isInTransaction ?? true
        let failure = isInBlock
            ? "cannot run inside a transaction block, and the \(patch.statement(at: runBy)?.syntax.displayName ?? "DO") block runs inside one"
            : "cannot be executed from a function, which a DO block or routine body is"
        return [patch.finding(Self.self, statement, "\(statement.syntax.displayName) \(failure)",
                              help: "take it out of the block" + (patch.application.noTransactionDirective.map { ": put it in a file of its own with `\($0)`" } ?? ""))]
    }
}
