import Foundation
import PatchgateEffects
import PatchgateRules

/// The runner of each file of a series: the one `--runner` or `runner:` chose, else the one the
/// layout implies; where several fit, the first with the others named (`ambiguous-runner`, on
/// the series' first migration only).
public enum RunnerDetection {
    public static func runner(for path: String, in series: MigrationSeries, chosen: RunnerSettings?, isFirst: Bool)
        -> (any MigrationRunner)? {
        if let chosen { return DetectedRunner(chosen.runner(forFile: path)) }
        let names = series.members.map { SeriesDirectory.name(of: $0.path) }
        switch series.layout {
        case .plain:
            // Atlas keeps `atlas.sum` beside its migrations; graphile-migrate `committed/` below
            // the directory holding `.gmrc` (https://atlasgo.io/concepts/migration-directory-integrity,
            // https://github.com/graphile/migrate#usage).
            if FileManager.default.fileExists(atPath: SeriesDirectory.join(series.root, "atlas.sum")) {
                return DetectedRunner(AtlasRunner())
            }
            let parent = SeriesDirectory.parent(of: series.root)
            if SeriesDirectory.name(of: series.root) == "committed",
               FileManager.default.fileExists(atPath: SeriesDirectory.join(SeriesDirectory.parent(of: parent), ".gmrc")) {
                return DetectedRunner(GraphileMigrateRunner())
            }
            return DirectiveDetectedRunner()
        case .flyway:
            // refinery names its migrations V<version>__<name>.sql too.
            let configuration = series.members.first { $0.path == path }?.runnerConfiguration
            return DetectedRunner(FlywayScriptConfig.runner(forScript: path, configuration: configuration, mixed: false),
                                  otherCandidates: isFirst ? [.refinery] : [], evidence: "V<version>__<name>.sql file names")
        case .golangMigrate:
            let popxMarks = Set(names.flatMap(popxMarks))
            if !popxMarks.isEmpty {
                let popx = PopxRunner(isAutocommit: SeriesDirectory.name(of: path).contains(".autocommit."))
                // Only `.postgres.` names: golang-migrate reads them as well (the dialect is part of the name there).
                let isAmbiguous = popxMarks == ["postgres"]
                return DetectedRunner(popx, otherCandidates: isFirst && isAmbiguous ? [.golangMigrate] : [],
                                      evidence: "<version>_<name>.postgres.up.sql file names")
            }
            return DetectedRunner(GolangMigrateRunner(), otherCandidates: isFirst ? [.popx, .sqlx] : [],
                                  evidence: "<version>_<name>.up.sql file names")
        case .diesel: return DetectedRunner(DieselMetadata.runner(forMigration: path))
        case .prisma: return DetectedRunner(PrismaRunner())
        case .sqitch: return DetectedRunner(SqitchRunner())
        case .launchpad: return DetectedRunner(LaunchpadRunner())
        }
    }

    /// ory popx's names: `.autocommit.` or a dialect before `.up.sql`/`.down.sql`
    /// (ory/x popx/match.go `^(\d+)_([^.]+)(\.[a-z0-9]+)?(\.autocommit)?\.(up|down)\.(sql)$`).
    /// A dialect of another database or `.autocommit.` makes a series popx's alone.
    static func popxMarks(_ name: String) -> [String] {
        let parts = name.split(separator: ".")
        guard parts.count >= 4 else { return [] }
        return parts.dropFirst().dropLast(2).map(String.init).filter { ["autocommit", "postgres", "cockroach", "mysql", "sqlite3"].contains($0) }
    }
}
