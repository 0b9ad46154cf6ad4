import Testing
import PatchgateEffects
import PatchgateSource
import PatchgateSyntax

/// PostgreSQL's transaction state for each delivery, statement by statement (runner-transactions.md
/// §2, verified on PostgreSQL 15.18; "Multiple Statements in a Simple Query",
/// https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT).
/// Statements are `S` (any), `B` (BEGIN), `C` (COMMIT), `R` (ROLLBACK); blocks are `-` (none),
/// `R` (the runner's), `E` (the file's BEGIN), `I` (implicit).
struct TransactionTimelineTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let statements: String
        let wrapping: ApplicationUnit.Wrapping
        let delivery: ApplicationUnit.Delivery
        var reopensAfterCommit = false
        let blocks: String
        var uncommitted: Int?
        let why: String
        var testDescription: String { "\(statements) \(wrapping.rawValue) \(delivery.rawValue): \(why)" }
    }

    static let rows: [Row] = [
        Row(statements: "S", wrapping: .none, delivery: .oneQuery, blocks: "-", why: "a one-statement query is in no block (case a)"),
        Row(statements: "SS", wrapping: .none, delivery: .oneQuery, blocks: "II", why: "several statements: implicit block (case b)"),
        Row(statements: "BSCS", wrapping: .none, delivery: .oneQuery, blocks: "IEEI",
            why: "BEGIN turns the implicit block explicit; a new implicit one after COMMIT (case e)"),
        Row(statements: "CS", wrapping: .none, delivery: .oneQuery, blocks: "II", why: "COMMIT first: the rest still in an implicit block (case e3)"),
        Row(statements: "SS", wrapping: .none, delivery: .statementByStatement, blocks: "--", why: "autocommit, statement by statement (psql -f)"),
        Row(statements: "BSCS", wrapping: .none, delivery: .statementByStatement, blocks: "-EE-", why: "psql -f file BEGIN; …; COMMIT; CIC"),
        Row(statements: "BS", wrapping: .none, delivery: .statementByStatement, blocks: "-E", uncommitted: 0, why: "a BEGIN nothing commits"),
        Row(statements: "BS", wrapping: .runnerTransaction, delivery: .statementByStatement, blocks: "RR", why: "the runner's COMMIT commits it"),
        Row(statements: "SCS", wrapping: .runnerTransaction, delivery: .statementByStatement, blocks: "RR-",
            why: "the file's COMMIT ends the runner's transaction; the driver sends no BEGIN"),
        Row(statements: "SCS", wrapping: .runnerTransaction, delivery: .statementByStatement, reopensAfterCommit: true, blocks: "RRR",
            why: "JDBC with autocommit off opens a new transaction"),
        Row(statements: "SRS", wrapping: .runnerTransaction, delivery: .oneQuery, blocks: "RRI",
            why: "after ROLLBACK inside one query, the rest runs in an implicit block"),
    ]

    static func timeline(_ row: Row) -> TransactionTimeline {
        let kinds: [Character: TransactionControl.Kind?] = ["S": nil, "B": .begin, "C": .commit, "R": .rollback]
        let statements = row.statements.enumerated().map { index, letter in (index: index, start: index * 10, control: kinds[letter] ?? nil) }
        var unit = ApplicationUnit(span: Span(start: 0, end: 10 * statements.count), wrapping: row.wrapping, delivery: row.delivery, reason: "test")
        unit.direction = .up
        let application = FileApplication(runner: "test", units: [unit], reopensAfterCommit: row.reopensAfterCommit)
        return TransactionTimeline(statements: statements, application: application)
    }

    @Test(arguments: rows)
    func blocksFollowPostgreSQL(_ row: Row) {
        let timeline = Self.timeline(row)
        let blocks = String(row.statements.indices.map { offset -> Character in
            switch timeline.blocks[row.statements.distance(from: row.statements.startIndex, to: offset)] {
            case nil: "-"
            case .runner?: "R"
            case .explicit?: "E"
            case .implicit?: "I"
            case .routine?: "D"
            }
        })
        #expect(blocks == row.blocks)
        #expect(timeline.uncommittedBegin == row.uncommitted)
    }
}
