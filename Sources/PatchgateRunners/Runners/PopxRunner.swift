import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// ory popx (Kratos, Hydra, Keto): the file whole with one `Exec` (pop over pgx stdlib: simple
/// protocol), in a transaction on PostgreSQL unless the file name holds `.autocommit.`
/// (ory/x popx/match.go `(\.autocommit)?\.(up|down)\.(sql)$`; popx/migration_box.go `q.Exec(content)`;
/// ory/hydra#3523: "Keep it to one statement per file").
public struct PopxRunner: MigrationRunner {
    public let id = "popx"
    public let isAutocommit: Bool

    public init(isAutocommit: Bool) {
        self.isAutocommit = isAutocommit
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        OneQueryApplication(runner: id, directive: "an `.autocommit.` file name, e.g. 20240101000000_x.autocommit.up.sql")
            .application(of: parsed, sections: sections, direction: direction,
                         optOut: isAutocommit ? "`.autocommit.` in its file name" : nil, defaultReason: "in one transaction (its default)")
    }
}
