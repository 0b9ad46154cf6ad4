import PatchgateEffects

/// Flyway's `V<version>__<description>.sql`, `U<version>__…` (undo) and `R__…` (repeatable).
///
/// Order (Flyway's "Migrations" page, https://flywaydb.org/documentation/migrations): versioned
/// migrations "are applied in order"; "within a single migration run, repeatable migrations are
/// always applied last, after all pending versioned migrations", "in the order of their
/// description". Undo migrations revert a version. Version parts, separated by `.` or `_`, are
/// compared as numbers with missing parts as 0 — how Flyway compares them is not confirmed from
/// its own documentation here.
///
/// Transactions (https://documentation.red-gate.com/fd/migration-transaction-handling-273973399.html):
/// Flyway wraps the execution of each migration script in a single transaction. A script
/// configuration file `<script>.conf` with `executeInTransaction=false`
/// (https://documentation.red-gate.com/fd/flyway-execute-in-transaction-setting-277578997.html)
/// runs it without one; and Flyway runs a migration outside a transaction when it detects a
/// statement that cannot run in one, such as CREATE INDEX CONCURRENTLY (`FlywayRunner`).
enum FlywayLayout {
    enum Kind: Equatable {
        case versioned(VersionNumber), undo(VersionNumber), repeatable
    }

    static func series(in directory: SeriesDirectory) -> MigrationSeries? {
        let scripts = directory.topLevel(endingWith: ".sql")
        var kinds: [Kind] = []
        for script in scripts {
            guard let kind = kind(of: script) else { return nil }  // the first misfit settles it
            kinds.append(kind)
        }
        guard kinds.contains(where: { if case .versioned = $0 { true } else { false } }) else { return nil }
        let named = zip(scripts, kinds)
        func ordered(_ pick: (Kind) -> VersionNumber?) -> [String] {
            named.compactMap { name, kind in pick(kind).map { (name, $0) } }
                .sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.utf8.lexicographicallyPrecedes($1.0.utf8)) }
                .map(\.0)
        }
        let versioned = ordered { if case .versioned(let version) = $0 { version } else { nil } }
        let undo = ordered { if case .undo(let version) = $0 { version } else { nil } }
        let repeatable = named.filter { $0.1 == .repeatable }.map(\.0)
        let member = { (name: String, direction: SeriesMember.Direction) in
            SeriesMember(path: directory.path(name), direction: direction, runnerConfiguration: directory.contents(name + ".conf"))
        }
        return MigrationSeries(layout: .flyway, root: directory.root,
                               members: (versioned + repeatable).map { member($0, .up) } + undo.map { member($0, .down) })
    }

    static func kind(of name: String) -> Kind? {
        guard name.hasSuffix(".sql"), let separator = name.firstRange(of: "__"),
              separator.upperBound < name.index(name.endIndex, offsetBy: -4) else { return nil }
        let prefix = name[..<separator.lowerBound]
        if prefix == "R" { return .repeatable }
        guard let first = prefix.first, first == "V" || first == "U",
              let version = VersionNumber(prefix.dropFirst()) else { return nil }
        return first == "V" ? .versioned(version) : .undo(version)
    }

}
