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
        truth: ["alter-add-fk-not-valid"])
    static let addIndexBacked = Fact("constraint.add-unique-or-primary-key", lock: .accessExclusive, doc: page,
        truth: ["alter-add-unique", "alter-add-primary-key"], note: "builds the index while holding ACCESS EXCLUSIVE")
    static let addUsingIndex = Fact("constraint.add-using-index", lock: .accessExclusive, doc: page,
        truth: ["alter-add-unique-using-index", "alter-add-primary-key-using-index"], note: "no build: the index exists")
    static let addExclusion = Fact("constraint.add-exclusion", lock: .accessExclusive, doc: page, truth: ["alter-add-exclude"])
    static let validate = Fact("constraint.validate", lock: .shareUpdateExclusive, scans: true, doc: page,
        truth: ["alter-validate-check", "alter-validate-fk"],
        note: "a foreign key also takes ROW SHARE on the referenced table")
    static let drop = Fact("constraint.drop", lock: .accessExclusive, doc: page,
        truth: ["alter-drop-check", "alter-drop-fk"],
        note: "dropping a foreign key also locks the referenced table, whose triggers are dropped")

    static let all = [addCheck, addNotValid, addForeignKey, addForeignKeyNotValid, addIndexBacked, addUsingIndex,
                      addExclusion, validate, drop]

    static func add(_ constraint: TableConstraint, to table: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        switch constraint.kind {
        case .check:
            let fact = constraint.isNotValid ? addNotValid : addCheck
            effects.lock(table, state.kind(of: table), fact.lock)
            if fact.scansTable { effects.appendUnique(table, to: \.scans) }
        case .foreignKey(_, let reference):
            let fact = constraint.isNotValid ? addForeignKeyNotValid : addForeignKey
            effects.lock(table, state.kind(of: table), fact.lock)
            effects.lock(state.resolve(reference.table), state.kind(of: state.resolve(reference.table)), fact.lock)
            if fact.scansTable { effects.appendUnique(table, to: \.scans) }
        case .unique(_, let usingIndex), .primaryKey(_, let usingIndex):
            effects.lock(table, state.kind(of: table), addIndexBacked.lock)
            if let usingIndex {
                // Server: the existing index takes only SHARE UPDATE EXCLUSIVE while it is renamed into the constraint.
                effects.lock(QualifiedName(schema: table.schema, name: usingIndex), .index, .shareUpdateExclusive)
            } else {
                let name = IndexNaming.constraintIndex(constraint, on: table)
                effects.indexBuilds.append(IndexBuild(index: name, table: table, isConcurrent: false))
            }
        case .exclusion:
            effects.lock(table, state.kind(of: table), addExclusion.lock)
            effects.indexBuilds.append(IndexBuild(index: IndexNaming.constraintIndex(constraint, on: table), table: table, isConcurrent: false))
        case .other:
            effects.lock(table, state.kind(of: table), addNotValid.lock)
        }
    }

    static func validate(_ name: String, on table: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        effects.lock(table, state.kind(of: table), validate.lock)
        effects.appendUnique(table, to: \.scans)
        if let reference = foreignKeyTarget(named: name, on: table, state: state) {
            effects.lock(reference, state.kind(of: reference), .rowShare)
        }
    }

    static func drop(_ name: String, on table: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        effects.lock(table, state.kind(of: table), drop.lock)
        if let reference = foreignKeyTarget(named: name, on: table, state: state) {
            effects.lock(reference, state.kind(of: reference), drop.lock)
        }
    }

    /// Only constraints the patch added are known without a schema catalog.
    private static func foreignKeyTarget(named name: String, on table: QualifiedName, state: PatchState) -> QualifiedName? {
        for constraint in state.constraints(of: table) where constraint.name == name {
            if case .foreignKey(_, let reference) = constraint.kind { return state.resolve(reference.table) }
        }
        return nil
    }
}
