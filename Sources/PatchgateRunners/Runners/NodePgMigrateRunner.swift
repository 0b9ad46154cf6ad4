import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// node-pg-migrate, `.sql` migrations: the part after `-- Up Migration` (up to `-- Down
/// Migration`) goes to `pgm.sql()` and is sent as one `db.query`; by default one BEGIN for every
/// pending migration of the run (`singleTransaction`), with `--no-single-transaction` one per
/// migration; SQL migrations have no opt-out (salsita/node-pg-migrate src/sqlMigration.ts
/// `createMigrationCommentRegex` `^\s*--[\s-]*up\s+migration` (case-insensitive, multiline);
/// src/runner.ts `db.query('BEGIN')`; src/migration.ts).
public struct NodePgMigrateRunner: MigrationRunner {
    public let id = "node-pg-migrate"
    public var keepsDownInFile: Bool { true }
    public let singleTransaction: Bool

    public init(singleTransaction: Bool = true) {
        self.singleTransaction = singleTransaction
    }

    public func sections(of source: SourceFile) -> FileSections? {
        let marker = { (direction: String) -> Range<Int>? in
            source.lineRanges.first { range in
                let words = source.lineText(range).lowercased().drop { $0 == " " || $0 == "\t" }
                guard words.hasPrefix("--") else { return false }
                let rest = words.drop { $0 == "-" || $0 == " " || $0 == "\t" }
                return rest.hasPrefix(direction) && rest.dropFirst(direction.count).first.map { $0 == " " || $0 == "\t" } == true
                    && rest.dropFirst(direction.count).drop { $0 == " " || $0 == "\t" }.hasPrefix("migration")
            }
        }
        let end = source.bytes.count
        let up = marker("up"), down = marker("down")
        var sections = FileSections()
        let upStart = up?.lowerBound ?? 0
        let upEnd = down.map { $0.lowerBound > upStart ? $0.lowerBound : end } ?? end
        sections.up = [Span(start: upStart, end: upEnd)]
        if let down { sections.down = [Span(start: down.lowerBound, end: down.lowerBound < upStart ? upStart : end)] }
        return sections
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        OneQueryApplication(runner: id, directive: nil)
            .application(of: parsed, sections: sections, direction: direction, optOut: nil, scope: singleTransaction ? .run : .unit,
                         defaultReason: singleTransaction ? "in the run's one transaction (singleTransaction, its default; SQL files cannot opt out)"
                                                          : "in one transaction per migration (--no-single-transaction; SQL files cannot opt out)")
    }
}
