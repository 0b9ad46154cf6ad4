import PatchgateEffects

/// A validation scan or a non-concurrent index build under a lock that blocks writes takes
/// time proportional to the table, all of it with writers waiting. Reports what no more
/// specific rule already rejected (ATTACH PARTITION, ADD COLUMN … CHECK / REFERENCES / UNIQUE …).
struct BlockingScanOrIndexBuild: StatementRule {
    static let id = "blocking-scan-or-index-build"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "a validation scan or index build while writes to the table are blocked"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard !patch.isAlreadyRejected(statement) else { return [] }
        let effects = statement.effects
        let blocked = (effects.scans + effects.indexBuilds.filter { !$0.isConcurrent && !$0.isOnEmptyTable }.compactMap(\.table)).filter { table in
            !statement.context.isEmptyNew(table) && (effects.lockMode(on: table)?.blocksWrites ?? false)
        }
        guard let table = blocked.first else { return [] }
        let mode = effects.lockMode(on: table)?.pgLocksName ?? "a lock"
        let what = effects.scans.contains(table) ? "reads every row of" : "builds an index on"
        return [patch.finding(Self.self, statement,
                              "\(statement.syntax.displayName) \(what) \(table) while holding \(mode): writes wait for the whole of it",
                              help: "split the change so that the slow part runs under SHARE UPDATE EXCLUSIVE: NOT VALID then VALIDATE CONSTRAINT, CREATE INDEX CONCURRENTLY then USING INDEX, a CHECK that implies the partition bounds before ATTACH PARTITION")]
    }
}
