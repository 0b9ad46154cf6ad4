public struct CreateTable: Hashable, Sendable {
    public let table: QualifiedName
    public let ifNotExists: Bool
    public let columns: [ColumnDefinition]
    public let constraints: [TableConstraint]
    /// `PARTITION OF parent`.
    public let partitionOf: QualifiedName?
    public let inherits: [QualifiedName]
    /// Declares `PARTITION BY`: the table holds no rows itself.
    public let isPartitioned: Bool
    public let isUnlogged: Bool
    public let isTemporary: Bool
    /// Tables copied with `LIKE`.
    public let likeSources: [QualifiedName]
    /// Those copied `INCLUDING INDEXES` (or `ALL`): their indexes are built on the new table.
    public let likeIndexSources: [QualifiedName]

    public init(
        table: QualifiedName, ifNotExists: Bool, columns: [ColumnDefinition], constraints: [TableConstraint],
        partitionOf: QualifiedName?, inherits: [QualifiedName], isPartitioned: Bool, isUnlogged: Bool, isTemporary: Bool,
        likeSources: [QualifiedName] = [], likeIndexSources: [QualifiedName] = []
    ) {
        self.likeSources = likeSources
        self.likeIndexSources = likeIndexSources
        self.table = table
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.constraints = constraints
        self.partitionOf = partitionOf
        self.inherits = inherits
        self.isPartitioned = isPartitioned
        self.isUnlogged = isUnlogged
        self.isTemporary = isTemporary
    }

    /// Every table a foreign key of the new table points at.
    public var referencedTables: [QualifiedName] {
        columns.compactMap(\.references?.table) + constraints.compactMap {
            if case .foreignKey(_, let reference) = $0.kind { return reference.table }
            return nil
        }
    }
}

/// `CREATE TABLE … AS`, `SELECT INTO` and `CREATE MATERIALIZED VIEW`.
public struct CreateTableAs: Hashable, Sendable {
    public let name: QualifiedName
    public let isMaterialized: Bool
    public let ifNotExists: Bool
    public let withNoData: Bool
    /// Relations the query reads.
    public let sourceRelations: [QualifiedName]
}

public struct CreateIndex: Hashable, Sendable {
    /// nil when PostgreSQL chooses the name.
    public let name: String?
    public let table: QualifiedName
    public let isConcurrent: Bool
    public let isUnique: Bool
    public let ifNotExists: Bool
    public let accessMethod: String
    public let columns: [IndexKey]
    public let isPartial: Bool
    /// `ONLY`: on a partitioned table, creates the parent index without recursing.
    public let isOnly: Bool

    public enum IndexKey: Hashable, Sendable {
        case column(String)
        case expression(Expression)
    }
}

public struct CreateEnum: Hashable, Sendable {
    public let name: QualifiedName
    public let values: [String]
}

/// `ALTER TYPE … ADD VALUE` or `RENAME VALUE`.
public struct AlterEnum: Hashable, Sendable {
    public let name: QualifiedName
    public let addedValue: String?
    public let renamedFrom: String?
    public let ifNotExists: Bool
}

public struct CreateView: Hashable, Sendable {
    public let name: QualifiedName
    public let isReplace: Bool
    public let sourceRelations: [QualifiedName]
    /// Column names the query refers to; nil when it selects `*` (it then uses every column).
    public var referencedColumns: [String]? = []
}

public struct CreateFunction: Hashable, Sendable {
    public let name: QualifiedName
    public let isReplace: Bool
    public let isProcedure: Bool
    public let argumentTypes: [ColumnType]
    /// `IMMUTABLE`, `STABLE` or `VOLATILE` as declared; nil means the default, VOLATILE.
    public let declaredVolatility: String?
    public let language: String?
    /// A PL/pgSQL body as read (nil for other languages and for SQL-standard bodies).
    public var body: ProceduralBody? = nil
}

public struct CreateTrigger: Hashable, Sendable {
    public let name: String
    public let table: QualifiedName
    public let isReplace: Bool
    public let isConstraint: Bool
    public let function: QualifiedName
}

/// CREATE DOMAIN: a type over a base type, which may carry constraints that every value of a
/// converted column must pass.
public struct CreateDomain: Hashable, Sendable {
    public let name: QualifiedName
    public let baseType: ColumnType
    /// A CHECK or NOT NULL constraint on the domain.
    public let hasConstraints: Bool

    public init(name: QualifiedName, baseType: ColumnType, hasConstraints: Bool) {
        self.name = name
        self.baseType = baseType
        self.hasConstraints = hasConstraints
    }
}
