import PatchgateEffects

/// The file keeps a table blocked for longer than the downtime budget allows.
struct OverBudget: Rule {
    static let id = "over-budget"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "the estimated downtime of the file exceeds the budget"

    func findings(in patch: PatchContext) -> [Finding] {
        let clock = patch.clock
        guard clock.isOverBudget else { return [] }
        let costliest = zip(patch.statements, patch.estimate.statements)
            .filter { $0.1.isWhileBlocked }
            .sorted { $0.1.seconds > $1.1.seconds || ($0.1.seconds == $1.1.seconds && $0.0.parsed.index < $1.0.parsed.index) }
            .prefix(3)
        guard let first = costliest.first else { return [] }
        let parts = costliest.map { statement, cost in
            "line \(patch.source.position(of: statement.parsed.span.start).line) \(DurationText.format(cost.seconds))"
        }
        let table = patch.estimate.blockedTables.first.map { " (\($0.relation) is blocked the longest)" } ?? ""
        return [patch.finding(Self.self, first.0,
                              "the file needs about \(DurationText.format(clock.downtimeSeconds)) of downtime\(table), over the \(DurationText.format(clock.budgetSeconds)) budget; costliest: \(parts.joined(separator: ", "))",
                              help: "split the slow statements into their own patches, or make them live: NOT VALID + VALIDATE, CREATE INDEX CONCURRENTLY, batched backfills")]
    }
}
