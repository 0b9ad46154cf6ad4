import PatchgateSyntax

/// How long one statement takes and what the running application cannot do meanwhile.
public struct StatementEstimate: Hashable, Sendable {
    /// One piece of data work: a table's bytes at an operation's rate.
    public struct Input: Hashable, Sendable {
        /// The relation whose bytes the work reads: for an index build, its table (the index
        /// itself when only a catalog would know the table).
        public let relation: QualifiedName
        public let operation: CostRates.Operation
        /// For an index build, the index built, when its name is known.
        public var index: QualifiedName? = nil
        /// nil when the statistics do not list the relation (and `--assume-small` is off).
        public let bytes: Int64?
        public let rateMBps: Double

        public var seconds: Double? { bytes.map { EstimateCeiling.clamp(Double($0) / CostRates.bytesPerMegabyte / rateMBps) } }
    }

    /// A relation the statement itself keeps the application from reading and/or writing: its
    /// own blocking locks and the row locks of a whole-table write.
    public struct Block: Hashable, Sendable {
        public let relation: QualifiedName
        public var reads: Bool
        public var writes: Bool
    }

    public let seconds: Double
    public let overheadSeconds: Double
    public let blocks: [Block]
    /// True when some table is blocked while the statement runs: by its own locks, or by locks
    /// earlier statements of its transaction still hold. Its time is then downtime.
    public let isWhileBlocked: Bool
    public let inputs: [Input]

    /// Relations whose size the estimate needed and did not have.
    public var unknownSizes: [QualifiedName] {
        var seen = Set<QualifiedName>()
        return inputs.filter { $0.bytes == nil && seen.insert($0.relation).inserted }.map(\.relation)
    }

    /// True when data work, not only catalog work, decides the duration.
    public var hasDataWork: Bool { !inputs.isEmpty }
    /// False when some input's size is unknown: `seconds` then counts only the known part, and
    /// the duration itself is unknown.
    public var isComplete: Bool { inputs.allSatisfy { $0.bytes != nil } }
    /// Data work while no table is blocked (CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT): the
    /// application runs meanwhile, so its time is live work, never downtime.
    public var isLiveWork: Bool { hasDataWork && !isWhileBlocked }
}

/// A file's estimate: how long each pre-existing table stays blocked, which is what the
/// application feels, and how long the whole file takes to apply.
public struct PatchEstimate: Hashable, Sendable {
    public struct BlockedTable: Hashable, Sendable {
        public let relation: QualifiedName
        public let seconds: Double
        public let reads: Bool
        public let writes: Bool
        /// The statement that first blocked it.
        public let sinceStatement: Int
    }

    /// One per statement, in order.
    public let statements: [StatementEstimate]
    /// Longest blocked first, then by name.
    public let blockedTables: [BlockedTable]

    public init(statements: [StatementEstimate], blockedTables: [BlockedTable]) {
        self.statements = statements
        self.blockedTables = blockedTables
    }

    /// Every statement one after another.
    public var applySeconds: Double { statements.reduce(0) { EstimateCeiling.sum($0, $1.seconds) } }
    /// The longest any pre-existing table stays blocked: the downtime the application sees.
    public var blockedSeconds: Double { blockedTables.first?.seconds ?? 0 }
    /// Every relation whose size some statement needed and the statistics did not give, by name.
    public var unknownSizes: [QualifiedName] { Self.names(statements.flatMap(\.unknownSizes)) }
    /// How long the live work takes (`StatementEstimate.isLiveWork`): the known part when
    /// `liveUnknownSizes` is not empty.
    public var liveSeconds: Double {
        statements.reduce(0) { $1.isLiveWork ? EstimateCeiling.sum($0, $1.seconds) : $0 }
    }
    /// The sizes the live work's estimate lacks.
    public var liveUnknownSizes: [QualifiedName] {
        Self.names(statements.filter(\.isLiveWork).flatMap(\.unknownSizes))
    }
    /// The sizes the time tables stay blocked lacks: those of the work done while tables are blocked.
    public var blockingUnknownSizes: [QualifiedName] {
        Self.names(statements.filter(\.isWhileBlocked).flatMap(\.unknownSizes))
    }

    static func names(_ relations: [QualifiedName]) -> [QualifiedName] { Set(relations).sorted() }

    /// Start of each statement on the file's clock.
    public var startSeconds: [Double] {
        var clock = 0.0
        return statements.map { estimate in
            defer { clock = EstimateCeiling.sum(clock, estimate.seconds) }
            return clock
        }
    }
}
