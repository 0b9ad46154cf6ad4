import PatchgateSyntax

/// What the database holds before a statement runs: relations with their columns,
/// constraints, indexes and partitions, and functions with their declared volatility. Built by
/// replaying a schema dump and the patches before the one checked.
public struct Catalog: Sendable {
    public private(set) var relations: [QualifiedName: Relation] = [:]
    /// Declared volatility (`immutable`, `stable`, `volatile`) by function name.
    public private(set) var functionVolatility: [String: String] = [:]
    /// PL/pgSQL bodies by function name, so that a later call is analysed as what it runs.
    public private(set) var routineBodies: [String: ProceduralBody] = [:]
    public private(set) var types: Set<QualifiedName> = []
    /// Domains by name: the type a domain stands for, and whether it has constraints.
    public private(set) var domains: [QualifiedName: CreateDomain] = [:]
    /// Objects named alone, such as statistics objects, and the relation each was made on.
    public private(set) var namedObjects: [QualifiedName: QualifiedName] = [:]

    public init() {}

    public struct Relation: Hashable, Sendable {
        public var kind: RelationKind
        public var columns: [Column] = []
        public var constraints: [TableConstraint] = []
        /// For an index: its table. For a partition: its parent.
        public var parent: QualifiedName?
        public var partitions: [QualifiedName] = []
        public var indexes: [QualifiedName] = []
        /// For an index: the table columns it is keyed on (expression keys left out).
        public var keyColumns: [String] = []
        /// For a table: the index `CLUSTER ON` marked, which a bare `CLUSTER` re-clusters on.
        public var clusterIndex: String?
        /// For an index: what the name of its clone on a partition is made of.
        public var nameParts: IndexNaming.Parts?
        /// For a view: the relations its query reads.
        public var dependsOn: [QualifiedName] = []
        /// For a view: the column names its query refers to; nil when it selected `*`.
        public var usedColumns: [String]? = []
        /// Known only from what a patch did to it (no schema named it): its columns are unknown.
        public var isPartial = false

        public func column(_ name: String) -> Column? { columns.first { $0.name == name } }
    }

    public struct Column: Hashable, Sendable {
        public var name: String
        public var type: ColumnType
        public var isNotNull: Bool
        public var checks: [Expression]
    }

    public func relation(_ name: QualifiedName) -> Relation? { relations[name] }
    public func contains(_ name: QualifiedName) -> Bool { relations[name] != nil }

    /// The indexes keyed on a column and the views whose query may use it, in name order:
    /// what DROP COLUMN drops with it, or refuses to drop without CASCADE.
    public func dependents(ofColumn column: String, in table: QualifiedName) -> (indexes: [QualifiedName], views: [QualifiedName]) {
        let indexes = (relations[table]?.indexes ?? []).filter { relations[$0]?.keyColumns.contains(column) ?? false }.sorted()
        let views = relations.filter { _, relation in
            relation.kind == .view && relation.dependsOn.contains(table) && (relation.usedColumns?.contains(column) ?? true)
        }.map(\.key).sorted()
        return (indexes, views)
    }

    /// Tables with a foreign key to `table`, and the tables `table` references.
    public func foreignKeyNeighbours(of table: QualifiedName, resolve: (QualifiedName) -> QualifiedName) -> [QualifiedName] {
        var found: [QualifiedName] = []
        for constraint in relations[table]?.constraints ?? [] {
            if case .foreignKey(_, let reference) = constraint.kind { found.append(resolve(reference.table)) }
        }
        var referencing: [QualifiedName] = []
        for (name, relation) in relations where name != table {
            for constraint in relation.constraints {
                if case .foreignKey(_, let reference) = constraint.kind, resolve(reference.table) == table { referencing.append(name) }
            }
        }
        return found + referencing.sorted()
    }

    public mutating func upsert(_ name: QualifiedName, _ relation: Relation) { relations[name] = relation }
    public mutating func remove(_ name: QualifiedName) {
        if let parent = relations[name]?.parent {
            relations[parent]?.partitions.removeAll { $0 == name }
            relations[parent]?.indexes.removeAll { $0 == name }
        }
        for index in relations[name]?.indexes ?? [] { relations[index] = nil }
        relations[name] = nil
    }
    /// Moves a relation to a new name, keeping what hangs off it.
    public mutating func move(_ old: QualifiedName, to new: QualifiedName) {
        guard let relation = relations.removeValue(forKey: old) else { return }
        relations[new] = relation
    }
    /// Changes the relation where it is stored: a copy taken out and put back shared its arrays
    /// with the stored one, so every column or constraint appended copied the whole array.
    public mutating func update(_ name: QualifiedName, _ change: (inout Relation) -> Void) {
        guard let index = relations.index(forKey: name) else { return }
        change(&relations.values[index])
    }
    public mutating func declareFunction(_ name: String, volatility: String?, body: ProceduralBody? = nil) {
        functionVolatility[name] = volatility ?? "volatile"
        routineBodies[name] = body
    }
    public mutating func removeFunction(_ name: String) {
        functionVolatility[name] = nil
        routineBodies[name] = nil
    }
    public mutating func declareType(_ name: QualifiedName) { types.insert(name) }
    public mutating func declareDomain(_ domain: CreateDomain, as name: QualifiedName) {
        types.insert(name)
        domains[name] = domain
    }

    public mutating func nameObject(_ object: QualifiedName, of relation: QualifiedName) { namedObjects[object] = relation }

    /// Tables with a column of the domain (arrays of it left out: PostgreSQL refuses to alter
    /// a domain an array column uses), in name order.
    public func tables(usingDomain domain: QualifiedName) -> [QualifiedName] {
        relations.filter { _, relation in
            (relation.kind == .table || relation.kind == .partitionedTable) && relation.columns.contains { column in
                column.type.arrayDimensions == 0 && column.type.name == domain.name
                    && (column.type.schema ?? "public") == (domain.schema ?? "public")
            }
        }.keys.sorted()
    }

    /// The unique index a foreign key to `columns` of `table` checks (its primary key when no
    /// columns are named), when the catalog knows the table's indexes.
    public func keyIndex(of table: QualifiedName, columns: [String]) -> QualifiedName? {
        guard let relation = relation(table) else { return nil }
        let keys = columns.isEmpty ? primaryKeyColumns(of: table) : columns
        return relation.indexes.first { self.relation($0)?.keyColumns == keys }
    }

    /// The primary key's columns: from a table constraint, or from the `<table>_pkey` index a
    /// column's PRIMARY KEY made.
    public func primaryKeyColumns(of table: QualifiedName) -> [String] {
        for constraint in relation(table)?.constraints ?? [] {
            if case .primaryKey(let columns, _) = constraint.kind { return columns }
        }
        return relation(QualifiedName(schema: table.schema, name: table.name + "_pkey"))?.keyColumns ?? []
    }

    /// Tables a bare `CLUSTER` re-clusters, in name order.
    public var clusteredTables: [QualifiedName] {
        relations.filter { $0.value.clusterIndex != nil }.keys.sorted()
    }

    /// The domain a column type names, looked up with an unqualified name in `public`.
    public func domain(named type: ColumnType) -> CreateDomain? {
        domains[QualifiedName(schema: type.schema ?? "public", name: type.name)]
    }
}
