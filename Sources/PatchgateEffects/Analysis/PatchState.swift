import PatchgateSyntax

/// What the statements so far did that later statements depend on: objects they created, the
/// session settings they made, and the locks the open transaction holds.
struct PatchState {
    /// Where each statement runs: decided once from the runner's units before the analysis.
    let timeline: TransactionTimeline
    var searchPath = "public"
    var lockTimeoutMilliseconds: Int?
    /// The session's TimeZone, once the patch sets it; nil means the server's, unknown.
    var timeZone: String?
    var created: Set<QualifiedName> = []
    var emptyNew: Set<QualifiedName> = []
    var createdFunctions: Set<String> = []
    /// The schema as it stands before the statement: the baseline (if any) plus everything the
    /// patch did so far.
    var catalog: Catalog
    /// The DO block or calling statement whose own transaction is open: sent outside a
    /// transaction block, a routine runs as a transaction of its own.
    var routineTransaction: Int?
    var heldLocks: [QualifiedName: HeldLock] = [:]
    var enumValuesAdded: [String] = []
    /// Counts transactions: a new one starts after each end.
    var transactionNumber = 0
    let ledger = PatchLedger()
    /// The statement being recorded.
    var currentStatement = 0

    init(timeline: TransactionTimeline, catalog: Catalog) {
        self.timeline = timeline
        self.catalog = catalog
    }

    /// The statement being recorded runs inside a transaction block.
    var isInTransaction: Bool { block(of: currentStatement) != nil }

    func block(of statement: Int) -> TransactionBlock? {
        timeline.blocks[statement] ?? routineTransaction.map { .routine(runBy: $0) }
    }

    func resolve(_ name: QualifiedName) -> QualifiedName { name.resolved(in: searchPath) }

    func kind(of relation: QualifiedName, default fallback: RelationKind = .table) -> RelationKind {
        catalog.relation(relation)?.kind ?? fallback
    }

    /// The table of an index, when the catalog knows the index.
    func table(ofIndex index: QualifiedName) -> QualifiedName? {
        guard let relation = catalog.relation(index), relation.kind == .index else { return nil }
        return relation.parent
    }

    func constraints(of table: QualifiedName) -> [TableConstraint] { catalog.relation(table)?.constraints ?? [] }

    func column(_ name: String, of table: QualifiedName) -> Catalog.Column? { catalog.relation(table)?.column(name) }

    /// Declared NOT NULL, or part of the primary key (which implies it).
    func isKnownNotNull(_ column: String, of table: QualifiedName) -> Bool {
        (self.column(column, of: table)?.isNotNull ?? false) || catalog.primaryKeyColumns(of: table).contains(column)
    }

    func declaredVolatility(of function: String) -> Volatility? {
        catalog.functionVolatility[function].map { Volatility(declared: $0) }
    }

    func context(of statement: Int) -> StatementContext {
        StatementContext(
            ledger: ledger, statement: statement, transaction: transactionNumber,
            lockTimeoutMilliseconds: lockTimeoutMilliseconds, block: block(of: statement),
            enumValuesAddedInTransaction: enumValuesAdded
        )
    }

    func isPreExisting(_ relation: QualifiedName) -> Bool { !created.contains(relation) }

    mutating func markCreated(_ relation: QualifiedName, isEmpty: Bool = true) {
        created.insert(relation)
        if isEmpty { emptyNew.insert(relation) } else { emptyNew.remove(relation) }
        ledger.recordCreation(relation, isEmpty: isEmpty, by: currentStatement)
    }

    /// Rows copied in from an existing relation: the new relation is as costly as an old one.
    mutating func markFilled(_ relation: QualifiedName) {
        guard emptyNew.remove(relation) != nil else { return }
        ledger.recordCreation(relation, isEmpty: false, by: currentStatement)
    }

    /// Locks are held to the end of the transaction; outside one, to the end of the statement.
    mutating func hold(_ effects: StatementEffects, statement index: Int) {
        guard isInTransaction else { return }
        for lock in effects.locks {
            let earlier = heldLocks[lock.relation]
            if let earlier, earlier.mode >= lock.mode { continue }
            let held = HeldLock(mode: lock.mode, sinceStatement: earlier?.sinceStatement ?? index)
            heldLocks[lock.relation] = held
            ledger.recordLock(lock.relation, held, by: index, transaction: transactionNumber)
        }
    }

    mutating func endTransaction() {
        ledger.recordRelease(heldLocks.keys, by: currentStatement)
        heldLocks = [:]
        enumValuesAdded = []
        transactionNumber += 1
    }
}
