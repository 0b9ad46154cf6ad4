import PatchgateSyntax

/// A statement with its effects and what the patch had done before it.
public struct AnalyzedStatement: Sendable {
    public let parsed: ParsedStatement
    public let effects: StatementEffects
    public let context: StatementContext

    public var syntax: Statement { parsed.syntax }
}

/// How statements run: inside the transaction the runner wraps a file in, inside an explicit
/// `BEGIN … COMMIT`, or on their own (autocommit).
public enum TransactionMode: String, Sendable, CaseIterable {
    case perFile = "per-file"
    case none
}

/// The state of the patch when a statement starts.
public struct StatementContext: Sendable {
    /// Relations the patch created earlier and that still hold no rows copied from elsewhere.
    public let emptyNewRelations: Set<QualifiedName>
    /// Every relation the patch created earlier, filled or not.
    public let createdEarlier: Set<QualifiedName>
    /// `lock_timeout` in effect, in milliseconds; nil or 0 means waiting forever.
    public let lockTimeoutMilliseconds: Int?
    /// True when the statement runs inside a transaction block (explicit or the runner's).
    public let isInTransaction: Bool
    /// Locks taken by earlier statements of the same transaction and still held.
    public let heldLocks: [QualifiedName: HeldLock]
    /// Enum values added earlier in the same transaction, by type.
    public let enumValuesAddedInTransaction: [String]

    /// Work on a relation created earlier in the patch and still empty is cheap and live-safe.
    public func isEmptyNew(_ relation: QualifiedName) -> Bool { emptyNewRelations.contains(relation) }

    /// A relation that existed before the patch.
    public func isPreExisting(_ relation: QualifiedName) -> Bool { !createdEarlier.contains(relation) }
}

/// The strongest lock a transaction holds on a relation, and which statement first took it.
public struct HeldLock: Hashable, Sendable {
    public let mode: LockMode
    public let sinceStatement: Int
}
