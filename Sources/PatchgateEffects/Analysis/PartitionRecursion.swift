import PatchgateSyntax

/// A partitioned table holds no rows: an ALTER TABLE that recurses locks every partition (at
/// any depth) as it locks the parent, and the rewrites, scans and index builds happen there.
enum PartitionRecursion {
    static func apply(to parent: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        guard effects.lockMode(on: parent) != nil else { return }
        let partitions = leaves(of: parent, state: state)
        guard !partitions.isEmpty else { return }
        for partition in partitions {
            let kind = state.kind(of: partition)
            effects.lock(partition, kind == .partitionedTable ? .partitionedTable : .table, likeParent: parent)
        }
        let storing = partitions.filter { state.kind(of: $0) != .partitionedTable }
        effects.moveWork(from: parent, to: storing)
    }

    /// Every partition below the table, sub-partitioned ones included, in catalog order.
    private static func leaves(of table: QualifiedName, state: PatchState) -> [QualifiedName] {
        var found: [QualifiedName] = []
        var pending = state.catalog.relation(table)?.partitions ?? []
        while !pending.isEmpty {
            let next = pending.removeFirst()
            guard !found.contains(next) else { continue }
            found.append(next)
            pending += state.catalog.relation(next)?.partitions ?? []
        }
        return found
    }
}
