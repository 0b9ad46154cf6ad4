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
            return DetectedRunner(FlywayScriptConfig.runner(forScript: path, mixed: false),
                                  otherCandidates: isFirst ? [.refinery] : [], evidence: "V<version>__<name>.sql file names")
        case .golangMigrate:
            if names.contains(where: isPopxName) {
                return DetectedRunner(PopxRunner(isAutocommit: SeriesDirectory.name(of: path).contains(".autocommit.")))
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
    static func isPopxName(_ name: String) -> Bool {
        let parts = name.split(separator: ".")
        guard parts.count >= 4 else { return false }
        return parts.dropFirst().dropLast(2).contains { ["autocommit", "postgres", "cockroach", "mysql", "sqlite3"].contains($0) }
    }
}
