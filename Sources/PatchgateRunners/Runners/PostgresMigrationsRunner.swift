import Foundation
import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// postgres-migrations (npm): `START TRANSACTION`, the file as one `client.query`, `COMMIT`;
/// a file containing `-- postgres-migrations disable-transaction` anywhere runs the same query
/// without the transaction (ThomWright/postgres-migrations src/run-migration.ts, `includes`).
public struct PostgresMigrationsRunner: MigrationRunner {
    public let id = "postgres-migrations"
    public static let directive = "-- postgres-migrations disable-transaction"
    public init() {}

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let text = parsed.source.text(parsed.wholeFile)
        let optOut = text.range(of: Self.directive).map { "`\(Self.directive)` on line \(parsed.line(of: text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound)))" }
        return OneQueryApplication(runner: id, directive: "`\(Self.directive)`")
            .application(of: parsed, sections: sections, direction: direction, optOut: optOut, defaultReason: "in one transaction (its default)")
    }
}
