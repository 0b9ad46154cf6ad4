import PatchgateSource

/// What a migration runner sends to PostgreSQL at once: a whole file, or a section of one
/// (goose's and dbmate's up and down sections, a Liquibase changeset).
public struct ApplicationUnit: Equatable, Sendable {
    /// Whether the runner opens a transaction of its own around the unit.
    public enum Wrapping: String, Sendable, CaseIterable {
        /// The runner (or its driver, with autocommit off) sends BEGIN before the unit.
        case runnerTransaction = "runner-transaction"
        case none
    }

    /// Where the runner's transaction ends.
    public enum Scope: String, Sendable, CaseIterable {
        /// The runner commits at the end of the unit.
        case unit
        /// One transaction for the whole run (node-pg-migrate's default, Atlas `--tx-mode all`,
        /// refinery grouped, Launchpad's upgrade.py): committed after the last migration.
        case run
    }

    /// How the unit's statements reach the server.
    public enum Delivery: String, Sendable, CaseIterable {
        /// The unit's text in one simple-query message: PostgreSQL runs a message of several
        /// statements in an implicit transaction block.
        case oneQuery = "one-query"
        /// One message per statement (psql -f, JDBC after splitting, goose, Atlas).
        case statementByStatement = "statement-by-statement"
    }

    public enum Direction: String, Sendable, CaseIterable {
        case up, down
    }

    /// The unit's bytes in the file.
    public var span: Span
    public var direction: Direction
    public var wrapping: Wrapping
    public var scope: Scope
    public var delivery: Delivery
    /// With statement-by-statement delivery, ranges the runner still sends as one query
    /// (goose's `StatementBegin`/`StatementEnd` blocks).
    public var oneQueryBlocks: [Span] = []
    /// Why the runner applies the unit this way, for the reports ("NO TRANSACTION on line 2").
    public var reason: String

    public init(span: Span, direction: Direction = .up, wrapping: Wrapping, scope: Scope = .unit,
                delivery: Delivery, reason: String) {
        self.span = span
        self.direction = direction
        self.wrapping = wrapping
        self.scope = scope
        self.delivery = delivery
        self.reason = reason
    }
}
