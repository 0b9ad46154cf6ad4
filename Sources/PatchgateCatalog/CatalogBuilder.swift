import PatchgateSyntax

/// Applies statements to a catalog, in order: a schema dump replayed, then each patch.
/// Statements that change nothing a gate reads (grants, comments, data) are ignored.
extension Catalog {
    public mutating func apply(_ statement: Statement, resolve: (QualifiedName) -> QualifiedName) {
        switch statement {
        case .createTable(let create): createTable(create, resolve: resolve)
        case .createTableAs(let create):
            upsert(resolve(create.name), Relation(kind: create.isMaterialized ? .materializedView : .table))
        case .createIndex(let index): createIndex(index, resolve: resolve)
        case .createDomain(let domain): declareDomain(domain, as: resolve(domain.name))
        case .createView(let view):
            var relation = Relation(kind: .view)
            relation.dependsOn = view.sourceRelations.map(resolve)
            relation.usedColumns = view.referencedColumns
            upsert(resolve(view.name), relation)
        case .drop(let drop): self.drop(drop, resolve: resolve)
        case .alterTable(let alter): alterTable(alter, resolve: resolve)
        case .rename(let rename): self.rename(rename, resolve: resolve)
        case .createFunction(let function):
            declareFunction(function.name.name, volatility: function.declaredVolatility?.lowercased(), body: function.body)
        case .createEnum(let create): declareType(resolve(create.name))
        case .createSequence(let name): upsert(resolve(name), Relation(kind: .sequence))
        case .alterObjectSchema(let alter):
            guard let old = alter.relation.map(resolve) else { return }
            move(old, to: QualifiedName(schema: alter.newSchema, name: old.name))
        case .cluster(let cluster):
            // CLUSTER t USING i marks t clustered on i, as ALTER TABLE … CLUSTER ON does.
            guard let table = cluster.table.map(resolve), let index = cluster.index else { return }
            update(table) { $0.clusterIndex = index }
        case .other(let untyped):
            // An object named alone (a statistics object) belongs to the relation it was made on.
            guard !untyped.objectName.isEmpty, let relation = untyped.relations.first.map(resolve) else { return }
            nameObject(resolve(QualifiedName(parts: untyped.objectName)), of: relation)
        case .doBlock, .call, .alterEnum, .reindex, .refreshMaterializedView, .createTrigger, .vacuum, .truncate, .lock,
             .setVariable, .transaction, .comment, .grant, .insert, .update, .delete, .select, .alterSequence, .alterDomain:
            return
        }
    }

    private mutating func createTable(_ create: CreateTable, resolve: (QualifiedName) -> QualifiedName) {
        let name = resolve(create.table)
        var relation = Relation(kind: create.isPartitioned ? .partitionedTable : .table)
        relation.columns = create.columns.map { Column(name: $0.name, type: $0.type, isNotNull: $0.isNotNull, checks: $0.checks) }
        relation.constraints = create.constraints + create.columns.compactMap(Self.inlineForeignKey)
        if let parent = create.partitionOf.map(resolve) {
            relation.parent = parent
            update(parent) { $0.partitions.append(name) }
        }
        upsert(name, relation)
        for constraint in create.constraints { addConstraintIndex(constraint, on: name) }
        for column in create.columns where column.isPrimaryKey || column.isUnique {
            let parts = IndexNaming.Parts(columns: [column.name], suffix: column.isPrimaryKey ? "pkey" : "key")
            addIndex(IndexNaming.name(table: name, parts: parts), on: name, keys: [column.name], parts: parts)
        }
        if let parent = relation.parent { addClones(of: parent, onto: name) }
        for source in create.likeIndexSources.map(resolve) { addClones(of: source, onto: name) }
    }

    private mutating func createIndex(_ index: CreateIndex, resolve: (QualifiedName) -> QualifiedName) {
        let table = resolve(index.table)
        let keys = index.columns.compactMap { key -> String? in
            if case .column(let name) = key { return name }
            return nil
        }
        addIndex(IndexNaming.index(for: index, on: table), on: table, keys: keys, parts: IndexNaming.parts(of: index),
                 isOnly: index.isOnly)
    }

    /// An index on a partitioned table gets a clone on each partition (`ON ONLY`: none).
    private mutating func addIndex(_ name: QualifiedName, on table: QualifiedName, keys: [String] = [],
                                   parts: IndexNaming.Parts? = nil, isOnly: Bool = false) {
        var index = Relation(kind: .index, parent: table)
        index.keyColumns = keys
        index.nameParts = parts
        upsert(name, index)
        update(table) { $0.indexes.append(name) }
        if !isOnly { addClones(keys: keys, parts: parts, below: table) }
    }

    private mutating func addClones(keys: [String], parts: IndexNaming.Parts?, below table: QualifiedName) {
        for clone in clones(keys: keys, parts: parts, below: table) {
            var index = Relation(kind: .index, parent: clone.table)
            index.keyColumns = keys
            index.nameParts = parts
            upsert(clone.index, index)
            update(clone.table) { $0.indexes.append(clone.index) }
        }
    }

    private mutating func addClones(of parent: QualifiedName, onto partition: QualifiedName) {
        for clone in clones(ofIndexesOf: parent, onto: partition) {
            var index = Relation(kind: .index, parent: clone.table)
            index.keyColumns = clone.keys
            index.nameParts = clone.parts
            upsert(clone.index, index)
            update(clone.table) { $0.indexes.append(clone.index) }
        }
    }

