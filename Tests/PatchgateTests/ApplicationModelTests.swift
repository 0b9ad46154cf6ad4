import Testing
import PatchgateEffects
import PatchgateRules
@testable import PatchgateRunners

/// Each runner's model on small files written for this test: its default, its opt-out, a unit
/// of one statement and a unit of several. A file "fails" when patchgate reports what makes
/// PostgreSQL or the runner reject it (a statement refused in a transaction block, a transaction
/// nothing commits, a directive the runner rejects). Facts: ../shared/runner-transactions.md,
/// with each row's source.
struct ApplicationModelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let runner: any MigrationRunner
        let sql: String
        let fails: Bool
        /// Where the expected outcome comes from.
        let source: String
        var testDescription: String { name }
    }

    static let cic = "CREATE INDEX CONCURRENTLY t_a ON t (a);\n"
    static let setAndCIC = "SET lock_timeout = '1s';\n" + cic

    static let cases: [Case] = [
        // psql -f sends statement by statement; -1 wraps the file (psql docs, --single-transaction).
        Case(name: "psql: CIC after SET", runner: PsqlRunner(), sql: setAndCIC, fails: false,
             source: "runner-transactions.md §2: psql -f file with SET, SELECT, CIC: rc=0"),
        Case(name: "psql -1: CIC alone", runner: PsqlRunner(singleTransaction: true), sql: cic, fails: true,
             source: "runner-transactions.md §2: same file with psql -1 -f: ERROR cannot run inside a transaction block"),
        Case(name: "psql: BEGIN never committed", runner: PsqlRunner(), sql: "BEGIN;\nCREATE TABLE t2 (x int);\n", fails: true,
             source: "PostgreSQL rolls back an open transaction when the session ends"),
        Case(name: "psql: BEGIN … COMMIT, then CIC", runner: PsqlRunner(), sql: "BEGIN;\nCREATE TABLE t2 (x int);\nCOMMIT;\n" + cic, fails: false,
             source: "runner-transactions.md §2: file BEGIN; CREATE TABLE; COMMIT; CIC with psql -f: rc=0, both applied"),
        Case(name: "psql -1: the file's COMMIT ends psql's transaction", runner: PsqlRunner(singleTransaction: true), sql: "COMMIT;\n" + cic, fails: false,
             source: "libpq sends the next statement in autocommit after the COMMIT; psql only warns at its own COMMIT"),
        // Flyway: PostgreSQLParser.detectCanExecuteInTransaction; ParserSqlScript.parse (mixed).
        Case(name: "flyway: CIC alone runs outside a transaction", runner: FlywayRunner(), sql: cic, fails: false,
             source: "PostgreSQLParser.java CREATE_INDEX_CONCURRENTLY_REGEX → non-transactional"),
        Case(name: "flyway: CIC with SET fails validation", runner: FlywayRunner(), sql: setAndCIC, fails: true,
             source: "ParserSqlScript.java: Detected both transactional and non-transactional statements (even though mixed is false)"),
        Case(name: "flyway mixed: CIC with SET", runner: FlywayRunner(mixed: true), sql: setAndCIC, fails: false,
             source: "ParserSqlScript.java: with mixed the script runs non-transactionally"),
        Case(name: "flyway: executeInTransaction=false", runner: FlywayRunner(executeInTransaction: (false, 1)), sql: setAndCIC, fails: false,
             source: "ParserSqlScript.executeInTransaction(): the script configuration overrides"),
        Case(name: "flyway: executeInTransaction=true with CIC", runner: FlywayRunner(executeInTransaction: (true, 1)), sql: cic, fails: true,
             source: "ParserSqlScript.executeInTransaction(): the script configuration overrides the detection"),
        Case(name: "flyway: REINDEX TABLE CONCURRENTLY is not detected", runner: FlywayRunner(), sql: "REINDEX TABLE CONCURRENTLY t;\n", fails: true,
             source: "PostgreSQLParser.java REINDEX_REGEX covers SCHEMA|DATABASE|SYSTEM only"),
        Case(name: "flyway: JDBC reopens after the file's COMMIT", runner: FlywayRunner(executeInTransaction: (true, 1)), sql: "COMMIT;\n" + cic, fails: true,
             source: "pgJDBC with autoCommit=false sends BEGIN before the next statement (runner-transactions.md §1)"),
        // Liquibase formatted SQL: ChangeSet.java setAutoCommit(!runInTransaction); AbstractSQLChange splitStatements.
        Case(name: "liquibase: changeset in a transaction", runner: LiquibaseRunner(),
             sql: "--liquibase formatted sql\n--changeset me:1\n" + cic, fails: true, source: "ChangeSet.java L756, runInTransaction default true"),
        Case(name: "liquibase: runInTransaction:false, two statements", runner: LiquibaseRunner(),
             sql: "--liquibase formatted sql\n--changeset me:1 runInTransaction:false\n" + setAndCIC, fails: false,
             source: "ChangeSet.java setAutoCommit(true); statements split on ;"),
        Case(name: "liquibase: only the opted-out changeset", runner: LiquibaseRunner(),
             sql: "--liquibase formatted sql\n--changeset me:1 runInTransaction:false\n" + cic + "--changeset me:2\n" + cic, fails: true,
             source: "runInTransaction is per changeset"),
        // golang-migrate: database/postgres/postgres.go one ExecContext; multiStmtDelimiter.
        Case(name: "golang-migrate: CIC alone", runner: GolangMigrateRunner(), sql: cic, fails: false,
             source: "postgres.go runStatement: one ExecContext, no BEGIN; a one-statement query runs outside a block"),
        Case(name: "golang-migrate: CIC after SET", runner: GolangMigrateRunner(), sql: setAndCIC, fails: true,
             source: "database/postgres/README.md: multiple statements in one Exec run inside a transaction"),
        Case(name: "golang-migrate x-multi-statement: CIC after SET", runner: GolangMigrateRunner(multiStatement: true), sql: setAndCIC, fails: false,
             source: "postgres.go: x-multi-statement sends each piece on its own"),
        Case(name: "golang-migrate x-multi-statement: a $$ body holding ;", runner: GolangMigrateRunner(multiStatement: true),
             sql: "DO $$ BEGIN PERFORM 1; END $$;\n", fails: true, source: "postgres.go multiStmtDelimiter = []byte(\";\"), not SQL-aware"),
        // goose: internal/sqlparser/parser.go; migration_sql.go.
        Case(name: "goose: CIC in the default transaction", runner: GooseRunner(), sql: "-- +goose Up\n" + cic, fails: true,
             source: "parser.go useTx = true; migration_sql.go db.BeginTx"),
        Case(name: "goose NO TRANSACTION: CIC after SET", runner: GooseRunner(), sql: "-- +goose NO TRANSACTION\n-- +goose Up\n" + setAndCIC, fails: false,
             source: "parser.go useTx = false; one ExecContext per statement"),
        Case(name: "goose NO TRANSACTION: two statements on one line are one Exec", runner: GooseRunner(),
             sql: "-- +goose NO TRANSACTION\n-- +goose Up\nSET lock_timeout = '1s'; CREATE INDEX CONCURRENTLY t_a ON t (a);\n", fails: true,
             source: "parser.go endsWithSemicolon: a statement ends at a line ending in ;"),
        Case(name: "goose: the file's COMMIT ends goose's transaction", runner: GooseRunner(), sql: "-- +goose Up\nCOMMIT;\n" + cic, fails: false,
             source: "database/sql sends no BEGIN of its own after the server's transaction ended (the issue's model)"),
        Case(name: "goose: Down before Up", runner: GooseRunner(), sql: "-- +goose Down\nDROP TABLE t;\n", fails: true,
             source: "parser.go: must start with '-- +goose Up' annotation"),
        Case(name: "goose: the down section is not part of the up", runner: GooseRunner(),
             sql: "-- +goose Up\nCREATE TABLE t2 (x int);\n-- +goose Down\nBEGIN;\n", fails: false, source: "parser.go ignores the down lines when running up"),
        // dbmate: pkg/dbmate/migration.go, db.go.
        Case(name: "dbmate: CIC in the default transaction", runner: DbmateRunner(), sql: "-- migrate:up\n" + cic + "-- migrate:down\n", fails: true,
             source: "migration.go Transaction() defaults to true; db.go tx.Exec"),
        Case(name: "dbmate transaction:false: CIC alone", runner: DbmateRunner(), sql: "-- migrate:up transaction:false\n" + cic + "-- migrate:down\n", fails: false,
             source: "migration.go m[\"transaction\"] != \"false\"; one Exec outside a transaction"),
        Case(name: "dbmate transaction:false: two statements are one query", runner: DbmateRunner(),
             sql: "-- migrate:up transaction:false\n" + setAndCIC + "-- migrate:down\n", fails: true, source: "db.go sends the block with one Exec"),
        Case(name: "dbmate: no down block", runner: DbmateRunner(), sql: "-- migrate:up\nCREATE TABLE t2 (x int);\n", fails: true,
             source: "migration.go ErrParseMissingDown"),
        // Prisma: simple_query(script); prisma-engines #5767.
        Case(name: "prisma: CIC alone", runner: PrismaRunner(), sql: cic, fails: false, source: "native/mod.rs client.simple_query(script), no BEGIN"),
        Case(name: "prisma: CIC after SET", runner: PrismaRunner(), sql: setAndCIC, fails: true, source: "one simple query of two statements: implicit block"),
        Case(name: "prisma after #5767: CIC after SET", runner: PrismaRunner(splitsStatements: true), sql: setAndCIC, fails: false,
             source: "prisma-engines PR #5767 splits the script into statements"),
        // Diesel: file_based_migrations.rs; batch_execute.
        Case(name: "diesel: CIC in the default transaction", runner: DieselRunner(), sql: cic, fails: true, source: "migration_harness.rs conn.transaction"),
        Case(name: "diesel run_in_transaction = false: CIC alone", runner: DieselRunner(runInTransaction: (false, 1)), sql: cic, fails: false,
             source: "file_based_migrations.rs run_in_transaction"),
        Case(name: "diesel run_in_transaction = false: two statements", runner: DieselRunner(runInTransaction: (false, 1)), sql: setAndCIC, fails: true,
             source: "file_based_migrations.rs L30-38: 'your migration likely contains multiple instructions'"),
        // sqlx: source.rs starts_with("-- no-transaction").
        Case(name: "sqlx: CIC in the default transaction", runner: SqlxRunner(), sql: cic, fails: true, source: "sqlx-postgres migrate.rs self.begin()"),
        Case(name: "sqlx -- no-transaction: CIC alone", runner: SqlxRunner(), sql: "-- no-transaction\n" + cic, fails: false,
             source: "source.rs sql.starts_with(\"-- no-transaction\")"),
        Case(name: "sqlx -- no-transaction: two statements", runner: SqlxRunner(), sql: "-- no-transaction\n" + setAndCIC, fails: true,
             source: "executor.rs write_msg(Query(sql)): one query"),
        Case(name: "sqlx: -- no-transaction after the first byte is ignored", runner: SqlxRunner(), sql: "\n-- no-transaction\n" + cic, fails: true,
             source: "source.rs starts_with: byte 0 only"),
        // node-pg-migrate: SQL files cannot opt out.
        Case(name: "node-pg-migrate: CIC alone", runner: NodePgMigrateRunner(), sql: "-- Up Migration\n" + cic, fails: true,
             source: "runner.ts db.query('BEGIN'); SQL loaders never call noTransaction"),
        // postgres-migrations: run-migration.ts.
        Case(name: "postgres-migrations: CIC in the default transaction", runner: PostgresMigrationsRunner(), sql: cic, fails: true,
             source: "run-migration.ts START TRANSACTION"),
        Case(name: "postgres-migrations disable-transaction: CIC alone", runner: PostgresMigrationsRunner(),
             sql: "-- postgres-migrations disable-transaction\n" + cic, fails: false, source: "run-migration.ts: includes the comment → no transaction"),
        // Sqitch: psql --file, the script's own BEGIN/COMMIT.
        Case(name: "sqitch: CIC inside the template's BEGIN … COMMIT", runner: SqitchRunner(), sql: "BEGIN;\n" + cic + "COMMIT;\n", fails: true,
             source: "pg.pm run_file → psql --file; etc/templates/deploy/pg.tmpl"),
        Case(name: "sqitch: CIC without BEGIN", runner: SqitchRunner(), sql: setAndCIC, fails: false, source: "psql --file: statement by statement"),
        // graphile-migrate: header.ts.
        Case(name: "graphile-migrate: CIC in the default transaction", runner: GraphileMigrateRunner(), sql: cic, fails: true, source: "migration.ts begin … commit"),
        Case(name: "graphile-migrate --! no-transaction: CIC alone", runner: GraphileMigrateRunner(), sql: "--! no-transaction\n" + cic, fails: false,
             source: "header.ts /^--!\\s*no-transaction\\b/.test(firstLine)"),
        // Atlas: migrate.go txModeFile; the file directive.
        Case(name: "atlas: CIC in the file's transaction", runner: AtlasRunner(), sql: cic, fails: true, source: "migrate.go --tx-mode file (default)"),
        Case(name: "atlas txmode none directive: CIC after SET", runner: AtlasRunner(), sql: "-- atlas:txmode none\n\n" + setAndCIC, fails: false,
             source: "migrate.go txmodeFor: the file directive; statements sent one by one"),
        Case(name: "atlas --tx-mode none", runner: AtlasRunner(txMode: .none), sql: setAndCIC, fails: false, source: "migrate.go --tx-mode none"),
        // refinery: no opt-out.
        Case(name: "refinery: CIC alone", runner: RefineryRunner(), sql: cic, fails: true, source: "drivers/postgres.rs client.transaction(); batch_execute"),
        // popx: match.go .autocommit.
        Case(name: "popx: CIC in the default transaction", runner: PopxRunner(isAutocommit: false), sql: cic, fails: true, source: "migration_box.go in a transaction on PostgreSQL"),
        Case(name: "popx .autocommit.: CIC alone", runner: PopxRunner(isAutocommit: true), sql: cic, fails: false, source: "match.go (\\.autocommit)?; one Exec"),
        Case(name: "popx .autocommit.: two statements", runner: PopxRunner(isAutocommit: true), sql: setAndCIC, fails: true,
             source: "ory/hydra#3523: keep it to one statement per file"),
    ]

    static let failureRules: Set<String> = ["concurrent-in-transaction", "uncommitted-transaction", "malformed-runner-directive"]

    @Test(arguments: cases)
    func runnerModel(_ row: Case) {
        var options = CheckOptions()
        options.runner = row.runner
        let result = Checker.check(path: "migration.sql", bytes: Array(row.sql.utf8), options: options)
        let failures = result.findings.filter { Self.failureRules.contains($0.rule) }.map(\.rule)
        #expect(!failures.isEmpty == row.fails, "\(row.name) [\(row.source)]: \(failures)")
        #expect(!result.findings.contains { $0.rule == "syntax-error" }, "\(row.name): \(result.findings.map(\.message))")
        #expect(result.application?.runner == row.runner.id)
    }
}
