import PatchgateSyntax

/// With a schema, the objects a statement names must exist, and the ones it creates must not:
/// otherwise PostgreSQL fails on it. IF [NOT] EXISTS turns either into a no-op.
enum SchemaReferences {
    static func check(_ statement: Statement, state: PatchState, into effects: inout StatementEffects) {
        var unknown: [String] = [], existing: [String] = []
        func require(_ name: QualifiedName) {
            let resolved = state.resolve(name)
            if !state.catalog.contains(resolved) { unknown.append(resolved.description) }
        }
        func fresh(_ name: QualifiedName) {
            let resolved = state.resolve(name)
            if state.catalog.contains(resolved) { existing.append(resolved.description) }
        }
        switch statement {
        case .alterTable(let alter) where !alter.ifExists:
            require(alter.table)
            columns(alter, state: state, unknown: &unknown, existing: &existing)
        case .createTable(let create) where !create.ifNotExists:
            fresh(create.table)
            create.referencedTables.forEach(require)
            create.partitionOf.map(require)
        case .createIndex(let index):
            require(index.table)
            if !index.ifNotExists, let name = index.name { fresh(QualifiedName(schema: state.resolve(index.table).schema, name: name)) }
        case .createView(let view) where !view.isReplace: fresh(view.name)
        case .createTableAs(let create) where !create.ifNotExists: fresh(create.name)
        case .drop(let drop) where !drop.ifExists && [.table, .view, .materializedView, .index].contains(drop.objectKind):
            drop.names.forEach(require)
        case .rename(let rename) where !rename.ifExists: rename.relation.map(require)
        case .truncate(let truncate): truncate.tables.forEach(require)
        default: break
        }
        effects.unknownObjects = unknown
        effects.existingObjects = existing
    }

    private static func columns(_ alter: AlterTable, state: PatchState, unknown: inout [String], existing: inout [String]) {
        let table = state.resolve(alter.table)
        guard let relation = state.catalog.relation(table), !relation.isPartial,
              relation.kind == .table || relation.kind == .partitionedTable else { return }
        for action in alter.actions {
            switch action {
            case .addColumn(let column, let ifNotExists) where !ifNotExists && relation.column(column.name) != nil:
                existing.append("\(table).\(column.name)")
            case .dropColumn(let name, false, _), .alterColumnType(let name, _, _), .setNotNull(let name),
                 .dropNotNull(let name), .setDefault(let name, _), .dropDefault(let name):
                if relation.column(name) == nil { unknown.append("\(table).\(name)") }
            default: continue
            }
        }
    }
}
