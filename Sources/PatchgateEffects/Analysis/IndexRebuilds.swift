import PatchgateSyntax

/// The indexes a statement builds again without naming them: a table's new storage (a rewrite,
/// TRUNCATE) gets every index of the table built again from it. Seen on PostgreSQL 15: the
/// relfilenode of each index changes and the server logs `building index` for it
/// (Tests/Truth: vacuum-full, cluster-*, alter-set-logged, alter-type-int-to-bigint, truncate).
enum IndexRebuilds {
    /// Rebuilds for the statement's rewrites, and the cost-free mark on builds whose table is
    /// empty: the one list the estimate, the rules and the reports read.
    static func complete(_ effects: inout StatementEffects, state: PatchState) {
        // SET TABLESPACE copies the table's files block by block: its indexes stay where they are.
        if !effects.rewriteReasons.allSatisfy({ $0 == .tablespaceChange }) {
            for table in effects.rewrites {
                add(everyIndexOf: table, state: state, into: &effects)
            }
        }
        for position in effects.indexBuilds.indices {
            if let table = effects.indexBuilds[position].table, state.emptyNew.contains(table) {
                effects.indexBuilds[position].isOnEmptyTable = true
            }
        }
    }

    /// A type change that keeps the table but not the index's operator class (timestamp ↔
    /// timestamptz under UTC, citext ↔ text) builds each index keyed on the column again.
    static func add(indexesOn column: String, of table: QualifiedName, state: PatchState,
                    into effects: inout StatementEffects) {
        for index in state.catalog.dependents(ofColumn: column, in: table).indexes
        where !effects.indexBuilds.contains(where: { $0.index == index }) {
            effects.indexBuilds.append(IndexBuild(index: index, table: table, method: .rebuild))
        }
    }

    /// TRUNCATE gives the table and each index new, empty storage: built again, at no cost.
    /// CASCADE empties the tables whose foreign keys reference it too, and theirs in turn.
    static func truncate(_ statement: Truncate, state: PatchState, into effects: inout StatementEffects) {
        var pending = statement.tables.map(state.resolve)
        var emptied: [QualifiedName] = []
        while let table = pending.first {
            pending.removeFirst()
            guard !emptied.contains(table) else { continue }
            emptied.append(table)
            add(everyIndexOf: table, isEmpty: true, state: state, into: &effects)
            if statement.isCascade { pending += referencing(table, state: state) }
        }
    }

    private static func referencing(_ table: QualifiedName, state: PatchState) -> [QualifiedName] {
        state.catalog.relations.filter { name, relation in
            name != table && relation.constraints.contains { constraint in
                guard case .foreignKey(_, let reference) = constraint.kind else { return false }
                return state.resolve(reference.table) == table
            }
        }.map(\.key).sorted()
    }

    /// The catalog's indexes of the table (of its partitions, for a partitioned table: its own
    /// index has no storage), or one build standing for all of them when no schema lists the
    /// table's indexes. Indexes already listed are not listed twice.
    static func add(everyIndexOf table: QualifiedName, method: IndexBuild.Method = .rebuild, isEmpty: Bool = false,
                    state: PatchState, into effects: inout StatementEffects) {
        guard let relation = state.catalog.relation(table), !relation.isPartial else {
            if !effects.indexBuilds.contains(where: { $0.table == table && $0.index == nil }) {
                effects.indexBuilds.append(IndexBuild(index: nil, table: table, method: method, isOnEmptyTable: isEmpty))
            }
            return
        }
        if relation.kind == .partitionedTable {
            for partition in relation.partitions {
                add(everyIndexOf: partition, method: method, isEmpty: isEmpty, state: state, into: &effects)
            }
            return
        }
        for index in relation.indexes.sorted() where !effects.indexBuilds.contains(where: { $0.index == index }) {
            effects.indexBuilds.append(IndexBuild(index: index, table: table, method: method, isOnEmptyTable: isEmpty))
        }
    }
}
