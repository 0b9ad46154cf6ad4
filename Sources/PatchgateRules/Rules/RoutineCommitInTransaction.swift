import PatchgateEffects
import PatchgateSyntax

/// A COMMIT or ROLLBACK in a DO block or procedure ends the transaction only when the block
/// was sent outside a transaction block; inside one (the runner's, or after BEGIN) it fails.
struct RoutineCommitInTransaction: StatementRule {
    static let id = "routine-commit-in-transaction"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "a DO block or procedure that runs inside a transaction block COMMITs or ROLLs BACK"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard let embedding = statement.parsed.embedding, case .transaction(let control) = statement.syntax,
              control.kind == .commit || control.kind == .rollback,
              let runner = patch.statement(at: embedding.runBy), let block = runner.context.block else { return [] }
        return [patch.finding(Self.self, statement,
                              "\(statement.syntax.displayName) in a \(runner.syntax.displayName) block fails with \"invalid transaction termination\": \(block.explanation)",
                              help: "apply the file outside a transaction" + (patch.application.noTransactionDirective.map { " (`\($0)`)" } ?? "")
                                  + ", or leave the COMMIT out and let the transaction end after the block")]
    }
}
