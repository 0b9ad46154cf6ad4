import Foundation
import PatchgateEffects
import PatchgateRules

/// The runners patchgate knows, by the id `--runner`, `runner:` and the reports use.
public enum RunnerID: String, Sendable, CaseIterable {
    case psql
    case psqlSingleTransaction = "psql-single-transaction"
    case flyway, liquibase
    case golangMigrate = "golang-migrate"
    case goose, dbmate, prisma, diesel, sqlx
    case nodePgMigrate = "node-pg-migrate"
    case postgresMigrations = "postgres-migrations"
    case sqitch
    case graphileMigrate = "graphile-migrate"
    case atlas, refinery, popx, launchpad
}

/// A runner with the options that live outside the files (`--runner`, `runner:` in
/// `.patchgate.yml`); the facts inside the layout (`.sql.conf`, `metadata.toml`, file names)
/// are read per file by `runner(forFile:)`.
public struct RunnerSettings: Sendable, Equatable {
    public var id: RunnerID
    /// golang-migrate `x-multi-statement=true`.
    public var multiStatement = false
    /// Atlas `--tx-mode`.
    public var txMode = AtlasRunner.TxMode.file
    /// Flyway `mixed`.
    public var mixed = false
    /// psql `--single-transaction`; node-pg-migrate `singleTransaction` (its default true).
    public var singleTransaction: Bool?
    /// Prisma after prisma-engines #5767.
    public var splitsStatements = false
    /// refinery `set_grouped(true)`.
    public var grouped = false

    public init(id: RunnerID) {
        self.id = id
    }

    /// The option keys `.patchgate.yml` accepts under `runner:`, besides `name`.
    public static let optionKeys = ["multiStatement", "txMode", "mixed", "singleTransaction", "splitsStatements", "grouped"]

    /// The runner for one file, with the facts its layout keeps beside it.
    public func runner(forFile path: String) -> any MigrationRunner {
        switch id {
        case .psql: PsqlRunner(singleTransaction: singleTransaction ?? false)
        case .psqlSingleTransaction: PsqlRunner(singleTransaction: true)
        case .flyway: FlywayScriptConfig.runner(forScript: path, mixed: mixed)
        case .liquibase: LiquibaseRunner()
        case .golangMigrate: GolangMigrateRunner(multiStatement: multiStatement)
        case .goose: GooseRunner()
        case .dbmate: DbmateRunner()
        case .prisma: PrismaRunner(splitsStatements: splitsStatements)
        case .diesel: DieselMetadata.runner(forMigration: path)
        case .sqlx: SqlxRunner()
        case .nodePgMigrate: NodePgMigrateRunner(singleTransaction: singleTransaction ?? true)
        case .postgresMigrations: PostgresMigrationsRunner()
        case .sqitch: SqitchRunner()
        case .graphileMigrate: GraphileMigrateRunner()
        case .atlas: AtlasRunner(txMode: txMode)
        case .refinery: RefineryRunner(isGrouped: grouped)
        case .popx: PopxRunner(isAutocommit: SeriesDirectory.name(of: path).contains(".autocommit."))
        case .launchpad: LaunchpadRunner()
        }
    }
}
