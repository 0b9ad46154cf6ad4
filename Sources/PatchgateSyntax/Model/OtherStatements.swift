public struct Drop: Hashable, Sendable {
    public let objectKind: ObjectKind
    /// Dotted names as written; for a trigger, rule or policy the last part is its own name
    /// and the rest is the table's.
    public let objects: [[String]]
    public let isConcurrent: Bool
    public let ifExists: Bool
    public let isCascade: Bool

    public var names: [QualifiedName] { objects.map(QualifiedName.init(parts:)) }
}

/// `ALTER … RENAME` of any object; `column` is set when a column (or constraint, trigger …)
/// of `relation` is renamed.
public struct Rename: Hashable, Sendable {
    public let objectKind: ObjectKind
    /// The table, view or index renamed or holding what is renamed.
    public let relation: QualifiedName?
    /// For non-relation objects (types, functions, schemas …): their dotted name.
    public let object: [String]
    /// The old name of a renamed column, constraint, trigger or policy.
    public let subobject: String?
    public let newName: String
    public let ifExists: Bool
}

public struct Reindex: Hashable, Sendable {
    public enum Target: String, Hashable, Sendable { case index, table, schema, system, database }
    public let target: Target
    public let relation: QualifiedName?
    public let name: String?
    public let isConcurrent: Bool
}

public struct RefreshMaterializedView: Hashable, Sendable {
    public let name: QualifiedName
    public let isConcurrent: Bool
    public let withNoData: Bool
}

public struct Cluster: Hashable, Sendable {
    /// nil: re-cluster every previously clustered table.
    public let table: QualifiedName?
    public let index: String?
}

/// `VACUUM` or `ANALYZE`.
public struct Vacuum: Hashable, Sendable {
    public let isVacuum: Bool
    public let isFull: Bool
    public let tables: [QualifiedName]
}

public struct Truncate: Hashable, Sendable {
    public let tables: [QualifiedName]
    public let isCascade: Bool
}

public struct LockTables: Hashable, Sendable {
    public let tables: [QualifiedName]
    public let mode: LockMode
    public let isNoWait: Bool
}

/// `SET`, `SET LOCAL`, `RESET`: `value` nil means RESET or DEFAULT.
public struct SetVariable: Hashable, Sendable {
    public let name: String
    public let value: String?
    public let isLocal: Bool
}

public struct TransactionControl: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case begin, commit, rollback, savepoint, release = "release-savepoint",
             rollbackToSavepoint = "rollback-to-savepoint", prepare = "prepare-transaction",
             commitPrepared = "commit-prepared", rollbackPrepared = "rollback-prepared"
    }
    public let kind: Kind
}

public struct CommentOn: Hashable, Sendable {
    public let objectKind: ObjectKind
    public let object: [String]
    /// nil for `COMMENT … IS NULL`, which removes the comment.
    public let text: String?
}

public struct Grant: Hashable, Sendable {
    public let isGrant: Bool
    public let objectKind: ObjectKind
    public let objects: [[String]]
    public let privileges: [String]
}

public struct Insert: Hashable, Sendable {
    public let table: QualifiedName
    /// Relations the inserted rows are read from (`INSERT … SELECT … FROM`).
    public let sourceRelations: [QualifiedName]
    /// The column list as written; empty when the statement names none.
    public var columns: [String] = []
    /// The rows of `INSERT … VALUES (…), (…)`, one expression per value; empty for
    /// `INSERT … SELECT` and `DEFAULT VALUES`.
    public var rows: [[Expression]] = []
}

public struct Update: Hashable, Sendable {
    public let table: QualifiedName
    public let hasWhere: Bool
}

public struct Delete: Hashable, Sendable {
    public let table: QualifiedName
    public let hasWhere: Bool
}

public struct Select: Hashable, Sendable {
    public let sourceRelations: [QualifiedName]
    /// `FOR UPDATE` / `FOR SHARE` …: rows are locked, and the tables take ROW SHARE.
    public let locksRows: Bool
    /// Sequences named by `setval('s', …)` or `nextval('s')`, which write them.
    public var writtenSequences: [QualifiedName] = []
    /// Functions the query calls, by name as written (`SELECT f()`, `PERFORM f()`).
    public var calledFunctions: [QualifiedName] = []
}

public struct AlterSequence: Hashable, Sendable {
    public let name: QualifiedName
    /// The table of `OWNED BY table.column`.
    public let ownedBy: QualifiedName?
}

/// `ALTER … SET SCHEMA`.
public struct AlterObjectSchema: Hashable, Sendable {
    public let objectKind: ObjectKind
    /// The table, view, sequence or index moved, for relation kinds.
    public let relation: QualifiedName?
    public let object: [String]
    public let newSchema: String
}

/// A statement patchgate does not type: PostgreSQL's node name, the relations its own fields
/// name (`ON t`, `FROM t`; not those inside its expressions), and the dotted name of an object
/// it names alone (`defnames`: a statistics object).
public struct UntypedStatement: Hashable, Sendable {
    public let nodeName: String
    public let relations: [QualifiedName]
    public let objectName: [String]

    public init(nodeName: String, relations: [QualifiedName] = [], objectName: [String] = []) {
        self.nodeName = nodeName
        self.relations = relations
        self.objectName = objectName
    }
}

/// `ALTER DOMAIN`: the changes that make PostgreSQL check the columns of the domain.
public struct AlterDomain: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        /// `ADD CONSTRAINT`; NOT VALID leaves existing values unchecked.
        case addConstraint(isNotValid: Bool)
        case setNotNull
        case validateConstraint
        case other
    }
    public let name: QualifiedName
    public let action: Action

    public init(name: QualifiedName, action: Action) {
        self.name = name
        self.action = action
    }
}
