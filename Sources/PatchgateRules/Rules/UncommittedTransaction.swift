import PatchgateEffects

/// A transaction the file opens that nothing commits: neither the file nor its runner. When the
/// session ends PostgreSQL rolls it back, so nothing after the BEGIN is applied (psql: "the
/// server rolls back an open transaction when the client disconnects",
/// https://www.postgresql.org/docs/15/sql-begin.html: changes are made visible "until an
/// explicit COMMIT or ROLLBACK is executed"). Under a runner's own transaction the runner's
/// COMMIT commits it: no finding there.
struct UncommittedTransaction: Rule {
    static let id = "uncommitted-transaction"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "a transaction the file opens is never committed, so nothing after its BEGIN is applied"

    func findings(in patch: PatchContext) -> [Finding] {
        // Past a syntax error the file's later statements (its COMMIT among them) are not known.
        guard patch.parsed.problems.isEmpty, let begin = patch.timeline.uncommittedBegin,
              let statement = patch.statements.first(where: { $0.parsed.index == begin }) else { return [] }
        let runner = patch.application.runner.map { "under \($0)" } ?? "applied outside a runner transaction"
        return [patch.finding(Self.self, statement,
                              "this BEGIN opens a transaction that nothing commits (\(runner)): when the session ends it is rolled back and nothing after it is applied",
                              help: "end the transaction with COMMIT at the end of the file, or remove the BEGIN")]
    }
}
