/// `ALTER TABLE` (or `ALTER INDEX`, `ALTER VIEW` … that share its node) with its subcommands.
public struct AlterTable: Hashable, Sendable {
    public let table: QualifiedName
    /// `.table` for ALTER TABLE; ALTER INDEX, ALTER VIEW … share the statement.
    public let objectKind: ObjectKind
    public let ifExists: Bool
    /// False for `ALTER TABLE ONLY`: the change does not recurse to children or partitions.
    public let recursesToChildren: Bool
    public let actions: [AlterTableAction]

    public init(table: QualifiedName, objectKind: ObjectKind, ifExists: Bool, recursesToChildren: Bool, actions: [AlterTableAction]) {
        self.table = table
        self.objectKind = objectKind
        self.ifExists = ifExists
        self.recursesToChildren = recursesToChildren
        self.actions = actions
    }
}

public enum AlterTableAction: Hashable, Sendable {
    case addColumn(ColumnDefinition, ifNotExists: Bool)
    case dropColumn(name: String, ifExists: Bool, isCascade: Bool)
    case alterColumnType(column: String, type: ColumnType, using: Expression?)
    case setNotNull(column: String)
    case dropNotNull(column: String)
    case setDefault(column: String, Expression)
    case dropDefault(column: String)
    case addConstraint(TableConstraint)
    case dropConstraint(name: String, ifExists: Bool, isCascade: Bool)
    case validateConstraint(name: String)
    case setLogged
    case setUnlogged
    case setTablespace(String)
    case setAccessMethod(String)
    case attachPartition(QualifiedName)
    case detachPartition(QualifiedName, isConcurrent: Bool)
    case detachPartitionFinalize(QualifiedName)
    case setTriggerState(TriggerSelection, isEnabled: Bool)
    case changeOwner(String)
    case setStorageOptions([String])
    case resetStorageOptions([String])
    case setStatistics(column: String)
    /// `ALTER COLUMN … SET (n_distinct = …)`: per-column planner options.
    case setColumnOptions(column: String)
    case setStorage(column: String)
    case addIdentity(column: String)
    case dropIdentity(column: String)
    case clusterOn(index: String)
    /// `SET WITHOUT CLUSTER`.
    case setWithoutCluster
    case replicaIdentity
    case rowSecurity
    /// Any subcommand not typed above, with PostgreSQL's AlterTableType name.
    case other(subtype: String)
}

/// Which triggers `ENABLE`/`DISABLE TRIGGER` names.
public enum TriggerSelection: Hashable, Sendable {
    case named(String)
    case all
    case user
}

/// A column in `CREATE TABLE` or `ADD COLUMN`.
public struct ColumnDefinition: Hashable, Sendable {
    public let name: String
    public let type: ColumnType
    public let isNotNull: Bool
    public let defaultValue: Expression?
    public let identity: Identity?
    /// The expression of `GENERATED ALWAYS AS (…) STORED`.
    public let generatedExpression: Expression?
    public let isPrimaryKey: Bool
    public let isUnique: Bool
    public let checks: [Expression]
    public let references: ForeignKeyReference?

    public enum Identity: Hashable, Sendable { case always, byDefault }

    public init(
        name: String, type: ColumnType, isNotNull: Bool = false, defaultValue: Expression? = nil,
        identity: Identity? = nil, generatedExpression: Expression? = nil, isPrimaryKey: Bool = false,
        isUnique: Bool = false, checks: [Expression] = [], references: ForeignKeyReference? = nil
    ) {
        self.name = name
        self.type = type
        self.isNotNull = isNotNull
        self.defaultValue = defaultValue
        self.identity = identity
        self.generatedExpression = generatedExpression
        self.isPrimaryKey = isPrimaryKey
        self.isUnique = isUnique
        self.checks = checks
        self.references = references
    }

    /// `serial`, `bigserial` and `smallserial` are a sequence default in disguise.
    public var isSerial: Bool {
        type.schema == nil && ["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"].contains(type.name)
    }
}

/// The referenced side of a foreign key.
public struct ForeignKeyReference: Hashable, Sendable {
    public let table: QualifiedName
    public let columns: [String]

    public init(table: QualifiedName, columns: [String]) {
        self.table = table
        self.columns = columns
    }
}

/// A table constraint, from `ADD CONSTRAINT` or a `CREATE TABLE` element.
public struct TableConstraint: Hashable, Sendable {
    public let name: String?
    public let kind: Kind
    /// `NOT VALID`: existing rows are not checked now.
    public let isNotValid: Bool

    public enum Kind: Hashable, Sendable {
        case check(Expression)
        case foreignKey(columns: [String], references: ForeignKeyReference)
        case unique(columns: [String], usingIndex: String?)
        case primaryKey(columns: [String], usingIndex: String?)
        case exclusion
        case other(String)
    }

    public init(name: String?, kind: Kind, isNotValid: Bool) {
        self.name = name
        self.kind = kind
        self.isNotValid = isNotValid
    }
}
