import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// sqlx sends the file whole (`conn.execute(sql)`, no arguments: one `Query` message) inside
/// `self.begin()` unless the file starts with `-- no-transaction` at its first byte
/// (launchbadge/sqlx sqlx-core/src/migrate/source.rs `sql.starts_with("-- no-transaction")`;
/// sqlx-postgres/src/migrate.rs).
public struct SqlxRunner: MigrationRunner {
    public let id = "sqlx"
    public static let directive = "-- no-transaction"
    public init() {}

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let optOut = parsed.source.bytes.starts(with: Self.directive.utf8) ? "`-- no-transaction` at the start of the file" : nil
        var application = OneQueryApplication(runner: id, directive: "`-- no-transaction` as the file's first bytes")
            .application(of: parsed, sections: sections, direction: direction, optOut: optOut, defaultReason: "in one transaction (its default)")
        if optOut == nil, let late = parsed.lineComments(startingWith: Self.directive).first {
            application.notes.append(RunnerNote(.directiveWarning, span: late.span,
                                                message: "sqlx honours `-- no-transaction` only as the file's first bytes: here it is ignored",
                                                help: "move it to the very start of the file"))
        }
        return application
    }
}
