import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// Flyway splits a script into statements and runs each through JDBC: in one transaction,
/// unless a statement is one its parser marks non-transactional — then the whole script runs
/// in autocommit, and with `mixed` off a script holding both kinds fails validation. A script
/// configuration `<script>.conf` with `executeInTransaction` overrides both
/// (flyway-database-postgresql PostgreSQLParser.java `detectCanExecuteInTransaction`;
/// flyway-core ParserSqlScript.java `parse()` "Detected both transactional and non-transactional
/// statements within the same migration (even though mixed is false)", `executeInTransaction()`;
/// https://documentation.red-gate.com/fd/flyway-execute-in-transaction-setting-277578997.html).
public struct FlywayRunner: MigrationRunner {
    public let id = "flyway"
    public var mixed: Bool
    /// `executeInTransaction` from the script's `.conf`, with the line it is on.
    public var executeInTransaction: (value: Bool, line: Int)?
    /// A `.conf` line Flyway cannot read.
    public var configProblem: String?

    public init(mixed: Bool = false, executeInTransaction: (value: Bool, line: Int)? = nil, configProblem: String? = nil) {
        self.mixed = mixed
        self.executeInTransaction = executeInTransaction
        self.configProblem = configProblem
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        var notes: [RunnerNote] = []
        let nonTransactional = parsed.statements.filter { Self.isNonTransactional(parsed.source.text($0.span)) }
        var inTransaction: Bool
        var reason: String
        if let executeInTransaction {
            inTransaction = executeInTransaction.value
            reason = "executeInTransaction=\(executeInTransaction.value) in the script's .conf, line \(executeInTransaction.line)"
        } else if let first = nonTransactional.first {
            inTransaction = false
            reason = "its parser marks the statement on line \(parsed.line(of: first.span.start)) non-transactional"
            if !mixed, let transactional = parsed.statements.first(where: { !Self.isNonTransactional(parsed.source.text($0.span)) }) {
                notes.append(RunnerNote(.malformedDirective, span: transactional.span,
                                        message: "Flyway rejects a migration with both transactional and non-transactional statements (line \(parsed.line(of: first.span.start)) is non-transactional) unless mixed is true",
                                        help: "move the non-transactional statement into a migration of its own, or set executeInTransaction=false in \(parsed.source.path.split(separator: "/").last.map(String.init) ?? "the script").conf"))
            }
        } else {
            inTransaction = true
            reason = "one transaction per migration (its default)"
        }
        if let configProblem {
            notes.append(RunnerNote(.malformedDirective, span: Span(start: 0, end: 0), message: configProblem,
                                    help: "Flyway cannot read the script configuration; fix the .conf file"))
        }
        let units = parsed.units(sections: sections, direction: direction) { span in
            ApplicationUnit(span: span, wrapping: inTransaction ? .runnerTransaction : .none, delivery: .statementByStatement,
                            reason: "flyway, statement by statement\(inTransaction ? " in one transaction" : " in autocommit"): \(reason)")
        }
        return FileApplication(runner: id, units: units, reopensAfterCommit: true,
                               noTransactionDirective: "`executeInTransaction=false` in the script's `.conf` file", notes: notes)
    }

    /// Flyway matches the statement's words, upper-cased, against these prefixes (its
    /// "simplified statement"); `REINDEX INDEX|TABLE … CONCURRENTLY` is not among them.
    static func isNonTransactional(_ statement: String) -> Bool {
        let words = statement.uppercased().split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "," })
        func starts(_ prefix: String...) -> Bool { words.starts(with: prefix.map { Substring($0) }) }
        for verb in ["CREATE", "DROP"] {
            if starts(verb, "INDEX", "CONCURRENTLY") || starts(verb, "UNIQUE", "INDEX", "CONCURRENTLY") { return true }
            for object in ["DATABASE", "TABLESPACE", "SUBSCRIPTION"] where starts(verb, object) { return true }
        }
        for scope in ["SCHEMA", "DATABASE", "SYSTEM"] where starts("REINDEX", scope) || starts("REINDEX", "VERBOSE", scope) { return true }
        return starts("VACUUM") || starts("ALTER", "SYSTEM") || starts("DISCARD", "ALL")
    }
}
