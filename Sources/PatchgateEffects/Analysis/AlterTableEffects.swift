import PatchgateSyntax

/// Effects of one ALTER TABLE: every subcommand's, the strongest lock per relation.
enum AlterTableEffects {
    static func apply(_ statement: AlterTable, state: PatchState, into effects: inout StatementEffects) {
        let table = state.resolve(statement.table)
        let kind = relationKind(statement, table: table, state: state)
        for action in statement.actions {
            apply(action, table: table, kind: kind, state: state, into: &effects)
        }
        if kind == .partitionedTable, statement.recursesToChildren, statement.actions.contains(where: recursesToPartitions) {
            PartitionRecursion.apply(to: table, state: state, into: &effects)
        }
    }

    /// The subcommands PostgreSQL 15 runs on every partition too, each locked as the parent is
    /// (seen on a 15.18 server: ADD/DROP COLUMN, SET NOT NULL, TYPE, ADD CONSTRAINT, SET DEFAULT
    /// and SET STATISTICS lock the partitions like the parent; ENABLE TRIGGER, OWNER TO and SET
    /// UNLOGGED lock the parent alone).
    private static func recursesToPartitions(_ action: AlterTableAction) -> Bool {
        switch action {
        case .addColumn, .dropColumn, .alterColumnType, .setNotNull, .dropNotNull, .setDefault, .dropDefault,
             .addConstraint, .dropConstraint, .validateConstraint, .setStatistics, .setColumnOptions, .setStorage:
            true
        default: false
        }
    }

    private static func relationKind(_ statement: AlterTable, table: QualifiedName, state: PatchState) -> RelationKind {
        switch statement.objectKind {
        case .index: .index
        case .view: .view
        case .materializedView: .materializedView
        case .sequence: .sequence
        default: state.kind(of: table)
        }
    }

