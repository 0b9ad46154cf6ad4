import PatchgateSyntax

/// New indexes a statement builds besides the one it names: a new table's constraint indexes,
/// and the clones of a partitioned table's indexes on its partitions. Their names and tables
/// come from the catalog (`Catalog+PartitionIndexes`), which records the same indexes when
/// the statement is replayed.
enum NewIndexBuilds {
    /// CREATE TABLE: the indexes of its PRIMARY KEY, UNIQUE and EXCLUDE constraints, for a
    /// partition the clones of its parent's indexes, and the indexes LIKE copies; all built on
    /// an empty table (server: create-table-plain, create-table-partition-of, create-table-like).
    static func createTable(_ statement: CreateTable, table: QualifiedName, state: PatchState,
                            into effects: inout StatementEffects) {
        guard !statement.isPartitioned else { return }
        for constraint in statement.constraints {
            if case .unique(_, .some) = constraint.kind { continue }
            if case .primaryKey(_, .some) = constraint.kind { continue }
            if let index = IndexNaming.constraintIndex(constraint, on: table) {
                effects.indexBuilds.append(IndexBuild(index: index, table: table, method: .new, isOnEmptyTable: true))
            }
        }
        for column in statement.columns where column.isPrimaryKey || column.isUnique {
            let parts = IndexNaming.Parts(columns: [column.name], suffix: column.isPrimaryKey ? "pkey" : "key")
            effects.indexBuilds.append(IndexBuild(index: IndexNaming.name(table: table, parts: parts), table: table,
                                                  method: .new, isOnEmptyTable: true))
        }
        // A partition gets its parent's indexes; LIKE … INCLUDING INDEXES copies the source's.
        for source in (statement.partitionOf.map { [$0] } ?? []) + statement.likeIndexSources {
            for clone in state.catalog.clones(ofIndexesOf: state.resolve(source), onto: table, isPartitioned: false) {
                effects.indexBuilds.append(IndexBuild(index: clone.index, table: clone.table, method: .new, isOnEmptyTable: true))
            }
        }
    }

    /// ATTACH PARTITION: each index of the parent the partition has no match for is built on it.
    static func attach(_ partition: QualifiedName, to parent: QualifiedName, state: PatchState,
                       into effects: inout StatementEffects) {
        for clone in state.catalog.clones(ofIndexesOf: parent, onto: partition) where clone.hasStorage {
            effects.indexBuilds.append(IndexBuild(index: clone.index, table: clone.table, method: .new))
        }
    }

    /// CREATE INDEX on a partitioned table builds one index per partition; its own has no storage.
    static func partitions(of table: QualifiedName, for statement: CreateIndex, state: PatchState) -> [IndexBuild]? {
        guard state.kind(of: table) == .partitionedTable else { return nil }
        let keys = statement.columns.compactMap { key -> String? in
            if case .column(let name) = key { return name }
            return nil
        }
        return state.catalog.clones(keys: keys, parts: IndexNaming.parts(of: statement), below: table)
            .filter(\.hasStorage)
            .map { IndexBuild(index: $0.index, table: $0.table, isConcurrent: statement.isConcurrent) }
    }
}
