import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// Sqitch (pg engine) runs `psql --file deploy/x.sql` without `--single-transaction`: the
/// script's own BEGIN/COMMIT (its deploy template writes them) make the transaction
/// (sqitchers/sqitch lib/App/Sqitch/Engine/pg.pm `run_file`; etc/templates/deploy/pg.tmpl).
public struct SqitchRunner: MigrationRunner {
    public let id = "sqitch"
    public init() {}

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let units = parsed.units(sections: sections, direction: direction) { span in
            ApplicationUnit(span: span, wrapping: .none, delivery: .statementByStatement,
                            reason: "sqitch runs psql --file: statement by statement, in the script's own BEGIN/COMMIT")
        }
        return FileApplication(runner: id, units: units, noTransactionDirective: "leaving BEGIN/COMMIT out of the script")
    }
}
