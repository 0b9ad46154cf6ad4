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
        var rowLocked: Set<QualifiedName> = []
        let estimates = statements.map { statement in
            let inputs = DataWork.inputs(of: statement, sizes: sizes, rates: rates)
            let seconds = rates.statementOverheadSeconds + inputs.reduce(0) { $0 + ($1.seconds ?? 0) }
            rowLocked = rowLocked.filter { statement.context.heldLocks[$0] != nil }
            let blocks = blocks(of: statement, rowLocked: rowLocked)
            if statement.context.isInTransaction {
                rowLocked.formUnion(statement.effects.wholeTableWrites.filter(statement.context.isPreExisting))
            }
            return StatementEstimate(seconds: seconds, overheadSeconds: rates.statementOverheadSeconds, blocks: blocks, inputs: inputs)
        }
        return PatchEstimate(statements: estimates, blockedTables: blockedTables(estimates, statements))
    }

    /// The statement's own blocking locks and row locks, and the blocking locks its transaction
    /// still holds; relations the patch created are nobody else's yet.
    private static func blocks(of statement: AnalyzedStatement, rowLocked: Set<QualifiedName>) -> [StatementEstimate.Block] {
        var byRelation: [QualifiedName: StatementEstimate.Block] = [:]
        func add(_ relation: QualifiedName, reads: Bool, writes: Bool) {
            guard reads || writes, statement.context.isPreExisting(relation) else { return }
            var block = byRelation[relation] ?? StatementEstimate.Block(relation: relation, reads: false, writes: false)
            block.reads = block.reads || reads
            block.writes = block.writes || writes
            byRelation[relation] = block
        }
        for lock in statement.effects.locks where lock.kind != .index {
            add(lock.relation, reads: lock.mode.blocksReads, writes: lock.mode.blocksWrites)
        }
        for (relation, held) in statement.context.heldLocks {
            add(relation, reads: held.mode.blocksReads, writes: held.mode.blocksWrites)
        }
        for relation in statement.effects.wholeTableWrites + Array(rowLocked) {
            add(relation, reads: false, writes: true)
        }
        return byRelation.values.sorted { (lhs: StatementEstimate.Block, rhs: StatementEstimate.Block) in lhs.relation < rhs.relation }
    }

    private static func blockedTables(_ estimates: [StatementEstimate], _ statements: [AnalyzedStatement]) -> [PatchEstimate.BlockedTable] {
        var totals: [QualifiedName: (seconds: Double, reads: Bool, writes: Bool, since: Int)] = [:]
        for (estimate, statement) in zip(estimates, statements) {
            for block in estimate.blocks {
                let previous = totals[block.relation] ?? (0, false, false, statement.parsed.index)
                totals[block.relation] = (previous.seconds + estimate.seconds, previous.reads || block.reads,
                                          previous.writes || block.writes, previous.since)
            }
        }
        return totals.map { PatchEstimate.BlockedTable(relation: $0.key, seconds: $0.value.seconds, reads: $0.value.reads,
                                                       writes: $0.value.writes, sinceStatement: $0.value.since) }
            .sorted { ($1.seconds, $0.relation) < ($0.seconds, $1.relation) }
    }
}
