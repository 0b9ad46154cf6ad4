import PatchgateSyntax

/// Effects → seconds: each statement's data work at the rates, then how long every table the
/// application uses stays blocked, counting locks held until the transaction ends.
public enum PatchEstimator {
    public struct Sizes: Sendable {
        public let statistics: TableStatistics?
        /// Unknown sizes count as 0 bytes (`--assume-small`).
        public let assumeSmall: Bool
        /// The schema before the file, for the indexes a rewrite rebuilds.
        public let catalog: Catalog?

        public init(statistics: TableStatistics?, assumeSmall: Bool, catalog: Catalog? = nil) {
            self.statistics = statistics
            self.assumeSmall = assumeSmall
            self.catalog = catalog
        }

        func indexes(of table: QualifiedName) -> [QualifiedName] {
            catalog?.relation(table)?.indexes.sorted() ?? []
        }

        /// The table an index belongs to, through the statistics' index lists.
        func table(owningIndex index: QualifiedName) -> TableStatistics.Size? {
            statistics?.table(owningIndex: index) ?? (assumeSmall ? TableStatistics.Size(heapBytes: 0) : nil)
        }

        func table(_ relation: QualifiedName) -> TableStatistics.Size? {
            statistics?.size(of: relation) ?? (assumeSmall ? TableStatistics.Size(heapBytes: 0) : nil)
        }

    }

    public static func estimate(_ statements: [AnalyzedStatement], sizes: Sizes, rates: CostRates) -> PatchEstimate {
        var clock = BlockClock()
        let estimates = statements.enumerated().map { position, statement in
            let inputs = DataWork.inputs(of: statement, sizes: sizes, rates: rates)
            let seconds = inputs.reduce(EstimateCeiling.clamp(rates.statementOverheadSeconds)) { EstimateCeiling.sum($0, $1.seconds ?? 0) }
            let blocks = blocks(of: statement)
            let isWhileBlocked = clock.start(statement, at: position, blocks: blocks, seconds: seconds)
            return StatementEstimate(seconds: seconds, overheadSeconds: rates.statementOverheadSeconds, blocks: blocks,
                                     isWhileBlocked: isWhileBlocked, inputs: inputs)
        }
        return PatchEstimate(statements: estimates, blockedTables: clock.finish())
    }

    /// The statement's own blocking locks and the row locks of its whole-table writes; relations
    /// the patch created are nobody else's yet.
    private static func blocks(of statement: AnalyzedStatement) -> [StatementEstimate.Block] {
        // Collected, sorted, then merged where a relation repeats: most statements block one or
        // two tables, and a dictionary per statement cost more than the rest of the estimate.
        var blocks: [StatementEstimate.Block] = []
        func add(_ relation: QualifiedName, reads: Bool, writes: Bool) {
            guard reads || writes, statement.context.isPreExisting(relation) else { return }
            blocks.append(StatementEstimate.Block(relation: relation, reads: reads, writes: writes))
        }
        for lock in statement.effects.locks where lock.kind != .index {
            add(lock.relation, reads: lock.mode.blocksReads, writes: lock.mode.blocksWrites)
        }
        for relation in statement.effects.wholeTableWrites { add(relation, reads: false, writes: true) }
        guard blocks.count > 1 else { return blocks }
        var merged: [StatementEstimate.Block] = []
        for block in blocks.sorted(by: { $0.relation < $1.relation }) {
            if let last = merged.indices.last, merged[last].relation == block.relation {
                merged[last].reads = merged[last].reads || block.reads
                merged[last].writes = merged[last].writes || block.writes
            } else {
                merged.append(block)
            }
        }
        return merged
    }
}

/// Blocked intervals: a table is blocked from the first statement that blocks it until its
/// transaction ends (an autocommit statement is a transaction of its own). One pass, with the
/// time of each interval read off running totals, so a long file costs linear time.
private struct BlockClock {
    private struct Interval { var reads: Bool; var writes: Bool; let since: Int; let startPosition: Int }

    private var open: [QualifiedName: Interval] = [:]
    private var transaction: Int?
    /// Seconds before each position; the last entry is the file's total so far.
    private var elapsed: [Double] = [0]
    private var totals: [QualifiedName: (seconds: Double, reads: Bool, writes: Bool, since: Int)] = [:]

    /// Records the statement at `position`; true when some table is blocked while it runs.
    mutating func start(_ statement: AnalyzedStatement, at position: Int, blocks: [StatementEstimate.Block], seconds: Double) -> Bool {
        let current = statement.context.isInTransaction ? statement.context.transaction : nil
        if current == nil || current != transaction { close(at: position) }
        transaction = current
        for block in blocks {
            if var interval = open[block.relation] {
                interval.reads = interval.reads || block.reads
                interval.writes = interval.writes || block.writes
                open[block.relation] = interval
            } else {
                open[block.relation] = Interval(reads: block.reads, writes: block.writes, since: statement.parsed.index, startPosition: position)
            }
        }
        elapsed.append(EstimateCeiling.sum(elapsed[position], seconds))
        let isWhileBlocked = !open.isEmpty
        if current == nil { close(at: position + 1) }
        return isWhileBlocked
    }

    private mutating func close(at end: Int) {
        for (relation, interval) in open {
            let previous = totals[relation] ?? (0, false, false, interval.since)
            totals[relation] = (EstimateCeiling.sum(previous.seconds, elapsed[end] - elapsed[interval.startPosition]),
                                previous.reads || interval.reads, previous.writes || interval.writes, previous.since)
        }
        open = [:]
    }

    mutating func finish() -> [PatchEstimate.BlockedTable] {
        close(at: elapsed.count - 1)
        return totals.map { PatchEstimate.BlockedTable(relation: $0.key, seconds: $0.value.seconds, reads: $0.value.reads,
                                                       writes: $0.value.writes, sinceStatement: $0.value.since) }
            .sorted { ($1.seconds, $0.relation) < ($0.seconds, $1.relation) }
    }
}
