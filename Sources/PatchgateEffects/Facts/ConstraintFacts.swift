import PatchgateSyntax

/// ADD / VALIDATE / DROP CONSTRAINT. https://www.postgresql.org/docs/15/sql-altertable.html
enum ConstraintFacts {
    static let page = "sql-altertable.html"

    static let addCheck = Fact("constraint.add-check", lock: .accessExclusive, scans: true, doc: page,
        truth: ["alter-add-check"])
    static let addNotValid = Fact("constraint.add-not-valid", lock: .accessExclusive, doc: page,
        truth: ["alter-add-check-not-valid"], note: "existing rows are not checked")
    static let addForeignKey = Fact("constraint.add-foreign-key", lock: .shareRowExclusive, scans: true, doc: page,
        truth: ["alter-add-fk"], note: "SHARE ROW EXCLUSIVE on both tables; the referencing table is scanned")
    static let addForeignKeyNotValid = Fact("constraint.add-foreign-key.not-valid", lock: .shareRowExclusive, doc: page,
        truth: ["alter-add-fk-not-valid", "alter-add-column-references"],
        note: "also a new column's REFERENCES without a default: its values are all NULL, nothing to validate")
    static let addIndexBacked = Fact("constraint.add-unique-or-primary-key", lock: .accessExclusive, doc: page,
        truth: ["alter-add-unique", "alter-add-primary-key-not-null-column"], note: "builds the index while holding ACCESS EXCLUSIVE")
    static let addPrimaryKeyOnNullable = Fact("constraint.add-primary-key.nullable", lock: .accessExclusive, scans: true, doc: page,
        truth: ["alter-add-primary-key"], note: "server: a nullable key column is set NOT NULL, which scans the table")
    static let addUsingIndex = Fact("constraint.add-using-index", lock: .accessExclusive, doc: page,
        truth: ["alter-add-unique-using-index", "alter-add-primary-key-using-index-not-null-column"],
        note: "no build: the index exists")
    static let addPrimaryKeyUsingIndexOnNullable = Fact("constraint.add-primary-key-using-index.nullable", lock: .accessExclusive,
        scans: true, doc: page, truth: ["alter-add-primary-key-using-index", "alter-add-primary-key-using-index-nullable-unnamed"],
        note: "server: a nullable key column is set NOT NULL, which scans the table")
    static let renamedIndex = Fact("constraint.add-using-index.renamed-index", lock: .shareUpdateExclusive, doc: page,
        truth: ["alter-add-unique-using-index", "alter-add-primary-key-using-index"],
        note: "server: the existing index takes only SHARE UPDATE EXCLUSIVE while it is renamed into the constraint")
    static let keptIndex = Fact("constraint.add-using-index.index", lock: .accessShare, doc: page,
        truth: ["alter-add-primary-key-using-index-nullable-unnamed"],
        note: "server: an index whose name the constraint takes is only read (ACCESS SHARE)")
    static let addExclusion = Fact("constraint.add-exclusion", lock: .accessExclusive, doc: page, truth: ["alter-add-exclude"])
    static let validate = Fact("constraint.validate", lock: .shareUpdateExclusive, scans: true, doc: page,
        truth: ["alter-validate-check", "alter-validate-fk"])
    static let validateValid = Fact("constraint.validate.already-valid", lock: .shareUpdateExclusive, doc: page,
        truth: ["alter-validate-already-valid-check"], note: "server: a constraint already valid is not checked again")
    static let validateReferenced = Fact("constraint.validate.referenced-table", lock: .rowShare, doc: page,
        truth: ["alter-validate-fk"], note: "a foreign key also takes ROW SHARE on the referenced table")
    static let drop = Fact("constraint.drop", lock: .accessExclusive, doc: page,
        truth: ["alter-drop-check", "alter-drop-fk", "alter-drop-unique", "alter-drop-primary-key-referenced-cascade"],
        note: "dropping a foreign key also locks the referenced table, whose triggers are dropped; a unique, primary key or exclusion constraint drops its index")

