import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// Launchpad's `database/schema/upgrade.py`: a psycopg2 connection with autocommit off, every
/// pending patch read whole and sent with one `cur.execute(sql)`, one commit after all of them
/// (lgp171188/launchpad database/schema/upgrade.py `apply_other`, `main()`); that is how a cold
/// patch runs. A hot patch is applied live by hand, statement by statement
/// (https://dev.launchpad.net/PolicyAndProcess/DatabaseSchemaChangesProcess). The profile's
/// rules decide which class a patch is (`LaunchpadPatch`).
public struct LaunchpadRunner: MigrationRunner {
    public let id = "launchpad"
    public init() {}

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let patch = LaunchpadPatch(path: parsed.source.path, statements: parsed.statements)
        let units = parsed.units(sections: sections, direction: direction) { span in
            patch.applyClass == .cold
                ? ApplicationUnit(span: span, wrapping: .runnerTransaction, scope: .run, delivery: .oneQuery,
                                  reason: "launchpad, cold: upgrade.py sends the patch as one query in the run's one transaction")
                : ApplicationUnit(span: span, wrapping: .none, delivery: .statementByStatement,
                                  reason: "launchpad, hot: applied live by hand, statement by statement")
        }
        return FileApplication(runner: id, units: units)
    }
}
