import PatchgateSource
import PatchgateSyntax

/// Where each statement of a file runs, following PostgreSQL: the runner's BEGIN around a unit,
/// the file's own BEGIN/COMMIT/ROLLBACK, and the implicit block PostgreSQL opens for a query of
/// several statements ("Multiple Statements in a Simple Query",
/// https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT): a new
/// implicit block after a COMMIT inside such a query; a query of one statement is in a block
/// only if one is open.
public struct TransactionTimeline: Sendable {
    /// The block a statement runs in; nil for autocommit.
    public let blocks: [Int: TransactionBlock]
    /// Statements after which the open transaction ends (its locks are released).
    public let endsAfter: Set<Int>
    /// A BEGIN whose transaction nothing commits: the session ends and it is rolled back.
    public let uncommittedBegin: Int?

    public init(statements: [(index: Int, start: Int, control: TransactionControl.Kind?)], application: FileApplication) {
        var simulation = Simulation(reopensAfterCommit: application.reopensAfterCommit)
        let units = application.units
        // Each statement belongs to the last unit starting at or before it (units are in file order).
        var members = [[(index: Int, start: Int, control: TransactionControl.Kind?)]](repeating: [], count: units.count)
        var owner = 0
        for statement in statements.sorted(by: { $0.start < $1.start }) where !units.isEmpty {
            while owner + 1 < units.count, units[owner + 1].span.start <= statement.start { owner += 1 }
            members[owner].append(statement)
        }
        for (position, unit) in units.enumerated() {
            simulation.run(unit, statements: members[position], isLastUnit: position == units.count - 1)
        }
        blocks = simulation.blocks
        endsAfter = simulation.endsAfter
        uncommittedBegin = simulation.openExplicitBegin
    }
}

/// Why a statement runs inside a transaction block.
public enum TransactionBlock: Equatable, Sendable {
    /// The runner's own BEGIN around the unit (its reason says which runner and why).
    case runner(reason: String)
    /// The file's BEGIN (or START TRANSACTION), statement `begin`.
    case explicit(begin: Int)
    /// PostgreSQL's implicit block for one query of `statements` statements.
    case implicit(statements: Int)
    /// The transaction of its own that a DO block or called routine (statement `runBy`) runs as
    /// when it is sent outside a block.
    case routine(runBy: Int)

    /// Why a statement in this block is in a transaction, as a report says it.
    public var explanation: String {
        switch self {
        case .runner(let reason): return "the runner applies it in a transaction (\(reason))"
        case .explicit: return "it follows the file's BEGIN"
        case .implicit(let count): return "the runner sends \(count) statements as one query, which PostgreSQL runs in an implicit transaction block"
        case .routine: return "the DO block or routine runs as a transaction of its own"
        }
    }
}

private struct Simulation {
    let reopensAfterCommit: Bool
    var blocks: [Int: TransactionBlock] = [:]
    var endsAfter: Set<Int> = []
    var current: TransactionBlock?
    /// The runner's transaction of scope `run` is open (opened by an earlier unit).
    var runTransactionOpen = false
    var openExplicitBegin: Int? {
        if case .explicit(let begin)? = current, !runTransactionOpen { return begin }
        return nil
    }
    private var last: Int?

    init(reopensAfterCommit: Bool) {
        self.reopensAfterCommit = reopensAfterCommit
    }

    mutating func run(_ unit: ApplicationUnit, statements: [(index: Int, start: Int, control: TransactionControl.Kind?)], isLastUnit: Bool) {
        let runnerBlock = TransactionBlock.runner(reason: unit.reason)
        if unit.wrapping == .runnerTransaction, current == nil { current = runnerBlock }
        if unit.wrapping == .runnerTransaction, unit.scope == .run { runTransactionOpen = true }
        for query in queries(of: unit, statements) {
            for statement in query {
                if current == nil, query.count > 1 { current = .implicit(statements: query.count) }
                step(statement, in: query.count, wrapping: unit.wrapping, runnerBlock: runnerBlock)
            }
            if case .implicit? = current { end() }
        }
        if unit.wrapping == .runnerTransaction, unit.scope == .unit || isLastUnit, current != nil {
            // The runner's COMMIT also commits a transaction the file opened inside its own.
            end()
            runTransactionOpen = false
        }
    }

    private mutating func step(_ statement: (index: Int, start: Int, control: TransactionControl.Kind?), in querySize: Int,
                               wrapping: ApplicationUnit.Wrapping, runnerBlock: TransactionBlock) {
        last = statement.index
        blocks[statement.index] = current
        switch statement.control {
        case .begin?:
            // Inside the runner's or an explicit block BEGIN only warns; an implicit block becomes explicit.
            switch current {
            case nil, .implicit?: current = .explicit(begin: statement.index)
            case .runner?, .explicit?, .routine?: break
            }
        case .commit?, .rollback?, .prepare?:
            guard current != nil else { return }
            end()
            if wrapping == .runnerTransaction, reopensAfterCommit { current = runnerBlock }
        default: break
        }
    }

    private mutating func end() {
        if let last { endsAfter.insert(last) }
        current = nil
    }

    /// The unit's statements grouped into the queries the runner sends.
    private func queries(of unit: ApplicationUnit, _ statements: [(index: Int, start: Int, control: TransactionControl.Kind?)])
        -> [[(index: Int, start: Int, control: TransactionControl.Kind?)]] {
        switch unit.delivery {
        case .oneQuery: return statements.isEmpty ? [] : [statements]
        case .statementByStatement:
            var queries: [[(index: Int, start: Int, control: TransactionControl.Kind?)]] = []
            var openBlock: Span?
            for statement in statements {
                let block = unit.oneQueryBlocks.first { $0.start <= statement.start && statement.start < $0.end }
                if let block, block == openBlock, !queries.isEmpty {
                    queries[queries.count - 1].append(statement)
                } else {
                    queries.append([statement])
                }
                openBlock = block
            }
            return queries
        }
    }
}

extension TransactionTimeline {
    /// The timeline of parsed statements under `application`. The runner sends only the file's
    /// own statements: one a DO block or called routine runs is in the block its caller is in
    /// (a routine's own transaction is the analysis' to follow), and a transaction that ends
    /// after the caller ends after the last statement it ran.
    public init(_ statements: [ParsedStatement], application: FileApplication) {
        let sent = statements.filter { $0.embedding == nil }
        let timeline = TransactionTimeline(statements: sent.map { statement in
            if case .transaction(let control) = statement.syntax { return (statement.index, statement.span.start, control.kind) }
            return (statement.index, statement.span.start, nil)
        }, application: application)
        var caller: [Int: Int] = [:]
        var lastRun: [Int: Int] = [:]
        var blocks = timeline.blocks
        for statement in statements.sorted(by: { $0.index < $1.index }) {
            guard let runBy = statement.embedding?.runBy else { continue }
            let root = caller[runBy] ?? runBy
            caller[statement.index] = root
            lastRun[root] = statement.index
            blocks[statement.index] = blocks[root]
        }
        self.blocks = blocks
        endsAfter = Set(timeline.endsAfter.map { lastRun[$0] ?? $0 })
        uncommittedBegin = timeline.uncommittedBegin
    }
}
