@_exported import PatchgateCatalog
import PatchgateSyntax

/// What one statement does to a live database: the model every rule, report and verdict reads.
public struct StatementEffects: Hashable, Sendable {
    public var locks: [RelationLock] = []
    public var rewrites: [QualifiedName] = []
    public var rewriteReasons: [RewriteReason] = []
    public var scans: [QualifiedName] = []
    public var indexBuilds: [IndexBuild] = []
    /// False when PostgreSQL refuses to run the statement inside a transaction block.
    public var isTransactional = true
    public var created: [QualifiedName] = []
    public var compatibility: [CompatibilityBreak] = []
    /// Tables whose every row the statement updates or deletes.
    public var wholeTableWrites: [QualifiedName] = []
    /// Objects the statement names that the schema does not have (only with a schema).
    public var unknownObjects: [String] = []
    /// Objects the statement creates that the schema already has (only with a schema).
    public var existingObjects: [String] = []

    public init() {}

    /// Adds a lock, keeping only the strongest mode per relation.
    public mutating func lock(_ relation: QualifiedName, _ kind: RelationKind, _ mode: LockMode) {
        if let existing = locks.firstIndex(where: { $0.relation == relation }) {
            if locks[existing].mode < mode { locks[existing].mode = mode }
            if locks[existing].kind == .table, kind != .table { locks[existing].kind = kind }
        } else {
            locks.append(RelationLock(relation: relation, kind: kind, mode: mode))
        }
    }

    public func lockMode(on relation: QualifiedName) -> LockMode? {
        locks.first { $0.relation == relation }?.mode
    }

    mutating func appendUnique(_ name: QualifiedName, to list: WritableKeyPath<StatementEffects, [QualifiedName]>) {
        if !self[keyPath: list].contains(name) { self[keyPath: list].append(name) }
    }
}

public struct RelationLock: Hashable, Sendable {
    public let relation: QualifiedName
    public var kind: RelationKind
    public var mode: LockMode
}

public struct IndexBuild: Hashable, Sendable {
    /// nil when PostgreSQL names the index itself and the name cannot be predicted.
    public let index: QualifiedName?
    /// nil when only a catalog would know it (REINDEX INDEX of an index the patch did not create).
    public let table: QualifiedName?
    public let isConcurrent: Bool
}

/// A change after which code written for the old schema may fail.
public struct CompatibilityBreak: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case dropsColumn = "drops-column", dropsTable = "drops-table", dropsView = "drops-view",
             dropsFunction = "drops-function", renamesColumn = "renames-column",
             renamesTable = "renames-table", renamesView = "renames-view",
             renamesFunction = "renames-function", addsRequiredColumn = "adds-required-column",
             setsNotNull = "sets-not-null", changesColumnType = "changes-column-type"
    }

    public let kind: Kind
    /// Schema-qualified object, e.g. `public.bugtask.heat`.
    public let object: String
    public let message: String
}
