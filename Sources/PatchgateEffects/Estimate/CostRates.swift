/// The throughputs the cost model turns bytes into seconds with. Defaults come from
/// `scripts/measure-rates.sh` on a throwaway PostgreSQL 15 cluster (see docs/estimates.md), rounded
/// down; a team sets its own from its staging server's upgrade logs.
public struct CostRates: Hashable, Sendable {
    public enum Operation: String, CaseIterable, Sendable {
        /// Copying heap and TOAST to a new file (ALTER … TYPE, VACUUM FULL, SET TABLESPACE …).
        case rewrite
        /// Building one index from its table's heap (MB of heap): CREATE INDEX, and each index
        /// a rewrite or REINDEX rebuilds.
        case indexBuild = "index-build"
        /// Reading every row to validate a constraint or NOT NULL.
        case scan
        /// UPDATE or DELETE of every row.
        case wholeTableWrite = "whole-table-write"
    }

    /// Megabytes (2^20 bytes, as `pg_size_pretty` counts) per second, per operation.
    public var megabytesPerSecond: [Operation: Double]
    /// What any statement costs before its data work: parsing, catalog updates, a commit.
    public var statementOverheadSeconds: Double

    public init(megabytesPerSecond: [Operation: Double] = CostRates.measuredDefaults, statementOverheadSeconds: Double = 0.05) {
        self.megabytesPerSecond = megabytesPerSecond
        self.statementOverheadSeconds = statementOverheadSeconds
    }

    public static let measuredDefaults: [Operation: Double] = [
        .rewrite: 80, .indexBuild: 150, .scan: 600, .wholeTableWrite: 7,
    ]

    /// The rates a team may set, 1 kB/s to 1 TB/s: past them a division gives infinity or
    /// zero, and the estimate would be nonsense or trap when a report rounds it.
    public static let megabytesPerSecondRange: ClosedRange<Double> = 0.001...1_000_000
    /// A statement's fixed cost, a microsecond to an hour.
    public static let overheadSecondsRange: ClosedRange<Double> = 0.000_001...3600

    public func rate(_ operation: Operation) -> Double { megabytesPerSecond[operation] ?? Self.measuredDefaults[operation] ?? 1 }

    public static let bytesPerMegabyte = 1_048_576.0
}

extension CostRates.Operation {
    /// How reports name the operation.
    public var displayName: String {
        switch self {
        case .rewrite: "rewrite"
        case .indexBuild: "index build"
        case .scan: "scan"
        case .wholeTableWrite: "whole-table write"
        }
    }
}
