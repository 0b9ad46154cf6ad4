import PatchgateSyntax

/// What the statements so far did that later statements depend on: objects they created, the
/// session settings they made, and the locks the open transaction holds.
struct PatchState {
    let transactionMode: TransactionMode
    var searchPath = "public"
    var lockTimeoutMilliseconds: Int?
    var created: Set<QualifiedName> = []
    var emptyNew: Set<QualifiedName> = []
    var createdKinds: [QualifiedName: RelationKind] = [:]
    var createdTables: [QualifiedName: CreateTable] = [:]
    /// Constraints added in the patch, by table, so VALIDATE and DROP know what they name.
    var constraints: [QualifiedName: [TableConstraint]] = [:]
    /// Table of each index the patch created.
    var indexTables: [QualifiedName: QualifiedName] = [:]
    var functionVolatility: [String: Volatility] = [:]
    var isInExplicitBlock = false
    var heldLocks: [QualifiedName: HeldLock] = [:]
    var enumValuesAdded: [String] = []

    init(transactionMode: TransactionMode) {
        self.transactionMode = transactionMode
    }

    var isInTransaction: Bool { isInExplicitBlock || transactionMode == .perFile }

    func resolve(_ name: QualifiedName) -> QualifiedName { name.resolved(in: searchPath) }

    func kind(of relation: QualifiedName, default fallback: RelationKind = .table) -> RelationKind {
        createdKinds[relation] ?? fallback
    }

    func context() -> StatementContext {
        StatementContext(
            emptyNewRelations: emptyNew, createdEarlier: created,
            lockTimeoutMilliseconds: lockTimeoutMilliseconds, isInTransaction: isInTransaction,
            heldLocks: heldLocks, enumValuesAddedInTransaction: enumValuesAdded
        )
    }

    func isPreExisting(_ relation: QualifiedName) -> Bool { !created.contains(relation) }

    mutating func markCreated(_ relation: QualifiedName, kind: RelationKind, isEmpty: Bool = true) {
        created.insert(relation)
        createdKinds[relation] = kind
        if isEmpty { emptyNew.insert(relation) } else { emptyNew.remove(relation) }
    }

    /// Locks are held to the end of the transaction; outside one, to the end of the statement.
    mutating func hold(_ effects: StatementEffects, statement index: Int) {
        guard isInTransaction else { return }
        for lock in effects.locks {
            if let held = heldLocks[lock.relation], held.mode >= lock.mode { continue }
            let since = heldLocks[lock.relation]?.sinceStatement ?? index
            heldLocks[lock.relation] = HeldLock(mode: max(lock.mode, heldLocks[lock.relation]?.mode ?? lock.mode), sinceStatement: since)
        }
    }

    mutating func endTransaction() {
        heldLocks = [:]
        enumValuesAdded = []
    }
}
