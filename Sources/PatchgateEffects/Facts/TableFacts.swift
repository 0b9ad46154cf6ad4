import PatchgateSyntax

/// CREATE TABLE, CREATE TABLE AS, DROP TABLE / VIEW, TRUNCATE, RENAME.
enum TableFacts {
    static let createReferencing = Fact("table.create.references", lock: .shareRowExclusive, doc: "sql-createtable.html",
        truth: ["create-table-references"], note: "a foreign key to an existing table locks it SHARE ROW EXCLUSIVE")
    static let createPartitionOf = Fact("table.create.partition-of", lock: .accessExclusive, doc: "sql-createtable.html",
        truth: ["create-table-partition-of"], note: "unlike ATTACH PARTITION, PARTITION OF locks the parent ACCESS EXCLUSIVE")
    static let createInherits = Fact("table.create.inherits", lock: .shareUpdateExclusive, doc: "sql-createtable.html",
        truth: ["create-table-inherits"])
    static let createAs = Fact("table.create-as", lock: .accessShare, doc: "sql-createtableas.html",
        truth: ["create-table-as", "create-table-like"], note: "reads its sources like a SELECT; LIKE reads its source table too")
    static let drop = Fact("table.drop", lock: .accessExclusive, doc: "sql-droptable.html",
        truth: ["drop-table", "drop-table-holding-fk", "drop-table-referenced-cascade"],
        note: "the other table of each foreign key is locked too: its triggers are dropped")
    static let dropPartition = Fact("table.drop.partition", lock: .accessExclusive, doc: "sql-droptable.html",
        truth: ["drop-table-partition", "drop-table-default-partition"],
        note: "server: dropping a partition locks its parent ACCESS EXCLUSIVE, to detach it")
    static let truncate = Fact("table.truncate", lock: .accessExclusive, doc: "sql-truncate.html",
        truth: ["truncate", "truncate-referenced-cascade"])
    static let rename = Fact("table.rename", lock: .accessExclusive, doc: "sql-altertable.html",
        truth: ["alter-rename-table", "alter-rename-column"])
    static let renameIndex = Fact("index.rename", lock: .shareUpdateExclusive, doc: "sql-alterindex.html",
        truth: ["alter-index-rename"], note: "ALTER INDEX … RENAME takes SHARE UPDATE EXCLUSIVE since PostgreSQL 12")

    static let all = [createReferencing, createPartitionOf, createInherits, createAs, drop, dropPartition, truncate, rename, renameIndex]

    static func createTable(_ statement: CreateTable, state: PatchState, into effects: inout StatementEffects) {
        let table = state.resolve(statement.table)
        effects.created.append(table)
        NewIndexBuilds.createTable(statement, table: table, state: state, into: &effects)
        for target in statement.referencedTables.map(state.resolve) where target != table {
            effects.lock(target, state.kind(of: target), by: createReferencing)
        }
        if let parent = statement.partitionOf.map(state.resolve) {
            effects.lock(parent, .partitionedTable, by: createPartitionOf)
        }
        for parent in statement.inherits.map(state.resolve) {
            effects.lock(parent, state.kind(of: parent), by: createInherits)
        }
        for source in statement.likeSources.map(state.resolve) {
            effects.lock(source, state.kind(of: source), by: createAs)
        }
    }

    static func createTableAs(_ statement: CreateTableAs, state: PatchState, into effects: inout StatementEffects) {
        for source in statement.sourceRelations.map(state.resolve) {
            effects.lock(source, state.kind(of: source), by: createAs)
        }
        effects.created.append(state.resolve(statement.name))
    }

    static func dropRelations(_ statement: Drop, kind: RelationKind, state: PatchState, into effects: inout StatementEffects) {
        for relation in statement.names.map(state.resolve) {
            effects.lock(relation, state.kind(of: relation, default: kind), by: drop)
            if let parent = state.catalog.relation(relation)?.parent, kind == .table {
                effects.lock(parent, state.kind(of: parent, default: .partitionedTable), by: dropPartition)
            }
            for target in state.catalog.foreignKeyNeighbours(of: relation, resolve: state.resolve) {
                effects.lock(target, state.kind(of: target), by: drop)
            }
            guard state.isPreExisting(relation) else { continue }
            let breakKind: CompatibilityBreak.Kind = kind == .table ? .dropsTable : .dropsView
            effects.compatibility.append(CompatibilityBreak(
                kind: breakKind, object: relation.description,
                message: "code that still uses \(relation) fails once it is dropped"))
        }
    }

    static func truncate(_ statement: Truncate, state: PatchState, into effects: inout StatementEffects) {
        for table in statement.tables.map(state.resolve) {
            effects.lock(table, state.kind(of: table), by: truncate)
        }
        IndexRebuilds.truncate(statement, state: state, into: &effects)
    }

    static func rename(_ statement: Rename, state: PatchState, into effects: inout StatementEffects) {
        if [.function, .procedure].contains(statement.objectKind), !statement.object.isEmpty {
            let function = state.resolve(QualifiedName(parts: statement.object))
            if !state.createdFunctions.contains(function.name) {
                effects.compatibility.append(CompatibilityBreak(
                    kind: .renamesFunction, object: function.description,
                    message: "code and triggers that call \(function) fail once it is renamed to \(statement.newName)"))
            }
        }
        if let renamed = renamedNamespaceOrType(statement) { effects.compatibility.append(renamed) }
        guard let relation = statement.relation.map(state.resolve) else { return }
        let kind: RelationKind = switch statement.objectKind {
        case .index: .index
        case .view: .view
        case .materializedView: .materializedView
        case .sequence: .sequence
        default: state.kind(of: relation)
        }
        effects.lock(relation, kind, by: kind == .index ? renameIndex : rename)
        guard state.isPreExisting(relation) else { return }
        switch statement.objectKind {
        case .column:
            effects.compatibility.append(CompatibilityBreak(
                kind: .renamesColumn, object: "\(relation).\(statement.subobject ?? "")",
                message: "code that uses \(relation).\(statement.subobject ?? "") fails once it is renamed to \(statement.newName)"))
        case .table, .view, .materializedView:
            effects.compatibility.append(CompatibilityBreak(
                kind: statement.objectKind == .table ? .renamesTable : .renamesView, object: relation.description,
                message: "code that uses \(relation) fails once it is renamed to \(statement.newName)"))
        default: break
        }
    }

    /// A type or schema is named by the code and by other objects' definitions as a column
    /// is: once it is renamed, code that still spells the old name fails.
    private static func renamedNamespaceOrType(_ statement: Rename) -> CompatibilityBreak? {
        switch statement.objectKind {
        case .type, .domain:
            let name = statement.object.joined(separator: ".")
            return CompatibilityBreak(kind: .renamesType, object: name,
                                      message: "code that uses type \(name) fails once it is renamed to \(statement.newName)")
        case .schema:
            let name = statement.subobject ?? statement.object.joined(separator: ".")
            return CompatibilityBreak(kind: .renamesSchema, object: name,
                                      message: "code that names schema \(name) fails once it is renamed to \(statement.newName)")
        default: return nil
        }
    }
}
