import Foundation

/// One statement, typed as far as a schema gate needs. Anything else is kept as `.other`
/// with the parser's node name, so nothing is dropped.
public enum Statement: Hashable, Sendable {
    case alterTable(AlterTable)
    case createTable(CreateTable)
    case createTableAs(CreateTableAs)
    case createIndex(CreateIndex)
    case drop(Drop)
    case reindex(Reindex)
    case rename(Rename)
    case createEnum(CreateEnum)
    case alterEnum(AlterEnum)
    case createView(CreateView)
    case refreshMaterializedView(RefreshMaterializedView)
    case createFunction(CreateFunction)
    case doBlock(DoBlock)
    case call(CallRoutine)
    case createTrigger(CreateTrigger)
    case cluster(Cluster)
    case vacuum(Vacuum)
    case truncate(Truncate)
    case lock(LockTables)
    case setVariable(SetVariable)
    case transaction(TransactionControl)
    case comment(CommentOn)
    case grant(Grant)
    case insert(Insert)
    case update(Update)
    case delete(Delete)
    case select(Select)
    case alterSequence(AlterSequence)
    case createSequence(QualifiedName)
    case createDomain(CreateDomain)
    case alterObjectSchema(AlterObjectSchema)
    case alterDomain(AlterDomain)
    /// A statement patchgate does not type, with the relations and the object it names.
    case other(UntypedStatement)

    /// The kind as SQL words for messages: `CREATE INDEX`, `ALTER TABLE`.
    /// (Without Foundation's string search: rules ask for it once per finding, in every file.)
    public var displayName: String {
        // Kinds are ASCII: bytes, not Characters and Unicode case mapping (7,000 instructions).
        String(decoding: kind.utf8.map { byte in
            byte == UInt8(ascii: "-") ? UInt8(ascii: " ") : (0x61...0x7A).contains(byte) ? byte - 0x20 : byte
        }, as: UTF8.self)
    }

    /// A stable kebab-case name for reports and JSON.
    public var kind: String {
        switch self {
        case .alterTable: "alter-table"
        case .createTable: "create-table"
        case .createTableAs(let statement): statement.isMaterialized ? "create-materialized-view" : "create-table-as"
        case .createIndex: "create-index"
        case .drop(let drop): "drop-\(drop.objectKind.kebabName)"
        case .reindex: "reindex"
        case .rename: "rename"
        case .createEnum: "create-enum"
        case .alterEnum: "alter-enum"
        case .createView: "create-view"
        case .refreshMaterializedView: "refresh-materialized-view"
        case .createFunction: "create-function"
        case .doBlock: "do"
        case .call: "call"
        case .createTrigger: "create-trigger"
        case .cluster: "cluster"
        case .vacuum(let vacuum): vacuum.isVacuum ? "vacuum" : "analyze"
        case .truncate: "truncate"
        case .lock: "lock"
        case .setVariable: "set"
        case .transaction(let control): control.kind.rawValue
        case .comment: "comment"
        case .grant(let grant): grant.isGrant ? "grant" : "revoke"
        case .insert: "insert"
        case .update: "update"
        case .delete: "delete"
        case .select: "select"
        case .alterSequence: "alter-sequence"
        case .createSequence: "create-sequence"
        case .createDomain: "create-domain"
        case .alterObjectSchema: "set-schema"
        case .alterDomain: "alter-domain"
        case .other: "other"
        }
    }
}

/// The kinds of objects that DROP, RENAME, COMMENT and GRANT name.
public enum ObjectKind: Hashable, Sendable {
    case table, index, view, materializedView, sequence, type, domain, function, procedure,
         trigger, schema, column, constraint, `extension`, foreignTable, rule, policy
    case other(String)

    public var kebabName: String {
        switch self {
        case .table: "table"
        case .index: "index"
        case .view: "view"
        case .materializedView: "materialized-view"
        case .sequence: "sequence"
        case .type: "type"
        case .domain: "domain"
        case .function: "function"
        case .procedure: "procedure"
        case .trigger: "trigger"
        case .schema: "schema"
        case .column: "column"
        case .constraint: "constraint"
        case .`extension`: "extension"
        case .foreignTable: "foreign-table"
        case .rule: "rule"
        case .policy: "policy"
        case .other(let name): name
        }
    }
}
