/// Prisma Migrate's `<timestamp>_<name>/migration.sql`. `prisma migrate deploy` "applies all
/// pending migrations" (https://www.prisma.io/docs/cli/migrate/deploy); the directories sort by
/// their timestamp prefix, so name order is taken as replay order (not confirmed in Prisma's
/// documentation).
///
/// Transactions: not confirmed from Prisma's documentation. Prisma sends a migration script to
/// PostgreSQL as a whole, and the statements of one simple query run as one implicit transaction
/// ("Multiple Statements in a Simple Query",
/// https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT), so a
/// file is checked as one transaction (per-file). `--transaction none` overrides.
enum PrismaLayout {
    static func series(in directory: SeriesDirectory) -> MigrationSeries? {
        let migrations = directory.nestedFiles.filter { file in
            let parts = file.split(separator: "/")
            return parts.count == 2 && parts[1] == "migration.sql" && MigrationDirectoryName.isVersioned(parts[0])
        }
        guard !migrations.isEmpty else { return nil }
        return MigrationSeries(layout: .prisma, root: directory.root, members: migrations.map { SeriesMember(path: directory.path($0)) })
    }
}