    private static func apply(_ action: AlterTableAction, table: QualifiedName, kind: RelationKind,
                              state: PatchState, into effects: inout StatementEffects) {
        let facts = AlterTableFacts.self
        switch action {
        case .addColumn(let column, _): ColumnEffects.add(column, to: table, kind: kind, state: state, into: &effects)
        case .dropColumn(let name, _, let isCascade):
            effects.lock(table, kind, by: facts.dropColumn)
            ColumnEffects.lockForeignKeyTargets(of: name, on: table, state: state, into: &effects)
            if state.isPreExisting(table) {
                effects.compatibility.append(CompatibilityBreak(
                    kind: .dropsColumn, object: "\(table).\(name)",
                    message: "code that still reads or writes \(table).\(name) fails once it is dropped"
                        + dependentsNote(name, table: table, isCascade: isCascade, state: state)))
            }
        case .alterColumnType(let column, let type, let using):
            ColumnEffects.changeType(of: column, to: type, using: using, on: table, kind: kind, state: state, into: &effects)
        case .setNotNull(let column): ColumnEffects.setNotNull(column, on: table, kind: kind, state: state, into: &effects)
        case .dropNotNull: effects.lock(table, kind, by: facts.dropNotNull)
        case .setDefault, .dropDefault: effects.lock(table, kind, by: facts.columnDefault)
        case .addConstraint(let constraint): ConstraintFacts.add(constraint, to: table, state: state, into: &effects)
        case .dropConstraint(let name, _, _): ConstraintFacts.drop(name, on: table, state: state, into: &effects)
        case .validateConstraint(let name): ConstraintFacts.validate(name, on: table, state: state, into: &effects)
        case .setLogged, .setUnlogged: rewrite(table, kind, facts.persistence, .persistenceChange, into: &effects)
        case .setTablespace where kind == .index:
            // Moving an index copies only its own files; the table is not locked.
            effects.lock(table, .index, by: facts.indexTablespace)
        case .setTablespace: rewrite(table, kind, facts.tablespace, .tablespaceChange, into: &effects)
        case .setAccessMethod(let method) where method == "heap":
            // Tables are heap unless created otherwise: the server keeps the storage.
            effects.lock(table, kind, by: facts.accessMethod)
        case .setAccessMethod: rewrite(table, kind, facts.accessMethod, .accessMethodChange, into: &effects)
        case .attachPartition(let partition) where kind == .index:
            // ALTER INDEX … ATTACH PARTITION only links an existing index: no scan, no build.
            effects.lock(table, .index, by: facts.attachIndexPartition)
            effects.lock(state.resolve(partition), .index, by: facts.attachedIndexPartition)
        case .attachPartition(let partition):
            effects.lock(table, .partitionedTable, by: facts.attachPartition)
            let child = state.resolve(partition)
            effects.lock(child, .table, by: facts.attachedPartition)
            effects.scan(child, by: facts.attachedPartition)
            NewIndexBuilds.attach(child, to: table, state: state, into: &effects)
        case .detachPartition(let partition, false):
            effects.lock(table, .partitionedTable, by: facts.detachPartition)
            effects.lock(state.resolve(partition), .table, by: facts.detachPartition)
        case .detachPartition(let partition, true), .detachPartitionFinalize(let partition):
            // Two transactions: SHARE UPDATE EXCLUSIVE on both, then, once every older query
            // has ended, ACCESS EXCLUSIVE on the partition.
            let child = state.resolve(partition)
            effects.lock(table, .partitionedTable, by: facts.detachPartitionConcurrently)
            effects.lock(child, .table, by: facts.detachPartitionConcurrently)
            effects.lock(child, .table, by: facts.detachPartitionConcurrentlyLastStep)
            if case .detachPartition = action { effects.isTransactional = false }
        case .setTriggerState: effects.lock(table, kind, by: facts.triggerState)
        case .changeOwner: effects.lock(table, kind, by: facts.owner)
        case .setStorageOptions(let names), .resetStorageOptions(let names):
            let isCheap = !names.isEmpty && names.allSatisfy(AlterTableFacts.isCheapOption)
            effects.lock(table, kind, by: isCheap ? facts.cheapOptions : facts.otherOptions)
        case .setStatistics, .setColumnOptions: effects.lock(table, kind, by: facts.setStatistics)
        case .setStorage: effects.lock(table, kind, by: facts.setStorage)
        case .addIdentity, .dropIdentity: effects.lock(table, kind, by: facts.identity)
        case .clusterOn(let index):
            effects.lock(table, kind, by: facts.clusterOn)
            effects.lock(QualifiedName(schema: table.schema, name: index), .index, by: facts.clusterOn)
        case .setWithoutCluster: effects.lock(table, kind, by: facts.withoutCluster)
        case .replicaIdentity, .rowSecurity, .other: effects.lock(table, kind, by: facts.otherSubcommand)
        }
    }

    /// What else goes with the column: indexes keyed on it are dropped silently; a view that
    /// uses it makes PostgreSQL refuse the DROP, or, with CASCADE, drop the view too.
    private static func dependentsNote(_ column: String, table: QualifiedName, isCascade: Bool, state: PatchState) -> String {
        let dependents = state.catalog.dependents(ofColumn: column, in: table)
        var notes: [String] = []
        if !dependents.indexes.isEmpty {
            notes.append("it also drops index \(dependents.indexes.map(\.description).joined(separator: ", ")), and the queries that use it slow down")
        }
        if !dependents.views.isEmpty {
            let views = dependents.views.map(\.description).joined(separator: ", ")
            notes.append(isCascade ? "CASCADE drops view \(views), which uses it" : "view \(views) uses it, so PostgreSQL refuses the DROP without CASCADE")
        }
        return notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")
    }

    static func rewrite(_ table: QualifiedName, _ kind: RelationKind, _ fact: Fact, _ reason: RewriteReason,
                        into effects: inout StatementEffects) {
        effects.lock(table, kind, by: fact)
        effects.rewrite(table, by: fact, reason)
    }
}
