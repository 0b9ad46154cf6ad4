import PatchgateSyntax

/// Where one statement stands on the lists of Launchpad's "Database patching" page (what can be
/// hot; what must be cold). Anything the page does not list as hot is cold: "Anything that is not
/// a hot patch is a cold patch" (Database schema changes process).
public enum LaunchpadListing: Hashable, Sendable {
    // The hot list.
    case indexCreation
    case view
    case functionChange
    // Statements that change nothing a running client could wait on.
    case setting
    case comment
    case revisionRow
    case grant
    // The cold list.
    case trigger
    case indexDrop
    case tableCreation(referencesExistingTables: Bool)
    case rename
    case addColumn
    case setNotNull
    case alterTable
    case revoke
    /// Not on the hot list, so cold; with the statement's kind (`drop-table`, `update` …).
    case unlisted(kind: String)

    public var applyClass: LaunchpadClass {
        switch self {
        case .indexCreation, .view, .functionChange, .setting, .comment, .revisionRow, .grant: .hot
        case .trigger, .indexDrop, .tableCreation, .rename, .addColumn, .setNotNull, .alterTable, .revoke, .unlisted: .cold
        }
    }

    /// The entry in the manual's words, for messages.
    public var description: String {
        switch self {
        case .indexCreation: "index creation (hot list: applied by hand with CONCURRENTLY)"
        case .view: "CREATE OR REPLACE VIEW (hot list)"
        case .functionChange: "a function change (hot list, while its signature stays consistent with the triggers that call it)"
        case .setting: "a session setting"
        case .comment: "a COMMENT"
        case .revisionRow: "the LaunchpadDatabaseRevision row"
        case .grant: "a GRANT (additive permission changes are deployed without downtime)"
        case .trigger: "a trigger definition (cold list: \"Table trigger definitions must be done as cold patches\")"
        case .indexDrop: "dropping an index (cold list: \"Deleting an index requires a fastdowntime deployment\")"
        case .tableCreation(let referencesExisting):
            referencesExisting
                ? "table creation with foreign keys to existing tables (cold list: the keys need locks on the referenced tables)"
                : "table creation (cold list: \"It should be done as a cold patch\")"
        case .rename: "a rename (cold list: the old name needs a writable alias while code still uses it)"
        case .addColumn: "adding a column (cold list)"
        case .setNotNull: "SET NOT NULL (cold list: the last step of adding a column to a large table)"
        case .alterTable: "ALTER TABLE (not on the hot list; a live patch cannot do \"ALTER TABLE of any kind\")"
        case .revoke: "revoking permissions (cold list: needs a fast-downtime deployment)"
        case .unlisted(let kind): "\(kind.replacingOccurrences(of: "-", with: " ").uppercased()) (not on the hot list)"
        }
    }

    /// One statement's entry; `createdEarlier` holds the tables the patch created before it.
    static func of(_ statement: Statement, createdEarlier: Set<String>) -> LaunchpadListing {
        switch statement {
        case .createIndex: .indexCreation
        case .createView: .view
        case .createFunction: .functionChange
        case .setVariable: .setting
        case .comment: .comment
        case .grant(let grant): grant.isGrant ? .grant : .revoke
        case .insert(let insert): LaunchpadRevisionRows.isRevisionTable(insert.table) ? .revisionRow : .unlisted(kind: statement.kind)
        case .createTrigger: .trigger
        case .drop(let drop): dropListing(drop, kind: statement.kind)
        case .createTable(let create):
            .tableCreation(referencesExistingTables: create.referencedTables.contains { !createdEarlier.contains($0.name) })
        case .rename: .rename
        case .alterTable(let alter): alterTableListing(alter)
        case .createTableAs, .reindex, .createEnum, .alterEnum, .refreshMaterializedView, .cluster, .vacuum, .truncate, .doBlock, .call,
             .lock, .transaction, .update, .delete, .select, .alterSequence, .createSequence, .createDomain, .alterObjectSchema, .alterDomain, .other:
            .unlisted(kind: statement.kind)
        }
    }

    private static func dropListing(_ drop: Drop, kind: String) -> LaunchpadListing {
        switch drop.objectKind {
        case .index: .indexDrop
        case .trigger: .trigger
        default: .unlisted(kind: kind)
        }
    }

    private static func alterTableListing(_ alter: AlterTable) -> LaunchpadListing {
        for action in alter.actions {
            if case .addColumn = action { return .addColumn }
            if case .setNotNull = action { return .setNotNull }
        }
        return .alterTable
    }
}
