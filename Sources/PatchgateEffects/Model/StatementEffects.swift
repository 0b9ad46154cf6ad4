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

    /// Adds the lock a fact names, keeping only the strongest mode per relation. A lock taken
    /// at once outranks the same mode taken after older queries: queries can queue behind it.
    mutating func lock(_ relation: QualifiedName, _ kind: RelationKind, by fact: Fact) {
        let mode = fact.lock, isAfterOlderQueries = fact.isAfterOlderQueries
        if let existing = locks.firstIndex(where: { $0.relation == relation }) {
            if locks[existing].mode < mode {
                locks[existing].mode = mode
                locks[existing].isAfterOlderQueries = isAfterOlderQueries
            } else if locks[existing].mode == mode, !isAfterOlderQueries {
                locks[existing].isAfterOlderQueries = false
            }
            if locks[existing].kind == .table, kind != .table { locks[existing].kind = kind }
        } else {
            locks.append(RelationLock(relation: relation, kind: kind, mode: mode, isAfterOlderQueries: isAfterOlderQueries))
        }
    }

    /// A table the fact rewrites (new storage, every row copied), and why.
    mutating func rewrite(_ table: QualifiedName, by fact: Fact, _ reason: RewriteReason) {
        guard fact.rewritesTable else { return }
        appendUnique(table, to: \.rewrites)
        rewriteReasons.append(reason)
    }

    /// A table whose every row the fact's statement writes.
    mutating func wholeTableWrite(_ table: QualifiedName, by fact: Fact) {
        appendUnique(table, to: \.wholeTableWrites)
    }

    /// A partition locked as its parent is: the recursion of an ALTER TABLE on a partitioned table.
    mutating func lock(_ partition: QualifiedName, _ kind: RelationKind, likeParent parent: QualifiedName) {
        guard let lock = locks.first(where: { $0.relation == parent }) else { return }
        if let existing = locks.firstIndex(where: { $0.relation == partition }) {
            guard locks[existing].mode < lock.mode else { return }
            locks[existing].mode = lock.mode
            locks[existing].isAfterOlderQueries = lock.isAfterOlderQueries
        } else {
            locks.append(RelationLock(relation: partition, kind: kind, mode: lock.mode, isAfterOlderQueries: lock.isAfterOlderQueries))
        }
    }

    /// The rewrites, scans and whole-table writes of a partitioned table happen in its partitions.
    mutating func moveWork(from parent: QualifiedName, to partitions: [QualifiedName]) {
        for list in [\StatementEffects.rewrites, \.scans, \.wholeTableWrites] where self[keyPath: list].contains(parent) {
            self[keyPath: list].removeAll { $0 == parent }
            for partition in partitions { appendUnique(partition, to: list) }
        }
    }

    /// A table the fact reads in full to verify it (a constraint, NOT NULL, a partition bound).
    mutating func scan(_ table: QualifiedName, by fact: Fact) {
        if fact.scansTable { appendUnique(table, to: \.scans) }
    }

    public func lockMode(on relation: QualifiedName) -> LockMode? {
        locks.first { $0.relation == relation }?.mode
    }

    private mutating func appendUnique(_ name: QualifiedName, to list: WritableKeyPath<StatementEffects, [QualifiedName]>) {
        if !self[keyPath: list].contains(name) { self[keyPath: list].append(name) }
    }
}

public struct RelationLock: Hashable, Sendable {
    public let relation: QualifiedName
    public var kind: RelationKind
    public var mode: LockMode
    /// Taken only after every query older than the statement has ended: nothing queues behind
    /// it (DROP INDEX CONCURRENTLY on the index, the last step of DETACH … CONCURRENTLY).
    public var isAfterOlderQueries = false
}

/// An index a statement builds, or gives new storage and fills again.
public struct IndexBuild: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        /// A new index (CREATE INDEX, a constraint's index, one cloned onto a partition).
        case new
        /// An existing index built again: REINDEX, and every index of a table a statement
        /// rewrites, truncates or changes the key type of.
        case rebuild
        /// CREATE INDEX or REINDEX CONCURRENTLY: writes go on while it builds.
        case concurrent
    }

    /// nil when PostgreSQL names the index itself and the name cannot be predicted, or when
    /// the build covers every index of `table` and no schema lists them.
    public let index: QualifiedName?
    /// nil when only a catalog would know it (REINDEX INDEX of an index the patch did not create).
    public let table: QualifiedName?
    public let method: Method
    /// The table is empty as the index is built (created by the patch and not filled, or just
    /// truncated): the build costs nothing.
    public internal(set) var isOnEmptyTable: Bool

    public init(index: QualifiedName?, table: QualifiedName?, method: Method, isOnEmptyTable: Bool = false) {
        self.index = index
        self.table = table
        self.method = method
        self.isOnEmptyTable = isOnEmptyTable
    }

    /// A new index, built concurrently or not.
    public init(index: QualifiedName?, table: QualifiedName?, isConcurrent: Bool) {
        self.init(index: index, table: table, method: isConcurrent ? .concurrent : .new)
    }

    public var isConcurrent: Bool { method == .concurrent }
}

/// A change after which code written for the old schema may fail.
public struct CompatibilityBreak: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case dropsColumn = "drops-column", dropsTable = "drops-table", dropsView = "drops-view",
             dropsFunction = "drops-function", renamesColumn = "renames-column",
             renamesTable = "renames-table", renamesView = "renames-view",
             renamesFunction = "renames-function", addsRequiredColumn = "adds-required-column",
             setsNotNull = "sets-not-null", changesColumnType = "changes-column-type",
             renamesType = "renames-type", renamesEnumValue = "renames-enum-value", renamesSchema = "renames-schema",
             dropsDatabase = "drops-database"
    }

    public let kind: Kind
    /// Schema-qualified object, e.g. `public.bugtask.heat`.
    public let object: String
    public let message: String
}