    static let all = [addCheck, addNotValid, addForeignKey, addForeignKeyNotValid, addIndexBacked, addUsingIndex,
                      addPrimaryKeyUsingIndexOnNullable, addPrimaryKeyOnNullable, renamedIndex, keptIndex, addExclusion,
                      validate, validateValid, validateReferenced, drop]

    static func add(_ constraint: TableConstraint, to table: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        switch constraint.kind {
        case .check:
            let fact = constraint.isNotValid ? addNotValid : addCheck
            effects.lock(table, state.kind(of: table), by: fact)
            effects.scan(table, by: fact)
        case .foreignKey(_, let reference):
            let fact = constraint.isNotValid ? addForeignKeyNotValid : addForeignKey
            let target = state.resolve(reference.table)
            effects.lock(table, state.kind(of: table), by: fact)
            effects.lock(target, state.kind(of: target), by: fact)
            effects.scan(table, by: fact)
        case .unique(let columns, let usingIndex), .primaryKey(let columns, let usingIndex):
            if let usingIndex {
                let index = QualifiedName(schema: table.schema, name: usingIndex)
                let fact = isPrimaryKey(constraint) && hasNullableKey(index, of: table, state: state)
                    ? addPrimaryKeyUsingIndexOnNullable : addUsingIndex
                effects.lock(table, state.kind(of: table), by: fact)
                effects.scan(table, by: fact)
                let isRenamed = constraint.name.map { $0 != usingIndex } ?? false
                effects.lock(index, .index, by: isRenamed ? renamedIndex : keptIndex)
            } else {
                let isNullable = isPrimaryKey(constraint)
                    && columns.contains { !state.isKnownNotNull($0, of: table) }
                let fact = isNullable ? addPrimaryKeyOnNullable : addIndexBacked
                effects.lock(table, state.kind(of: table), by: fact)
                effects.scan(table, by: fact)
                let name = IndexNaming.constraintIndex(constraint, on: table)
                effects.indexBuilds.append(IndexBuild(index: name, table: table, isConcurrent: false))
            }
        case .exclusion:
            effects.lock(table, state.kind(of: table), by: addExclusion)
            effects.indexBuilds.append(IndexBuild(index: IndexNaming.constraintIndex(constraint, on: table), table: table, isConcurrent: false))
        case .other:
            effects.lock(table, state.kind(of: table), by: addNotValid)
        }
    }

    private static func isPrimaryKey(_ constraint: TableConstraint) -> Bool {
        if case .primaryKey = constraint.kind { return true }
        return false
    }

    /// PRIMARY KEY USING INDEX sets its columns NOT NULL; a column not known to be NOT NULL
    /// (or an index the catalog does not know) is taken as nullable, so the scan is reported.
    private static func hasNullableKey(_ index: QualifiedName, of table: QualifiedName, state: PatchState) -> Bool {
        guard let keys = state.catalog.relation(index)?.keyColumns, !keys.isEmpty else { return true }
        return keys.contains { !state.isKnownNotNull($0, of: table) }
    }

    static func validate(_ name: String, on table: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        let isValid = state.constraints(of: table).contains { $0.name == name && !$0.isNotValid }
        let fact = isValid ? validateValid : validate
        effects.lock(table, state.kind(of: table), by: fact)
        effects.scan(table, by: fact)
        if let reference = foreignKeyTarget(named: name, on: table, state: state) {
            effects.lock(reference, state.kind(of: reference), by: validateReferenced)
        }
    }

    static func drop(_ name: String, on table: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        effects.lock(table, state.kind(of: table), by: drop)
        if let reference = foreignKeyTarget(named: name, on: table, state: state) {
            effects.lock(reference, state.kind(of: reference), by: drop)
        }
        // A unique, primary key or exclusion constraint owns the index of its name.
        let index = QualifiedName(schema: table.schema, name: name)
        if state.table(ofIndex: index) == table { effects.lock(index, .index, by: drop) }
    }

    /// Only constraints the patch added are known without a schema catalog.
    private static func foreignKeyTarget(named name: String, on table: QualifiedName, state: PatchState) -> QualifiedName? {
        for constraint in state.constraints(of: table) where constraint.name == name {
            if case .foreignKey(_, let reference) = constraint.kind { return state.resolve(reference.table) }
        }
        return nil
    }
}
