import PatchgateEffects

/// A statement that needs a strong lock queues behind every open transaction on the table, and
/// every later query queues behind it. A short lock_timeout makes it give up instead: with one,
/// a brief catalog change can run live.
struct RequireLockTimeout: StatementRule {
    static let id = "require-lock-timeout"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.downtime
    static let summary = "a strong lock on a live table without a short lock_timeout"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        // Launchpad's fast downtime disconnects every client before a cold patch runs: no
        // query queues behind its locks.
        guard !patch.isAlreadyRejected(statement), patch.launchpad?.applyClass != .cold else { return [] }
        // A lock taken only after every older query has ended (DROP INDEX CONCURRENTLY's on the
        // index) has nothing to wait for, so no query queues behind it.
        let strong = statement.effects.locks.filter { lock in
            lock.mode > .shareUpdateExclusive && !lock.isAfterOlderQueries && lock.kind != .view
                && statement.context.isPreExisting(lock.relation)
        }
        guard let lock = strong.first else { return [] }
        let limit = patch.options.maxLockTimeoutMilliseconds
        let timeout = statement.context.lockTimeoutMilliseconds ?? 0
        if timeout > 0 && timeout <= limit { return [] }
        let why = timeout > limit ? "lock_timeout is \(timeout) ms, above the \(limit) ms limit" : "no lock_timeout is set"
        return [patch.finding(Self.self, statement,
                              "\(statement.syntax.displayName) takes \(lock.mode.pgLocksName) on \(lock.relation) and \(why): while it waits, every query on \(lock.relation) waits behind it",
                              help: "SET lock_timeout = '2s'; before the statement and retry on timeout, or apply it in the downtime window")]
    }
}
