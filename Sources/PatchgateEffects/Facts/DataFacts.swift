import PatchgateSyntax

/// INSERT, UPDATE, DELETE and LOCK TABLE.
enum DataFacts {
    static let write = Fact("data.write", lock: .rowExclusive, doc: "explicit-locking.html",
        truth: ["insert-values", "update-where", "delete-where"])
    static let read = Fact("data.read", lock: .accessShare, doc: "explicit-locking.html", truth: ["insert-select", "select-plain"])
    static let wholeTable = Fact("data.whole-table", lock: .rowExclusive, doc: "sql-update.html",
        truth: ["update-all", "delete-all"], note: "every row is written: the cost grows with the table")
    static let lockTable = Fact("data.lock-table", lock: .accessExclusive, doc: "sql-lock.html",
        truth: ["lock-table-access-exclusive", "lock-table-share"], note: "takes the mode it names (default ACCESS EXCLUSIVE)")

    static let selectForUpdate = Fact("data.select-for-update", lock: .rowShare, doc: "explicit-locking.html",
        truth: ["select-for-update"], note: "FOR UPDATE / FOR SHARE take ROW SHARE; a plain SELECT ACCESS SHARE")

    static let all = [write, read, wholeTable, lockTable, selectForUpdate]

    static func select(_ statement: Select, state: PatchState, into effects: inout StatementEffects) {
        let mode = statement.locksRows ? selectForUpdate.lock : read.lock
        for source in statement.sourceRelations.map(state.resolve) {
            effects.lock(source, state.kind(of: source), mode)
        }
    }

    static func insert(_ statement: Insert, state: PatchState, into effects: inout StatementEffects) {
        let table = state.resolve(statement.table)
        effects.lock(table, state.kind(of: table), write.lock)
        for source in statement.sourceRelations.map(state.resolve) where source != table {
            effects.lock(source, state.kind(of: source), read.lock)
        }
    }

    static func modify(_ table: QualifiedName, hasWhere: Bool, state: PatchState, into effects: inout StatementEffects) {
        let resolved = state.resolve(table)
        effects.lock(resolved, state.kind(of: resolved), write.lock)
        if !hasWhere { effects.appendUnique(resolved, to: \.wholeTableWrites) }
    }

    static func lock(_ statement: LockTables, state: PatchState, into effects: inout StatementEffects) {
        for table in statement.tables.map(state.resolve) {
            effects.lock(table, state.kind(of: table), statement.mode)
        }
    }
}
