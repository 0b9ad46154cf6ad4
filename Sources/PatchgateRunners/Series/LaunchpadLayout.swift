import PatchgateRules

/// Launchpad's `database/schema/patch-MAJOR-MINOR-N.sql`. `upgrade.py` takes the glob
/// `patch-????-??-?.sql` and applies the patches not yet in `LaunchpadDatabaseRevision` in the
/// order of their three numbers (Launchpad, `database/schema/upgrade.py`,
/// https://git.launchpad.net/launchpad/tree/database/schema/upgrade.py). Every other file in the
/// directory is outside the series: checked, flagged by `launchpad-file-name`, never replayed.
///
/// Transactions: `full-update.py` runs `upgrade.py` and the permissions script in one
/// transaction, so a patch never commits half-way: per-file.
enum LaunchpadLayout {
    static func series(in directory: SeriesDirectory) -> MigrationSeries {
        let patches = directory.topLevel(endingWith: ".sql")
            .compactMap { name in LaunchpadRevision(fileName: name).map { (name, $0) } }
            .sorted { $0.1 < $1.1 }
        return MigrationSeries(layout: .launchpad, root: directory.root, members: patches.map { SeriesMember(path: directory.path($0.0)) })
    }

    /// Without `--profile launchpad`: a directory whose `.sql` files are all patches by name.
    static func detected(in directory: SeriesDirectory) -> MigrationSeries? {
        let names = directory.topLevel(endingWith: ".sql")
        guard !names.isEmpty, names.allSatisfy({ LaunchpadRevision(fileName: $0) != nil }) else { return nil }
        return series(in: directory)
    }
}