    /// PRIMARY KEY, UNIQUE and EXCLUDE constraints are backed by an index of their own name.
    private mutating func addConstraintIndex(_ constraint: TableConstraint, on table: QualifiedName) {
        switch constraint.kind {
        case .unique(let columns, nil), .primaryKey(let columns, nil):
            if let name = IndexNaming.constraintIndex(constraint, on: table) {
                addIndex(name, on: table, keys: columns, parts: IndexNaming.parts(of: constraint))
            }
        case .exclusion:
            if let name = IndexNaming.constraintIndex(constraint, on: table) { addIndex(name, on: table, parts: IndexNaming.parts(of: constraint)) }
        case .unique(_, let index?), .primaryKey(_, let index?):
            // USING INDEX renames the existing index to the constraint's name.
            guard let constraintName = constraint.name else { return }
            move(QualifiedName(schema: table.schema, name: index), to: QualifiedName(schema: table.schema, name: constraintName))
        default: return
        }
    }

    private mutating func drop(_ drop: Drop, resolve: (QualifiedName) -> QualifiedName) {
        switch drop.objectKind {
        case .table, .view, .materializedView, .index, .sequence, .foreignTable:
            drop.names.map(resolve).forEach { remove($0) }
        case .function, .procedure:
            drop.names.forEach { removeFunction($0.name) }
        default: return
        }
    }

    private mutating func alterTable(_ alter: AlterTable, resolve: (QualifiedName) -> QualifiedName) {
        let table = resolve(alter.table)
        // Remember what the patch adds (constraints above all) even to a table no schema named.
        if relation(table) == nil, alter.objectKind == .table { upsert(table, Relation(kind: .table, isPartial: true)) }
        for action in alter.actions {
            switch action {
            case .addColumn(let column, _):
                update(table) { relation in
                    relation.columns.append(Column(name: column.name, type: column.type, isNotNull: column.isNotNull, checks: column.checks))
                    if let foreignKey = Self.inlineForeignKey(column) { relation.constraints.append(foreignKey) }
                }
                if column.isPrimaryKey || column.isUnique {
                    let parts = IndexNaming.Parts(columns: [column.name], suffix: column.isPrimaryKey ? "pkey" : "key")
                    addIndex(IndexNaming.name(table: table, parts: parts), on: table, keys: [column.name], parts: parts)
                }
            case .dropColumn(let name, _, _): update(table) { $0.columns.removeAll { $0.name == name } }
            case .alterColumnType(let name, let type, _): updateColumn(name, of: table) { $0.type = type }
            case .setNotNull(let name): updateColumn(name, of: table) { $0.isNotNull = true }
            case .dropNotNull(let name): updateColumn(name, of: table) { $0.isNotNull = false }
            case .addConstraint(let constraint):
                update(table) { $0.constraints.append(constraint) }
                addConstraintIndex(constraint, on: table)
            case .dropConstraint(let name, _, _): update(table) { $0.constraints.removeAll { $0.name == name } }
            case .validateConstraint(let name):
                update(table) { relation in
                    relation.constraints = relation.constraints.map {
                        $0.name == name ? TableConstraint(name: $0.name, kind: $0.kind, isNotValid: false) : $0
                    }
                }
            case .attachPartition(let child):
                let partition = resolve(child)
                if relation(table)?.kind == .index { continue }
                addClones(of: table, onto: partition)
                update(partition) { $0.parent = table }
                update(table) { $0.partitions.append(partition) }
            case .clusterOn(let index): update(table) { $0.clusterIndex = index }
            case .setWithoutCluster: update(table) { $0.clusterIndex = nil }
            case .detachPartition(let child, _), .detachPartitionFinalize(let child):
                let partition = resolve(child)
                update(partition) { $0.parent = nil }
                update(table) { $0.partitions.removeAll { $0 == partition } }
            default: continue
            }
        }
    }

    /// `col int REFERENCES t` is a foreign key like any other.
    static func inlineForeignKey(_ column: ColumnDefinition) -> TableConstraint? {
        column.references.map { TableConstraint(name: nil, kind: .foreignKey(columns: [column.name], references: $0), isNotValid: false) }
    }

    private mutating func updateColumn(_ name: String, of table: QualifiedName, _ change: (inout Column) -> Void) {
        update(table) { relation in
            guard let index = relation.columns.firstIndex(where: { $0.name == name }) else { return }
            change(&relation.columns[index])
        }
    }

    private mutating func rename(_ rename: Rename, resolve: (QualifiedName) -> QualifiedName) {
        guard let old = rename.relation.map(resolve) else { return }
        switch rename.objectKind {
        case .column: updateColumn(rename.subobject ?? "", of: old) { $0.name = rename.newName }
        case .table, .view, .materializedView, .index, .sequence:
            guard let relation = relation(old) else { return }
            let new = QualifiedName(schema: old.schema, name: rename.newName)
            move(old, to: new)
            for child in relation.indexes { update(child) { $0.parent = new } }
            if let parent = relation.parent {
                update(parent) { parentRelation in
                    parentRelation.indexes = parentRelation.indexes.map { $0 == old ? new : $0 }
                    parentRelation.partitions = parentRelation.partitions.map { $0 == old ? new : $0 }
                }
            }
        default: return
        }
    }
}
