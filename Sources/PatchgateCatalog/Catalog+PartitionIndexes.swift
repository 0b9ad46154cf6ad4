import PatchgateSyntax

/// The indexes PostgreSQL creates on partitions for the indexes of their partitioned table
/// (DefineIndex recursing to each partition; AttachPartitionEnsureIndexes and CREATE TABLE …
/// PARTITION OF cloning the parent's): a partition that already has an index on the same keys
/// gets that one attached instead, any other an index named from its own name
/// (ChooseIndexName). Seen on PostgreSQL 15: create-index-partitioned, alter-attach-partition,
/// create-table-partition-of (Tests/Truth).
extension Catalog {
    public struct IndexClone: Hashable, Sendable {
        public let index: QualifiedName
        public let table: QualifiedName
        public let keys: [String]
        public let parts: IndexNaming.Parts?
        /// False for a clone on a partitioned table: it has no storage and builds nothing.
        public let hasStorage: Bool
    }

    /// Clones of an index of `table` on every partition below it, at any depth.
    public func clones(keys: [String], parts: IndexNaming.Parts?, below table: QualifiedName) -> [IndexClone] {
        guard let relation = relations[table], relation.kind == .partitionedTable else { return [] }
        return relation.partitions.flatMap { clones(keys: keys, parts: parts, onto: $0) }
    }

    /// Clones of every index of `parent` on `partition`, a table being attached or created
    /// (then not in the catalog yet: it has no index of its own).
    public func clones(ofIndexesOf parent: QualifiedName, onto partition: QualifiedName,
                       isPartitioned: Bool? = nil) -> [IndexClone] {
        (relations[parent]?.indexes ?? []).flatMap { index -> [IndexClone] in
            guard let relation = relations[index] else { return [] }
            return clones(keys: relation.keyColumns, parts: relation.nameParts, onto: partition, isPartitioned: isPartitioned)
        }
    }

    private func clones(keys: [String], parts: IndexNaming.Parts?, onto partition: QualifiedName,
                        isPartitioned: Bool? = nil) -> [IndexClone] {
        let existing = relations[partition]?.indexes ?? []
        if !keys.isEmpty, existing.contains(where: { relations[$0]?.keyColumns == keys }) { return [] }
        guard let parts else { return [] }
        let isPartitioned = isPartitioned ?? (relations[partition]?.kind == .partitionedTable)
        let clone = IndexClone(index: IndexNaming.name(table: partition, parts: parts), table: partition,
                               keys: keys, parts: parts, hasStorage: !isPartitioned)
        return [clone] + clones(keys: keys, parts: parts, below: partition)
    }
}
