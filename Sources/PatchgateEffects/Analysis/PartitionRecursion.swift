import PatchgateSyntax

/// A partitioned table holds no rows: an ALTER TABLE that recurses locks every partition (at
/// any depth) as it locks the parent, and the rewrites, scans and index builds happen there.
enum PartitionRecursion {
    static func apply(to parent: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        guard let mode = effects.lockMode(on: parent) else { return }
        let partitions = leaves(of: parent, state: state)
        guard !partitions.isEmpty else { return }
        for partition in partitions {
            let kind = state.kind(of: partition)
            effects.lock(partition, kind == .partitionedTable ? .partitionedTable : .table, mode)
        }
        let storing = partitions.filter { state.kind(of: $0) != .partitionedTable }
        move(parent, to: storing, in: \.rewrites, of: &effects)
        move(parent, to: storing, in: \.scans, of: &effects)
        move(parent, to: storing, in: \.wholeTableWrites, of: &effects)
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

    private static func move(_ parent: QualifiedName, to partitions: [QualifiedName],
                             in list: WritableKeyPath<StatementEffects, [QualifiedName]>, of effects: inout StatementEffects) {
        guard effects[keyPath: list].contains(parent) else { return }
        effects[keyPath: list].removeAll { $0 == parent }
        for partition in partitions { effects.appendUnique(partition, to: list) }
    }
}
