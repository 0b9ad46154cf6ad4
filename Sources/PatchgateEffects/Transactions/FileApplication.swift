import PatchgateSource

/// How one file is applied: the runner, the units it sends, and what its driver does after the
/// file's own COMMIT. Decided once, before the statements are analysed.
public struct FileApplication: Equatable, Sendable {
    /// The runner's id (`goose`, `flyway`, …); nil when none was detected or chosen.
    public var runner: String?
    /// In file order; every statement belongs to the unit its first byte falls in.
    public var units: [ApplicationUnit]
    /// JDBC with autocommit off opens a new transaction after the file's own COMMIT ended the
    /// runner's (Flyway, Liquibase); other drivers then run the rest in autocommit.
    public var reopensAfterCommit = false
    /// The file's own directive that takes it out of the runner's transaction, for help texts
    /// (`-- +goose NO TRANSACTION`); nil when the runner has none.
    public var noTransactionDirective: String?
    /// Directives and layout facts the reports mention: ambiguous runners, other runners'
    /// directives, malformed ones.
    public var notes: [RunnerNote] = []

    public init(runner: String?, units: [ApplicationUnit], reopensAfterCommit: Bool = false,
                noTransactionDirective: String? = nil, notes: [RunnerNote] = []) {
        self.runner = runner
        self.units = units
        self.reopensAfterCommit = reopensAfterCommit
        self.noTransactionDirective = noTransactionDirective
        self.notes = notes
    }

    /// No runner: `--transaction` (or `-- patchgate: no-transaction`) decides, for the whole file.
    public static func plain(_ mode: TransactionMode, span: Span, reason: String) -> FileApplication {
        let unit = ApplicationUnit(span: span, wrapping: mode == .perFile ? .runnerTransaction : .none,
                                   delivery: .statementByStatement, reason: reason)
        return FileApplication(runner: nil, units: [unit], noTransactionDirective: "-- patchgate: no-transaction")
    }
}

/// Something about how the runner reads the file that a report says, located in the file.
public struct RunnerNote: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// Several runners fit the layout: the candidates and `--runner`.
        case ambiguousRunner
        /// A directive of a runner other than the file's: not obeyed.
        case foreignDirective
        /// A directive of the file's runner that the runner rejects or reads otherwise than it
        /// looks (goose Down without Up, `-- patchgate: no-transaction` under a runner).
        case directiveWarning
        /// A directive or runner file the runner cannot read: the migration fails.
        case malformedDirective
    }

    public let kind: Kind
    public let span: Span
    public let message: String
    public let help: String

    public init(_ kind: Kind, span: Span, message: String, help: String) {
        self.kind = kind
        self.span = span
        self.message = message
        self.help = help
    }
}
