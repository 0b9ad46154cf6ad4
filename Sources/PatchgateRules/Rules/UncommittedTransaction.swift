import PatchgateEffects
import PatchgateSyntax

/// Applied statement by statement (psql -f), a file that ends inside its own BEGIN leaves that
/// transaction open: when the session ends PostgreSQL rolls it back, and nothing after the BEGIN
/// is applied. Under the runner's own transaction (per-file) the runner's COMMIT commits it.
struct UncommittedTransaction: Rule {
    static let id = "uncommitted-transaction"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "the file opens a transaction that nothing commits"

    func findings(in patch: PatchContext) -> [Finding] {
        // Past a syntax error the file's later statements (its COMMIT among them) are not known.
        guard patch.options.transactionMode == .none, patch.parsed.problems.isEmpty,
              let opening = openingOfUnendedBlock(patch.statements) else { return [] }
        return [patch.finding(Self.self, opening,
                              "the transaction this statement opens is never committed: when the session ends PostgreSQL rolls it back, and nothing after it is applied",
                              help: "end the transaction with COMMIT at the end of the file")]
    }

    /// The BEGIN of the block still open after the last statement, if any.
    private func openingOfUnendedBlock(_ statements: [AnalyzedStatement]) -> AnalyzedStatement? {
        var opening: AnalyzedStatement?
        for statement in statements {
            guard case .transaction(let control) = statement.syntax else { continue }
            switch control.kind {
            case .begin: opening = opening ?? statement
            case .commit, .rollback, .prepare: opening = nil
            case .savepoint, .release, .rollbackToSavepoint, .commitPrepared, .rollbackPrepared: break
            }
        }
        return opening
    }
}
