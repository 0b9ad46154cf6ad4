import PatchgateEffects

/// golang-migrate's `<version>_<title>.up.sql` and `.down.sql`: versions are numbers (often
/// timestamps) and run in numeric order.
///
/// Transactions (database/postgres/README.md, "Multi-statement mode",
/// https://github.com/golang-migrate/migrate/tree/master/database/postgres): migrate sends a
/// file in one `Exec`, and "in PostgreSQL running multiple SQL statements in one `Exec` executes
/// them inside a transaction" — one implicit transaction per file, so per-file. (With
/// `x-multi-statement=true` statements run one by one; with `x-use-transaction=true` each file
/// runs in an explicit transaction. Neither changes per-file for a file that needs no
/// exception.)
///
/// The same naming is used by ory's popx (Kratos, Hydra), where a file named
/// `<version>_<name>[.postgres].autocommit.up.sql` is applied outside a transaction: "migrations
/// that can't run inside a transaction get an `.autocommit.` filename, and popx applies them
/// outside one" (ory/hydra#3523, https://github.com/ory/hydra/issues/3523). Such a file is
/// checked with transaction mode none. Not modelled: popx's choice between a dialect-specific
/// file (`.postgres.`) and a neutral one of the same version — both are checked.
enum GolangMigrateLayout {
    static func series(in directory: SeriesDirectory) -> MigrationSeries? {
        let scripts = directory.topLevel(endingWith: ".sql")
        var parsed: [(name: String, version: VersionNumber, isUp: Bool)] = []
        for name in scripts {
            guard let (version, isUp) = version(of: name) else { return nil }  // the first misfit settles it
            parsed.append((name, version, isUp))
        }
        guard !scripts.isEmpty else { return nil }
        let files = parsed.sorted {
            $0.version < $1.version || ($0.version == $1.version && $0.name.utf8.lexicographicallyPrecedes($1.name.utf8))
        }
        guard files.contains(where: \.isUp) else { return nil }
        let member = { (name: String, direction: SeriesMember.Direction) in SeriesMember(path: directory.path(name), direction: direction) }
        let ups = files.filter(\.isUp).map { member($0.name, .up) }
        let downs = files.filter { !$0.isUp }.map { member($0.name, .down) }
        return MigrationSeries(layout: .golangMigrate, root: directory.root, members: ups + downs)
    }

    /// The version of `<digits>_<title>.up.sql` / `.down.sql`, and whether it is the up file.
    static func version(of name: String) -> (VersionNumber, Bool)? {
        let isUp = name.hasSuffix(".up.sql")
        guard isUp || name.hasSuffix(".down.sql"), let underscore = name.firstIndex(of: "_"),
              let version = VersionNumber(name[..<underscore]) else { return nil }
        return (version, isUp)
    }
}
