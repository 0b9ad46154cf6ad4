import PatchgateSyntax

/// A type change of a column on either side of a foreign key drops the key and adds it back:
/// the other table is locked (its triggers are replaced), and unless the change kept the
/// stored values (binary compatible) the key is validated again, scanning the referencing table.
enum ForeignKeyPartners {
    static func retype(_ column: String, of table: QualifiedName, keepsStorage: Bool,
                       state: PatchState, into effects: inout StatementEffects) {
        let fact = keepsStorage ? AlterTableFacts.foreignKeyKept : AlterTableFacts.foreignKeyRevalidated
        for constraint in state.constraints(of: table) {
            guard case .foreignKey(let columns, let reference) = constraint.kind, columns.contains(column) else { continue }
            let target = state.resolve(reference.table)
            effects.lock(target, state.kind(of: target), by: fact)
            effects.scan(table, by: fact)
        }
        for referencing in referencingTables(of: column, in: table, state: state) {
            effects.lock(referencing, state.kind(of: referencing), by: fact)
            effects.scan(referencing, by: fact)
        }
    }

    /// Tables whose foreign keys point at the column (a key naming no columns points at the
    /// primary key), in name order.
    private static func referencingTables(of column: String, in table: QualifiedName, state: PatchState) -> [QualifiedName] {
        let primaryKey = state.catalog.primaryKeyColumns(of: table)
        return state.catalog.relations.compactMap { name, relation -> QualifiedName? in
            let points = relation.constraints.contains { constraint in
                guard case .foreignKey(_, let reference) = constraint.kind, state.resolve(reference.table) == table else { return false }
                return (reference.columns.isEmpty ? primaryKey : reference.columns).contains(column)
            }
            return points && name != table ? name : nil
        }.sorted()
    }
}
