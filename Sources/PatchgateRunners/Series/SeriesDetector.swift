import Foundation
import PatchgateRules

/// Finds the series a file belongs to: where its layout is rooted, and which layout that
/// directory follows.
enum SeriesDetector {
    /// The directory a file's series is rooted at: the migrations directory above Diesel's and
    /// Prisma's per-migration directories and above sqitch's deploy/revert/verify, otherwise the
    /// file's own directory.
    static func root(of path: String, profile: Profile) -> String {
        let parent = SeriesDirectory.parent(of: path)
        guard profile == .generic, !parent.isEmpty, parent != "/" else { return parent }
        let name = SeriesDirectory.name(of: path)
        let parentName = SeriesDirectory.name(of: parent)
        let grandparent = SeriesDirectory.parent(of: parent)
        let isMigrationDirectory = ["up.sql", "down.sql", "migration.sql"].contains(name)
            && MigrationDirectoryName.isVersioned(Substring(parentName))
        let isSqitchScript = ["deploy", "revert", "verify"].contains(parentName)
            && FileManager.default.fileExists(atPath: SeriesDirectory.join(grandparent, SqitchLayout.planFile))
        return isMigrationDirectory || isSqitchScript ? grandparent : parent
    }

    /// The layout the directory follows, tried from the most specific marker (a sqitch plan,
    /// per-migration directories) to file names, and plain path order when nothing matches.
    static func series(in directory: SeriesDirectory, profile: Profile) -> MigrationSeries {
        switch profile {
        case .launchpad: return LaunchpadLayout.series(in: directory)
        case .generic:
            return SqitchLayout.series(in: directory) ?? DieselLayout.series(in: directory)
                ?? PrismaLayout.series(in: directory) ?? FlywayLayout.series(in: directory)
                ?? GolangMigrateLayout.series(in: directory) ?? LaunchpadLayout.detected(in: directory)
                ?? PlainLayout.series(in: directory)
        }
    }
}
