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

    /// The up migration a down file reverts, by the layout's naming: golang-migrate's and popx's
    /// `<version>_<name>.down.sql`, Diesel's `<migration>/down.sql`, Flyway's `U<version>__…`,
    /// sqitch's `revert/<change>.sql`.
    func upCounterpart(ofDown path: String) -> String? {
        let name = SeriesDirectory.name(of: path)
        let parent = SeriesDirectory.parent(of: path)
        switch layout {
        case .golangMigrate where path.hasSuffix(".down.sql"):
            return String(path.dropLast(".down.sql".count)) + ".up.sql"
        case .diesel where name == "down.sql":
            return SeriesDirectory.join(parent, "up.sql")
        case .flyway where name.hasPrefix("U"):
            let version = name.dropFirst().prefix { $0 != "_" }
            return upMembers.first { member in
                let upName = SeriesDirectory.name(of: member.path)
                return upName.hasPrefix("V") && upName.dropFirst().prefix { $0 != "_" } == version
            }?.path
        case .sqitch where SeriesDirectory.name(of: parent) == "revert":
            return SeriesDirectory.join(SeriesDirectory.join(SeriesDirectory.parent(of: parent), "deploy"), name)
        default:
            return nil
        }
    }
}
