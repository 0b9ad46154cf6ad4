import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// `psql -f file` sends each statement on its own in autocommit; `--single-transaction` (`-1`)
/// wraps the file in BEGIN … COMMIT (https://www.postgresql.org/docs/15/app-psql.html,
/// "--single-transaction": "psql to issue a BEGIN command before the first such option and a
/// COMMIT command after the last one").
public struct PsqlRunner: MigrationRunner {
    public let singleTransaction: Bool
    public var id: String { singleTransaction ? "psql-single-transaction" : "psql" }

    public init(singleTransaction: Bool = false) {
        self.singleTransaction = singleTransaction
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let units = parsed.units(sections: sections, direction: direction) { span in
            singleTransaction
                ? ApplicationUnit(span: span, wrapping: .runnerTransaction, delivery: .statementByStatement,
                                  reason: "psql --single-transaction: BEGIN before the file, COMMIT after it")
                : ApplicationUnit(span: span, wrapping: .none, delivery: .statementByStatement,
                                  reason: "psql -f: statement by statement in autocommit, the file's own BEGIN/COMMIT aside")
        }
        return FileApplication(runner: id, units: units, noTransactionDirective: singleTransaction ? "running psql without --single-transaction" : nil)
    }
}
