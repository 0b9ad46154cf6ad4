import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// Launchpad's `database/schema/upgrade.py`: a psycopg2 connection with autocommit off, every
/// pending patch read whole and sent with one `cur.execute(sql)`, one commit after all of them
/// (lgp171188/launchpad database/schema/upgrade.py `apply_other`, `main()`). It applies hot and
/// cold patches alike (a development database gets every patch from it), so a statement that
/// cannot run in a transaction fails there whatever the patch's class. How a hot patch is
/// applied in production, live and by hand, is `--profile launchpad`'s concern (`Checker`).
public struct LaunchpadRunner: MigrationRunner {
    public let id = "launchpad"
    public init() {}

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let units = parsed.units(sections: sections, direction: direction) { span in
            ApplicationUnit(span: span, wrapping: .runnerTransaction, scope: .run, delivery: .oneQuery,
                            reason: "launchpad: upgrade.py sends the patch as one query in the run's one transaction")
        }
        return FileApplication(runner: id, units: units)
    }
}
