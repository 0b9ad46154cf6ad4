import Foundation
import PatchgateEffects
import PatchgateRules

/// The runner of each file of a series: the one `--runner` or `runner:` chose, else the one the
/// layout implies; where several fit, the first with the others named (`ambiguous-runner`, on
/// the series' first migration only).
public struct RunnerDetection {
    let series: MigrationSeries
    let chosen: RunnerSettings?
    // What the series as a whole says, read once for all its files.
    private let popxMarks: Set<String>
    private let runnerConfigurations: [String: String]
    private let holdsAtlasSum: Bool
    private let isGraphileCommitted: Bool

    public init(series: MigrationSeries, chosen: RunnerSettings?) {
        self.series = series
        self.chosen = chosen
        let isDetected = chosen == nil
        popxMarks = isDetected && series.layout == .golangMigrate
            ? Set(series.members.flatMap { Self.popxMarks(SeriesDirectory.name(of: $0.path)) }) : []
        runnerConfigurations = Dictionary(series.members.compactMap { member in member.runnerConfiguration.map { (member.path, $0) } },
                                          uniquingKeysWith: { first, _ in first })
        // Atlas keeps `atlas.sum` beside its migrations; graphile-migrate `committed/` below
        // the directory holding `.gmrc` (https://atlasgo.io/concepts/migration-directory-integrity,
        // https://github.com/graphile/migrate#usage).
        let isPlain = isDetected && series.layout == .plain
        holdsAtlasSum = isPlain && FileManager.default.fileExists(atPath: SeriesDirectory.join(series.root, "atlas.sum"))
        isGraphileCommitted = isPlain && SeriesDirectory.name(of: series.root) == "committed"
            && FileManager.default.fileExists(atPath: SeriesDirectory.join(SeriesDirectory.parent(of: SeriesDirectory.parent(of: series.root)), ".gmrc"))
    }

    public func runner(for path: String, isFirst: Bool) -> (any MigrationRunner)? {
        if let chosen { return DetectedRunner(chosen.runner(forFile: path)) }
        switch series.layout {
        case .plain:
            if holdsAtlasSum { return DetectedRunner(AtlasRunner()) }
            if isGraphileCommitted { return DetectedRunner(GraphileMigrateRunner()) }
            return DirectiveDetectedRunner()
        case .flyway:
            // refinery names its migrations V<version>__<name>.sql too.
            return DetectedRunner(FlywayScriptConfig.runner(forScript: path, configuration: runnerConfigurations[path], mixed: false),
                                  otherCandidates: isFirst ? [.refinery] : [], evidence: "V<version>__<name>.sql file names")
        case .golangMigrate:
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
