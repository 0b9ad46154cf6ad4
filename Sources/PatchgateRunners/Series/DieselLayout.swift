import PatchgateEffects

/// Diesel's `<version>_<name>/up.sql` and `down.sql`, one directory per migration, run in the
/// order of their versions (timestamps of one width, so name order).
///
/// Transactions (https://docs.rs/crate/diesel_migrations/latest, "Transactions"; and
/// `MigrationMetadata::run_in_transaction`, https://docs.diesel.rs/2.2.x/diesel/migration/trait.MigrationMetadata.html):
/// "By default each migration is executed in a own transaction"; `run_in_transaction = false`
/// in the directory's `metadata.toml` runs it without one.
enum DieselLayout {
    static func series(in directory: SeriesDirectory) -> MigrationSeries? {
        let migrations = directory.nestedFiles.compactMap { file -> String? in
            let parts = file.split(separator: "/")
            guard parts.count == 2, parts[1] == "up.sql", MigrationDirectoryName.isVersioned(parts[0]) else { return nil }
            return String(parts[0])
        }
        guard !migrations.isEmpty else { return nil }
        let ups = migrations.map { SeriesMember(path: directory.path($0 + "/up.sql")) }
        let downs = migrations.filter { directory.contains($0 + "/down.sql") }
            .map { SeriesMember(path: directory.path($0 + "/down.sql"), direction: .down) }
        return MigrationSeries(layout: .diesel, root: directory.root, members: ups + downs)
    }

}

/// A migration directory named `<version>_<name>` with a version starting with a digit, as
/// Diesel (`2019-02-26-002946_create_user`) and Prisma (`20210101120000_init`) name them.
enum MigrationDirectoryName {
    static func isVersioned(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCIIDigit, name.contains("_") else { return false }
        return true
    }
}
