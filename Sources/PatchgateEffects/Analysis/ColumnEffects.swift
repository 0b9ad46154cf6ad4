import PatchgateSyntax

/// Column subcommands of ALTER TABLE, where the answer depends on the column's definition.
enum ColumnEffects {
    static func add(_ column: ColumnDefinition, to table: QualifiedName, kind: RelationKind,
                    state: PatchState, into effects: inout StatementEffects) {
        let reason = rewriteReason(adding: column, state: state)
        let rewrites = reason != nil
        let fact = rewrites ? AlterTableFacts.addColumnRewriting : AlterTableFacts.addColumn
        effects.lock(table, kind, fact.lock)
        if let reason {
            effects.appendUnique(table, to: \.rewrites)
            effects.rewriteReasons.append(reason)
        }
        let fillsValue = column.defaultValue != nil || column.identity != nil || column.isSerial || column.generatedExpression != nil
        if column.isNotNull && !fillsValue {
            effects.compatibility.append(CompatibilityBreak(
                kind: .addsRequiredColumn, object: "\(table).\(column.name)",
                message: "code that inserts into \(table) without naming \(column.name) fails once it is NOT NULL without a default"))
        }
        if !rewrites, !column.checks.isEmpty || (column.isNotNull && !fillsValue) {
            effects.appendUnique(table, to: \.scans)
        }
        if let reference = column.references {
            // Server: a new column is all NULL, so the foreign key is not validated (no scan).
            let target = state.resolve(reference.table)
            effects.lock(table, kind, ConstraintFacts.addForeignKey.lock)
            effects.lock(target, state.kind(of: target), ConstraintFacts.addForeignKey.lock)
        }
        if column.isPrimaryKey || column.isUnique {
            let name = IndexNaming.name(table: table, columns: [column.name], suffix: column.isPrimaryKey ? "pkey" : "key")
            effects.indexBuilds.append(IndexBuild(index: name, table: table, isConcurrent: false))
        }
    }

    /// A volatile default, serial, identity or stored generated column gives every existing row
    /// its own value, so PostgreSQL rewrites the table; a non-volatile default is stored once.
    static func rewriteReason(adding column: ColumnDefinition, state: PatchState) -> RewriteReason? {
        if column.isSerial { return .serialColumn(column: column.name) }
        if column.identity != nil { return .identityColumn(column: column.name) }
        if column.generatedExpression != nil { return .generatedColumn(column: column.name) }
        guard let value = column.defaultValue,
              VolatilityReader.volatility(of: value, state: state) == .volatile else { return nil }
        return .volatileDefault(column: column.name)
    }

    static func changeType(of column: String, to type: ColumnType, using: Expression?, on table: QualifiedName,
                           kind: RelationKind, state: PatchState, into effects: inout StatementEffects) {
        let old = state.column(column, of: table)
        let keepsStorage = old.map { old in
            TypeChangeFacts.skipsRewrite(from: old.type, to: type, using: using, column: column, domains: state.catalog.domain(named:))
        } ?? false
        if keepsStorage {
            effects.lock(table, kind, AlterTableFacts.alterColumnTypeInPlace.lock)
            if let old, !old.checks.isEmpty { effects.appendUnique(table, to: \.scans) }
        } else {
            AlterTableEffects.rewrite(table, kind, AlterTableFacts.alterColumnType, .typeChange(column: column), into: &effects)
        }
        let isWidening = keepsStorage || TypeChangeFacts.canonicalName(type) == "text" && type.arrayDimensions == 0
        if !isWidening {
            let from = old.map { " from \($0.type)" } ?? ""
            effects.compatibility.append(CompatibilityBreak(
                kind: .changesColumnType, object: "\(table).\(column)",
                message: "\(table).\(column) changes type\(from) to \(type): code reading or writing it may fail"))
        }
    }

    static func setNotNull(_ column: String, on table: QualifiedName, kind: RelationKind,
                           state: PatchState, into effects: inout StatementEffects) {
        if hasValidatedNotNullCheck(column, on: table, state: state) {
            effects.lock(table, kind, AlterTableFacts.setNotNullProven.lock)
            return
        }
        effects.lock(table, kind, AlterTableFacts.setNotNull.lock)
        effects.appendUnique(table, to: \.scans)
        effects.compatibility.append(CompatibilityBreak(
            kind: .setsNotNull, object: "\(table).\(column)",
            message: "code that writes NULL to \(table).\(column) fails once it is NOT NULL"))
    }

    /// A validated `CHECK (col IS NOT NULL)` added earlier in the patch proves the column.
    static func hasValidatedNotNullCheck(_ column: String, on table: QualifiedName, state: PatchState) -> Bool {
        state.constraints(of: table).contains { constraint in
            guard !constraint.isNotValid, case .check(let expression) = constraint.kind else { return false }
            return expression == .nullTest(.column([column]), isNull: false)
        }
    }

    /// Dropping a column that holds a foreign key also drops the key, locking its target.
    static func lockForeignKeyTargets(of column: String, on table: QualifiedName, state: PatchState,
                                      into effects: inout StatementEffects) {
        var targets: [QualifiedName] = []
        for constraint in state.constraints(of: table) {
            if case .foreignKey(let columns, let reference) = constraint.kind, columns.contains(column) {
                targets.append(reference.table)
            }
        }
        for target in targets.map(state.resolve) {
            effects.lock(target, state.kind(of: target), ConstraintFacts.drop.lock)
        }
    }
}
