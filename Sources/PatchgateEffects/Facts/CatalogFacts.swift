import PatchgateSyntax

/// Statements that change only the catalog: views, functions, triggers, types, comments, grants.
enum CatalogFacts {
    static let createView = Fact("catalog.create-view", lock: .accessShare, doc: "sql-createview.html",
        truth: ["create-view"], note: "reads the relations it selects from")
    static let replaceView = Fact("catalog.replace-view", lock: .accessExclusive, doc: "sql-createview.html",
        truth: ["create-or-replace-view"], note: "ACCESS EXCLUSIVE on the view only, for a catalog update")
    static let createTrigger = Fact("catalog.create-trigger", lock: .shareRowExclusive, doc: "sql-createtrigger.html",
        truth: ["create-trigger"])
    static let dropTrigger = Fact("catalog.drop-trigger", lock: .accessExclusive, doc: "sql-droptrigger.html",
        truth: ["drop-trigger"])
    static let comment = Fact("catalog.comment", lock: .shareUpdateExclusive, doc: "sql-comment.html",
        truth: ["comment-on-table", "comment-on-column"])
    // ALTER TYPE … ADD VALUE locks no relation (on 15 it may run in a transaction, but the new
    // value cannot be used before COMMIT: rule enum-value-in-transaction), so it has no row.

    /// Renaming an enum value takes no table lock, but code that still writes the old label fails.
    static func alterEnum(_ statement: AlterEnum, state: PatchState, into effects: inout StatementEffects) {
        guard let old = statement.renamedFrom else { return }
        let type = state.resolve(statement.name)
        effects.compatibility.append(CompatibilityBreak(
            kind: .renamesEnumValue, object: "\(type).\(old)",
            message: "code that writes or compares '\(old)' as a \(type) value fails once it is renamed"))
    }

    static let alterSequence = Fact("catalog.alter-sequence", lock: .shareRowExclusive, doc: "sql-altersequence.html",
        truth: ["alter-sequence-increment", "alter-sequence-restart", "alter-sequence-as-bigint", "alter-sequence-owned-by"],
        note: "server: SHARE ROW EXCLUSIVE on the sequence; the docs name no lock")
    static let ownedByTable = Fact("catalog.alter-sequence.owned-by-table", lock: .accessShare, doc: "sql-altersequence.html",
        truth: ["alter-sequence-owned-by"], note: "server: OWNED BY reads the table it names")
    static let setSchema = Fact("catalog.set-schema", lock: .accessExclusive, doc: "sql-altertable.html",
        truth: ["alter-set-schema"])

    static let all = [createView, replaceView, createTrigger, dropTrigger, comment, alterSequence, ownedByTable, setSchema]

    static func alterSequence(_ statement: AlterSequence, state: PatchState, into effects: inout StatementEffects) {
        effects.lock(state.resolve(statement.name), .sequence, by: alterSequence)
        if let table = statement.ownedBy.map(state.resolve) { effects.lock(table, state.kind(of: table), by: ownedByTable) }
    }

    static func setSchema(_ statement: AlterObjectSchema, state: PatchState, into effects: inout StatementEffects) {
        guard let relation = statement.relation.map(state.resolve) else { return }
        let kind: RelationKind = switch statement.objectKind {
        case .view: .view
        case .materializedView: .materializedView
        case .sequence: .sequence
        case .index: .index
        default: state.kind(of: relation)
        }
        effects.lock(relation, kind, by: setSchema)
    }

    static func createView(_ statement: CreateView, state: PatchState, into effects: inout StatementEffects) {
        let view = state.resolve(statement.name)
        for source in statement.sourceRelations.map(state.resolve) where source != view {
            effects.lock(source, state.kind(of: source), by: createView)
        }
        if statement.isReplace && state.isPreExisting(view) {
            effects.lock(view, .view, by: replaceView)
        } else {
            effects.created.append(view)
        }
    }

    static func createTrigger(_ statement: CreateTrigger, state: PatchState, into effects: inout StatementEffects) {
        let table = state.resolve(statement.table)
        effects.lock(table, state.kind(of: table), by: createTrigger)
    }

    static func dropTriggers(_ statement: Drop, state: PatchState, into effects: inout StatementEffects) {
        for parts in statement.objects where parts.count >= 2 {
            let table = state.resolve(QualifiedName(parts: Array(parts.dropLast())))
            effects.lock(table, state.kind(of: table), by: dropTrigger)
        }
    }

    static func comment(_ statement: CommentOn, state: PatchState, into effects: inout StatementEffects) {
        let relationParts: [String]
        switch statement.objectKind {
        case .table, .view, .materializedView, .index, .sequence: relationParts = statement.object
        case .column: relationParts = Array(statement.object.dropLast())
        default: return
        }
        guard !relationParts.isEmpty else { return }
        let relation = state.resolve(QualifiedName(parts: relationParts))
        effects.lock(relation, state.kind(of: relation), by: comment)
    }
}
