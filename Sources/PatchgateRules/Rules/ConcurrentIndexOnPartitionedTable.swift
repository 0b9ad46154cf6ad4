import PatchgateEffects

/// PostgreSQL 15 cannot build an index CONCURRENTLY on a partitioned table.
struct ConcurrentIndexOnPartitionedTable: StatementRule {
    static let id = "concurrent-index-on-partitioned-table"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "CREATE INDEX CONCURRENTLY on a partitioned table fails"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .createIndex(let index) = statement.syntax, index.isConcurrent,
              let lock = statement.effects.locks.first(where: { $0.kind == .partitionedTable }) else { return [] }
        return [patch.finding(Self.self, statement,
                              "\(lock.relation) is partitioned: PostgreSQL 15 cannot create an index on it concurrently",
                              help: "CREATE INDEX … ON ONLY \(lock.relation) (invalid parent index), CREATE INDEX CONCURRENTLY on each partition, then ALTER INDEX … ATTACH PARTITION each one")]
    }
}
