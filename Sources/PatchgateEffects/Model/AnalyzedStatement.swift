import PatchgateSyntax

/// A statement with its effects and what the patch had done before it. A class: every rule
/// walks every statement, and copying a struct of this many arrays cost a retain per field.
public final class AnalyzedStatement: Sendable {
    public let parsed: ParsedStatement
    public let effects: StatementEffects
    public let context: StatementContext

    init(parsed: ParsedStatement, effects: StatementEffects, context: StatementContext) {
        self.parsed = parsed
        self.effects = effects
        self.context = context
    }

    public var syntax: Statement { parsed.syntax }
}

/// How statements run: inside the transaction the runner wraps a file in, inside an explicit
/// `BEGIN … COMMIT`, or on their own (autocommit).
public enum TransactionMode: String, Sendable, CaseIterable {
    case perFile = "per-file"
    case none
}

/// The state of the patch when a statement starts, read from the patch's ledger.
public struct StatementContext: Sendable {
    let ledger: PatchLedger
    /// The statement's index: the context sees what statements before it did.
    let statement: Int
    /// Which transaction of the file the statement runs in (each autocommit statement is one).
    public let transaction: Int
    /// `lock_timeout` in effect, in milliseconds; nil or 0 means waiting forever.
    public let lockTimeoutMilliseconds: Int?
    /// The transaction block the statement runs in (the runner's, the file's own, or
    /// PostgreSQL's implicit one for a query of several statements); nil in autocommit.
    public let block: TransactionBlock?
    /// True when the statement runs inside a transaction block.
    public var isInTransaction: Bool { block != nil }
    /// Enum values added earlier in the same transaction, by type.
    public let enumValuesAddedInTransaction: [String]

    /// Work on a relation created earlier in the patch and still empty is cheap and live-safe.
    public func isEmptyNew(_ relation: QualifiedName) -> Bool { ledger.isEmptyNew(relation, before: statement) }

    /// A relation that existed before the patch.
    public func isPreExisting(_ relation: QualifiedName) -> Bool { !ledger.isCreated(relation, before: statement) }

    /// The lock an earlier statement of the same transaction took on the relation and still holds.
    public func heldLock(on relation: QualifiedName) -> HeldLock? {
        isInTransaction ? ledger.heldLock(on: relation, before: statement) : nil
    }

    /// Every lock earlier statements of the same transaction still hold (built on each call:
    /// for reports that draw them all, not for per-relation questions).
    public var heldLocks: [QualifiedName: HeldLock] {
        isInTransaction ? ledger.heldLocks(before: statement, transaction: transaction) : [:]
    }
}

/// The strongest lock a transaction holds on a relation, and which statement first took it.
public struct HeldLock: Hashable, Sendable {
    public let mode: LockMode
    public let sinceStatement: Int
}
