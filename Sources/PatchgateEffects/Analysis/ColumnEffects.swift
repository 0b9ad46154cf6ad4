import PatchgateSyntax

/// Column subcommands of ALTER TABLE, where the answer depends on the column's definition.
enum ColumnEffects {
    static func add(_ column: ColumnDefinition, to table: QualifiedName, kind: RelationKind,
                    state: PatchState, into effects: inout StatementEffects) {
        let reason = rewriteReason(adding: column, state: state)
        let fillsValue = column.defaultValue != nil || column.identity != nil || column.isSerial || column.generatedExpression != nil
        let fact: Fact
        if reason != nil {
            fact = AlterTableFacts.addColumnRewriting
        } else if !column.checks.isEmpty || (column.isNotNull && !fillsValue) || hasForeignKeyToCheck(column) {
            fact = AlterTableFacts.addColumnVerified
        } else {
            fact = AlterTableFacts.addColumn
        }
        effects.lock(table, kind, by: fact)
        if let reason { effects.rewrite(table, by: fact, reason) }
        effects.scan(table, by: fact)
        if column.isNotNull && !fillsValue {
            effects.compatibility.append(CompatibilityBreak(
                kind: .addsRequiredColumn, object: "\(table).\(column.name)",
                message: "code that inserts into \(table) without naming \(column.name) fails once it is NOT NULL without a default"))
        }
        if let reference = column.references {
            // Server: a new column without a default is all NULL, so the foreign key is not
            // validated (no scan); with any default clause, every row is checked.
            let keyFact = hasForeignKeyToCheck(column) ? ConstraintFacts.addForeignKey : ConstraintFacts.addForeignKeyNotValid
            let target = state.resolve(reference.table)
            effects.lock(table, kind, by: keyFact)
            effects.lock(target, state.kind(of: target), by: keyFact)
        }
        if column.isPrimaryKey || column.isUnique {
            let name = IndexNaming.name(table: table, columns: [column.name], suffix: column.isPrimaryKey ? "pkey" : "key")
            effects.indexBuilds.append(IndexBuild(index: name, table: table, isConcurrent: false))
        }
    }

    /// A REFERENCES column with a default: the server validates the key against every row,
    /// even for an explicit `DEFAULT NULL` (seen on 15.18).
    private static func hasForeignKeyToCheck(_ column: ColumnDefinition) -> Bool {
        column.references != nil && column.defaultValue != nil
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
            TypeChangeFacts.skipsRewrite(from: old.type, to: type, using: using, column: column,
                                         isUTC: TypeChangeFacts.isUTC(state.timeZone), domains: state.catalog.domain(named:))
        } ?? false
        if keepsStorage {
            let fact = hasCheck(on: column, of: table, state: state)
                ? AlterTableFacts.alterColumnTypeVerifyingChecks : AlterTableFacts.alterColumnTypeInPlace
            effects.lock(table, kind, by: fact)
            effects.scan(table, by: fact)
            if let old, TypeChangeFacts.rebuildsIndexes(from: old.type, to: type) {
                IndexRebuilds.add(indexesOn: column, of: table, state: state, into: &effects)
            }
        } else {
            AlterTableEffects.rewrite(table, kind, AlterTableFacts.alterColumnType, .typeChange(column: column), into: &effects)
        }
        ForeignKeyPartners.retype(column, of: table, keepsStorage: keepsStorage, state: state, into: &effects)
        let isWidening = keepsStorage || TypeChangeFacts.canonicalName(type) == "text" && type.arrayDimensions == 0
        if !isWidening {
            let from = old.map { " from \($0.type)" } ?? ""
            effects.compatibility.append(CompatibilityBreak(
                kind: .changesColumnType, object: "\(table).\(column)",
                message: "\(table).\(column) changes type\(from) to \(type): code reading or writing it may fail"))
        }
    }

    /// A CHECK on the column (its own, or the table's naming it) is verified again after a type change.
    private static func hasCheck(on column: String, of table: QualifiedName, state: PatchState) -> Bool {
        if let old = state.column(column, of: table), !old.checks.isEmpty { return true }
        return state.constraints(of: table).contains { constraint in
            guard case .check(let expression) = constraint.kind else { return false }
            return expression.referencedColumns.contains { $0.last == column }
        }
    }

    static func setNotNull(_ column: String, on table: QualifiedName, kind: RelationKind,
                           state: PatchState, into effects: inout StatementEffects) {
        if state.isKnownNotNull(column, of: table) {
            effects.lock(table, kind, by: AlterTableFacts.setNotNullAlready)
            return
        }
        if hasValidatedNotNullCheck(column, on: table, state: state) {
            effects.lock(table, kind, by: AlterTableFacts.setNotNullProven)
            return
        }
        effects.lock(table, kind, by: AlterTableFacts.setNotNull)
        effects.scan(table, by: AlterTableFacts.setNotNull)
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
            effects.lock(target, state.kind(of: target), by: ConstraintFacts.drop)
        }
    }
}
