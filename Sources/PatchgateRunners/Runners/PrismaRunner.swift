import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// Prisma Migrate sends `migration.sql` with no BEGIN: as one `simple_query` before
/// prisma-engines #5767, statement by statement after it (`splitsStatements`; the split falls
/// back to one query when its parser fails, which is not modelled)
/// (prisma-engines schema-engine/.../postgres/connector/native/mod.rs `client.simple_query(script)`;
/// https://github.com/prisma/prisma-engines/pull/5767).
public struct PrismaRunner: MigrationRunner {
    public let id = "prisma"
    public let splitsStatements: Bool

    public init(splitsStatements: Bool = false) {
        self.splitsStatements = splitsStatements
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let units = parsed.units(sections: sections, direction: direction) { span in
            splitsStatements
                ? ApplicationUnit(span: span, wrapping: .none, delivery: .statementByStatement,
                                  reason: "prisma (splitsStatements, prisma-engines #5767): statement by statement, no transaction")
                : ApplicationUnit(span: span, wrapping: .none, delivery: .oneQuery,
                                  reason: "prisma: the file as one query, no BEGIN (before prisma-engines #5767)")
        }
        return FileApplication(runner: id, units: units,
                               noTransactionDirective: "a migration.sql of its own holding only that statement (Prisma has no directive)")
    }
}
