import PatchgateSyntax

/// INSERT, UPDATE, DELETE, SELECT and LOCK TABLE.
enum DataFacts {
    static let write = Fact("data.write", lock: .rowExclusive, doc: "explicit-locking.html",
        truth: ["insert-values", "update-where", "delete-where"])
    static let read = Fact("data.read", lock: .accessShare, doc: "explicit-locking.html", truth: ["insert-select", "select-plain"])
    static let wholeTable = Fact("data.whole-table", lock: .rowExclusive, doc: "sql-update.html",
        truth: ["update-all", "delete-all"], note: "every row is written: the cost grows with the table")
    static let referencedKey = Fact("data.insert.referenced-key", lock: .rowShare, doc: "ddl-constraints.html",
        truth: ["insert-child-checks-fk", "insert-child-checks-two-fks"],
        note: "server: the foreign key check reads the referenced table FOR KEY SHARE, ROW SHARE on it and its key index")
    static let sequenceWrite = Fact("data.sequence-write", lock: .rowExclusive, doc: "functions-sequence.html",
        truth: ["select-setval", "select-nextval"], note: "server: setval and nextval take ROW EXCLUSIVE on the sequence")
    static let selectForUpdate = Fact("data.select-for-update", lock: .rowShare, doc: "explicit-locking.html",
        truth: ["select-for-update"], note: "FOR UPDATE / FOR SHARE take ROW SHARE; a plain SELECT ACCESS SHARE")
    /// LOCK TABLE takes the mode it names (ACCESS EXCLUSIVE by default): one row per mode.
    static let lockTable: [LockMode: Fact] = Dictionary(uniqueKeysWithValues: LockMode.allCases.map { mode in
        let words = kebabCase(String(mode.pgLocksName.dropLast("Lock".count)))
        return (mode, Fact("data.lock-table.\(words)", lock: mode, doc: "sql-lock.html", truth: ["lock-table-\(words)"]))
    })

    static let all = [write, read, wholeTable, referencedKey, sequenceWrite, selectForUpdate]
        + LockMode.allCases.compactMap { lockTable[$0] }

    static func select(_ statement: Select, state: PatchState, into effects: inout StatementEffects) {
        let fact = statement.locksRows ? selectForUpdate : read
        for source in statement.sourceRelations.map(state.resolve) {
            effects.lock(source, state.kind(of: source), by: fact)
        }
        for sequence in statement.writtenSequences.map(state.resolve) {
            effects.lock(sequence, .sequence, by: sequenceWrite)
        }
    }

    static func insert(_ statement: Insert, state: PatchState, into effects: inout StatementEffects) {
        let table = state.resolve(statement.table)
        effects.lock(table, state.kind(of: table), by: write)
        for source in statement.sourceRelations.map(state.resolve) where source != table {
            effects.lock(source, state.kind(of: source), by: read)
        }
        for constraint in state.constraints(of: table) {
            guard case .foreignKey(_, let reference) = constraint.kind else { continue }
            let target = state.resolve(reference.table)
            effects.lock(target, state.kind(of: target), by: referencedKey)
            if let key = state.catalog.keyIndex(of: target, columns: reference.columns) {
                effects.lock(key, .index, by: referencedKey)
            }
        }
    }

    static func modify(_ table: QualifiedName, hasWhere: Bool, state: PatchState, into effects: inout StatementEffects) {
        let resolved = state.resolve(table)
        effects.lock(resolved, state.kind(of: resolved), by: hasWhere ? write : wholeTable)
        if !hasWhere { effects.wholeTableWrite(resolved, by: wholeTable) }
    }

    static func lock(_ statement: LockTables, state: PatchState, into effects: inout StatementEffects) {
        guard let fact = lockTable[statement.mode] else { return }
        for table in statement.tables.map(state.resolve) {
            effects.lock(table, state.kind(of: table), by: fact)
        }
    }

    /// `ShareUpdateExclusive` → `share-update-exclusive`, as the truth cases name the modes.
    private static func kebabCase(_ name: String) -> String {
        var words = ""
        for character in name {
            if character.isUppercase, !words.isEmpty { words.append("-") }
            words.append(character.isUppercase ? Character(character.lowercased()) : character)
        }
        return words
    }
}
