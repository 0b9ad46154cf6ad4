import PatchgateEffects

/// The tools whose migration directories patchgate recognises: each decides which files form
/// the series, the order its runner replays them in, and how it applies each file.
public enum SeriesLayout: String, Sendable, CaseIterable {
    case plain
    case flyway
    case golangMigrate = "golang-migrate"
    case diesel
    case prisma
    case sqitch
    case launchpad
}

/// One file of a series, as its runner sees it.
struct SeriesMember: Sendable, Equatable {
    enum Direction: Sendable, Equatable {
        case up
        /// Reverts an up migration: never part of the replayed series.
        case down
    }

    /// The file's path as the command line names it (the series root joined with its name).
    let path: String
    let direction: Direction
    /// The text of the file the runner reads beside this one (Flyway's `<script>.conf`), read
    /// with the layout so that one the run cannot read is reported with the series.
    var runnerConfiguration: String?

    init(path: String, direction: Direction = .up, runnerConfiguration: String? = nil) {
        self.path = path
        self.direction = direction
        self.runnerConfiguration = runnerConfiguration
    }
}

/// The files below one root that a runner applies, in its replay order.
public struct MigrationSeries: Sendable {
    let layout: SeriesLayout
    /// The directory the layout is rooted at; "" for the current directory.
    let root: String
    /// Up migrations in replay order, then down migrations in the order of their versions.
    let members: [SeriesMember]

    var upMembers: [SeriesMember] { members.filter { $0.direction == .up } }

    /// Each member's place in `members`, by path: looked up once per requested file, which a
    /// search of the list made quadratic in the series' length.
    func memberPlaces() -> [String: Int] {
        Dictionary(members.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
