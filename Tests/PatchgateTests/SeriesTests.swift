import Foundation
import Testing
@testable import patchgate
@testable import PatchgateRunners
import PatchgateEffects
import PatchgateRules

/// Which files form a migration series, the order they are replayed and reported in, and how
/// each tool's runner applies them; run through the binary on small trees written per test
/// (one at a time, as every suite that starts the binary).
@Suite(.serialized)
struct SeriesTests {
    /// A temporary directory holding `files` (relative path → content).
    static func tree(_ files: [String: String]) throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return root
    }

    struct Report {
        let paths: [String]
        let rulesByPath: [String: [String]]
        let status: Int32
        let stderr: String
        /// `skipped[].path` of the document.
        var skipped: [String] = []
        /// `runner` of each file, in report order.
        var runners: [String?] = []
    }

    /// `patchgate check --format json …` run in `directory`.
    static func check(_ arguments: [String], in directory: URL) throws -> Report {
        let run = try TestSupport.run(["check", "--format", "json"] + arguments, directory: directory)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                                    "not JSON: \(run.stdout) \(run.stderr)")
        let files = document["files"] as? [[String: Any]] ?? []
        let paths = files.compactMap { $0["path"] as? String }
        var rules: [String: [String]] = [:]
        for file in files {
            let findings = file["findings"] as? [[String: Any]] ?? []
            rules[file["path"] as? String ?? ""] = findings.compactMap { $0["rule"] as? String }
        }
        var report = Report(paths: paths, rulesByPath: rules, status: run.status, stderr: run.stderr)
        report.skipped = (document["skipped"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        report.runners = files.map { $0["runner"] as? String }
        return report
    }

    static let table = "CREATE TABLE t (id int);\n"

    // MARK: Order

    struct Layout: CustomTestStringConvertible, Sendable {
        let name: String
        let files: [String: String]
        /// The files reported by `check m`, in replay order.
        let order: [String]
        var testDescription: String { name }
    }

    static let layouts: [Layout] = [
        Layout(name: "plain", files: ["m/b.sql": table, "m/a.sql": table, "m/sub/c.sql": table],
               order: ["m/a.sql", "m/b.sql", "m/sub/c.sql"]),
        Layout(name: "flyway", files: [
            "m/V10__d.sql": table, "m/V2__c.sql": table, "m/V1__a.sql": table, "m/V1.1__b.sql": table,
            "m/V1_2__e.sql": table, "m/R__views.sql": table, "m/U2__undo_c.sql": table,
        ], order: ["m/V1__a.sql", "m/V1.1__b.sql", "m/V1_2__e.sql", "m/V2__c.sql", "m/V10__d.sql", "m/R__views.sql"]),
        Layout(name: "golang-migrate", files: [
            "m/10_c.up.sql": table, "m/2_b.up.sql": table, "m/1_a.up.sql": table,
            "m/1_a.down.sql": table, "m/10_c.down.sql": table,
        ], order: ["m/1_a.up.sql", "m/2_b.up.sql", "m/10_c.up.sql"]),
        Layout(name: "diesel", files: [
            "m/2020-02-01-000000_b/up.sql": table, "m/2020-02-01-000000_b/down.sql": table,
            "m/00000000000000_setup/up.sql": table, "m/2020-01-01-000000_a/up.sql": table,
        ], order: ["m/00000000000000_setup/up.sql", "m/2020-01-01-000000_a/up.sql", "m/2020-02-01-000000_b/up.sql"]),
        Layout(name: "prisma", files: [
            "m/20200102000000_b/migration.sql": table, "m/20200101000000_a/migration.sql": table,
            "m/migration_lock.toml": "provider = \"postgresql\"\n",
        ], order: ["m/20200101000000_a/migration.sql", "m/20200102000000_b/migration.sql"]),
        Layout(name: "sqitch", files: [
            "m/sqitch.plan": "%syntax-version=1.0.0\n%project=flipr\n\nusers 2024-01-01T00:00:00Z A <a@example.org> # users\n"
                + "accounts [users] 2024-01-02T00:00:00Z A <a@example.org>\n@v1 2024-01-03T00:00:00Z A <a@example.org>\n",
            "m/deploy/users.sql": table, "m/deploy/accounts.sql": table,
            "m/revert/users.sql": table, "m/verify/users.sql": "SELECT 1;\n",
        ], order: ["m/deploy/users.sql", "m/deploy/accounts.sql"]),
    ]

    @Test(arguments: layouts)
    func directoryIsReportedInReplayOrder(layout: Layout) throws {
        let root = try Self.tree(layout.files)
        let report = try Self.check(["m"], in: root)
        #expect(report.paths == layout.order, "\(report.stderr)")
    }

    @Test func launchpadPatchesRunInNumberOrderAndOthersAreReported() throws {
        let root = try Self.tree([
            "lp/patch-2209-10-0.sql": Self.table, "lp/patch-2209-02-1.sql": Self.table, "lp/patch-2209-02-0.sql": Self.table,
            "lp/patch-2208-99-0.sql": Self.table, "lp/patch-2209-39-10.sql": Self.table, "lp/notes.sql": Self.table,
        ])
        let report = try Self.check(["--profile", "launchpad", "lp"], in: root)
        #expect(report.paths == ["lp/patch-2208-99-0.sql", "lp/patch-2209-02-0.sql", "lp/patch-2209-02-1.sql",
                                 "lp/patch-2209-10-0.sql", "lp/notes.sql", "lp/patch-2209-39-10.sql"])
        #expect(report.rulesByPath["lp/notes.sql"]?.contains("launchpad-file-name") == true)
        #expect(report.rulesByPath["lp/patch-2209-39-10.sql"]?.contains("launchpad-file-name") == true)
        #expect(report.rulesByPath["lp/patch-2209-02-1.sql"]?.contains("launchpad-file-name") == false)
        #expect(report.status != 2, "a misnamed file is a finding, not an input error; the run goes on: \(report.stderr)")
        let generic = try Self.check(["lp"], in: root)
        #expect(generic.rulesByPath.values.allSatisfy { !$0.contains("launchpad-file-name") })
    }

    /// Streaming (json, text) and whole-run formats (junit, sarif via --output) keep one order.
    @Test(arguments: ["json", "text", "junit", "sarif", "markdown"])
    func everyFormatReportsInReplayOrder(format: String) throws {
        let root = try Self.tree(["m/10_c.up.sql": Self.table, "m/9_b.up.sql": Self.table, "m/1_a.up.sql": Self.table])
        let output = root.appendingPathComponent("report.out").path
        _ = try TestSupport.run(["check", "--format", "text", "--output", "\(format)=\(output)", "m"], directory: root)
        let streamed = try TestSupport.run(["check", "--format", format, "m"], directory: root).stdout
        for text in [streamed, try String(contentsOfFile: output, encoding: String.Encoding.utf8)] {
            let positions = ["m/1_a.up.sql", "m/9_b.up.sql", "m/10_c.up.sql"].map { text.range(of: $0)?.lowerBound }
            let found = positions.compactMap { $0 }
            #expect(found.count == 3, "\(format) names every file")
            #expect(found == found.sorted(), "\(format) reports in replay order")
        }
    }

    // MARK: Transactions

    static let concurrentIndex = "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n"
    static let setAndConcurrentIndex = "SET lock_timeout = '1s';\n" + concurrentIndex

    /// Whether `concurrent-in-transaction` fires tells the mode the file was checked with.
    @Test(arguments: [
        ("diesel, default", ["m/2020-01-01-000000_a/up.sql": concurrentIndex], "m/2020-01-01-000000_a/up.sql", [String](), true),
        ("diesel, run_in_transaction = false",
         ["m/2020-01-01-000000_a/up.sql": concurrentIndex, "m/2020-01-01-000000_a/metadata.toml": "run_in_transaction = false # index\n"],
         "m/2020-01-01-000000_a/up.sql", [], false),
        ("diesel, --transaction overrides",
         ["m/2020-01-01-000000_a/up.sql": concurrentIndex, "m/2020-01-01-000000_a/metadata.toml": "run_in_transaction=false\n"],
         "m/2020-01-01-000000_a/up.sql", ["--transaction", "per-file"], true),
        ("flyway, a statement that needs no transaction", ["m/V1__i.sql": concurrentIndex], "m/V1__i.sql", [], false),
        ("flyway, --transaction overrides", ["m/V1__i.sql": concurrentIndex], "m/V1__i.sql", ["--transaction", "per-file"], true),
        ("flyway, executeInTransaction=false",
         ["m/V1__i.sql": concurrentIndex, "m/V1__i.sql.conf": "executeInTransaction=false\n"], "m/V1__i.sql", [], false),
        // One query, no BEGIN: a one-statement query runs outside a block (runner-transactions.md §1).
        ("golang-migrate", ["m/1_i.up.sql": concurrentIndex], "m/1_i.up.sql", [], false),
        ("golang-migrate, two statements", ["m/1_i.up.sql": setAndConcurrentIndex], "m/1_i.up.sql", [], true),
        ("--runner golang-migrate on a plain directory", ["m/i.sql": concurrentIndex], "m/i.sql", ["--runner", "golang-migrate"], false),
        ("goose found from its directives", ["m/1_i.sql": "-- +goose Up\n" + concurrentIndex], "m/1_i.sql", [], true),
        ("goose NO TRANSACTION", ["m/1_i.sql": "-- +goose NO TRANSACTION\n-- +goose Up\n" + setAndConcurrentIndex], "m/1_i.sql", [], false),
        ("dbmate transaction:false", ["m/1_i.sql": "-- migrate:up transaction:false\n" + concurrentIndex + "-- migrate:down\n"], "m/1_i.sql", [], false),
        ("popx .autocommit.", ["m/1_i.postgres.autocommit.up.sql": concurrentIndex], "m/1_i.postgres.autocommit.up.sql", [], false),
        ("prisma", ["m/20200101000000_i/migration.sql": concurrentIndex], "m/20200101000000_i/migration.sql", [], false),
        ("prisma, two statements", ["m/20200101000000_i/migration.sql": setAndConcurrentIndex], "m/20200101000000_i/migration.sql", [], true),
        ("sqitch", ["m/sqitch.plan": "i 2024-01-01T00:00:00Z A <a@example.org>\n", "m/deploy/i.sql": concurrentIndex],
         "m/deploy/i.sql", [], false),
        ("sqitch, BEGIN in the script", ["m/sqitch.plan": "i 2024-01-01T00:00:00Z A <a@example.org>\n",
                                         "m/deploy/i.sql": "BEGIN;\n" + concurrentIndex + "COMMIT;\n"], "m/deploy/i.sql", [], true),
        ("plain", ["m/i.sql": concurrentIndex], "m/i.sql", [], true),
        ("plain, --transaction none", ["m/i.sql": concurrentIndex], "m/i.sql", ["--transaction", "none"], false),
    ])
    func eachLayoutChecksWithItsRunnersTransactionMode(
        name: String, files: [String: String], path: String, flags: [String], inTransaction: Bool
    ) throws {
        let root = try Self.tree(files)
        let report = try Self.check(flags + ["m"], in: root)
        let rules = try #require(report.rulesByPath[path], "\(name): \(report.paths)")
        #expect(rules.contains("concurrent-in-transaction") == inTransaction, "\(name): \(rules)")
    }

    // MARK: Down migrations

    static let ghostUp = "CREATE TABLE ghost (id int);\n"
    /// Its first line needs the table its up created; its second names one nothing created.
    static let ghostDown = "ALTER TABLE ghost ADD COLUMN x int;\nALTER TABLE phantom ADD COLUMN x int;\n"

    @Test(arguments: [
        ("golang-migrate", ["m/1_a.up.sql": ghostUp, "m/1_a.down.sql": ghostDown, "m/2_b.up.sql": table], "m/1_a.up.sql", "m/1_a.down.sql"),
        ("diesel", ["m/2020-01-01-000000_a/up.sql": ghostUp, "m/2020-01-01-000000_a/down.sql": ghostDown,
                    "m/2020-01-02-000000_b/up.sql": table], "m/2020-01-01-000000_a/up.sql", "m/2020-01-01-000000_a/down.sql"),
        ("flyway", ["m/V1__a.sql": ghostUp, "m/U1__a.sql": ghostDown, "m/V2__b.sql": table], "m/V1__a.sql", "m/U1__a.sql"),
        ("sqitch", ["m/sqitch.plan": "a 2024-01-01T00:00:00Z A <a@example.org>\nb 2024-01-02T00:00:00Z A <a@example.org>\n",
                    "m/deploy/a.sql": ghostUp, "m/revert/a.sql": ghostDown, "m/deploy/b.sql": table], "m/deploy/a.sql", "m/revert/a.sql"),
    ])
    func downMigrationsAreCheckedOnlyWithIncludeDownAfterTheirUp(name: String, files: [String: String], up: String, down: String) throws {
        var files = files
        files["schema.sql"] = "CREATE TABLE other (id int);\n"
        let root = try Self.tree(files)
        let without = try Self.check(["--schema", "schema.sql", "m"], in: root)
        #expect(!without.paths.contains(down), "\(name)")
        #expect(without.skipped.contains(down), "\(name): the skip is listed: \(without.skipped)")
        let with = try Self.check(["--schema", "schema.sql", "--include-down", "m"], in: root)
        // Right after its up, before the next up.
        #expect(with.paths.firstIndex(of: down) == with.paths.firstIndex(of: up).map { $0 + 1 }, "\(name): \(with.paths)")
        #expect(with.paths.count == 3, "\(name): \(with.paths)")
        // Against the schema its up left: ghost is known, phantom is not.
        #expect(with.rulesByPath[down]?.filter { $0 == "unknown-object" }.count == 1, "\(name): \(with.rulesByPath)")
        // Named alone, the up is replayed first, not reported.
        let alone = try Self.check(["--schema", "schema.sql", down], in: root)
        #expect(alone.paths == [down], "\(name): \(alone.paths)")
        #expect(alone.rulesByPath[down]?.filter { $0 == "unknown-object" }.count == 1, "\(name): \(alone.rulesByPath)")
    }

    /// A goose file's down section is not checked as part of its up; with --include-down it is
    /// checked on its own, right after its up, against the schema the up left (goose
    /// internal/sqlparser/parser.go runs one direction's statements only).
    @Test func gooseDownSectionIsCheckedOnlyWithIncludeDown() throws {
        let root = try Self.tree([
            "schema.sql": "CREATE TABLE t (id int);\n",
            "m/1_add.sql": "-- +goose Up\nALTER TABLE t ADD COLUMN note text;\n\n-- +goose Down\nALTER TABLE t DROP COLUMN note;\n",
        ])
        let without = try Self.check(["--schema", "schema.sql", "m"], in: root)
        #expect(without.paths == ["m/1_add.sql"])
        #expect(without.runners == ["goose"])
        #expect(without.rulesByPath["m/1_add.sql"]?.contains("dropping-column") == false)
        #expect(without.skipped == ["m/1_add.sql"])
        let with = try Self.check(["--schema", "schema.sql", "--include-down", "m"], in: root)
        #expect(with.paths == ["m/1_add.sql", "m/1_add.sql"])
        #expect(with.skipped.isEmpty)
        let run = try TestSupport.run(["check", "--format", "json", "--schema", "schema.sql", "--include-down", "m"], directory: root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        let directions = files.map { (($0["units"] as? [[String: Any]])?.first?["direction"] as? String) ?? "" }
        #expect(directions == ["up", "down"])
        let downRules = (files[1]["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        // Against the schema the up left: the column exists, so dropping it is dropping-column, not unknown-object.
        #expect(downRules.contains("dropping-column") && !downRules.contains("unknown-object"), "\(downRules)")
    }

    /// An earlier patch replayed (not asked about) applies only its up section: its down section
    /// dropping the table would make the later patch's table unknown.
    @Test(arguments: [
        ("dbmate", "-- migrate:up\nCREATE TABLE orders (id int, customer_id int);\n\n-- migrate:down\nDROP TABLE orders;\n",
         "-- migrate:up\nCREATE INDEX orders_customer_idx ON orders (customer_id);\n\n-- migrate:down\nDROP INDEX orders_customer_idx;\n"),
        ("goose", "-- +goose Up\nCREATE TABLE orders (id int, customer_id int);\n\n-- +goose Down\nDROP TABLE orders;\n",
         "-- +goose Up\nCREATE INDEX orders_customer_idx ON orders (customer_id);\n\n-- +goose Down\nDROP INDEX orders_customer_idx;\n"),
    ])
    func anEarlierPatchsDownSectionIsNotReplayed(runner: String, first: String, second: String) throws {
        let root = try Self.tree(["schema.sql": "CREATE TABLE other (id int);\n", "m/20240101000000_init.sql": first,
                                  "m/20240201000000_index.sql": second])
        let report = try Self.check(["--schema", "schema.sql", "m/20240201000000_index.sql"], in: root)
        #expect(report.paths == ["m/20240201000000_index.sql"], "\(runner)")
        #expect(report.runners == [runner])
        #expect(report.rulesByPath["m/20240201000000_index.sql"]?.contains("unknown-object") == false, "\(runner): \(report.rulesByPath)")
    }

    @Test func unknownRunnerIsAUsageError() throws {
        let root = try Self.tree(["m/a.sql": Self.table])
        let run = try TestSupport.run(["check", "--runner", "flyweight", "m"], directory: root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("flyweight") && run.stderr.contains("golang-migrate"))
    }

    // MARK: Launchpad baseline

    @Test func patchesInTheBaselineAreCheckedWithoutItAndLaterOnesAgainstIt() throws {
        let root = try Self.tree([
            "launchpad-2211-00-0.sql": "CREATE TABLE public.person (id integer PRIMARY KEY, name text);\n",
            "lp/patch-2210-05-0.sql": "CREATE TABLE person (id integer PRIMARY KEY);\nALTER TABLE gone ADD COLUMN x int;\n",
            "lp/patch-2211-01-0.sql": "CREATE TABLE gadget (id integer PRIMARY KEY);\nALTER TABLE person ADD COLUMN email text;\n",
            "lp/patch-2211-02-0.sql": "ALTER TABLE gadget ADD COLUMN label text;\n",
        ])
        let report = try Self.check(["--profile", "launchpad", "--schema", "launchpad-2211-00-0.sql", "lp"], in: root)
        #expect(report.paths == ["lp/patch-2210-05-0.sql", "lp/patch-2211-01-0.sql", "lp/patch-2211-02-0.sql"])
        let old = report.rulesByPath["lp/patch-2210-05-0.sql"] ?? []
        #expect(old.contains("launchpad-in-baseline"))
        #expect(!old.contains("already-exists") && !old.contains("unknown-object"), "\(old)")
        for later in ["lp/patch-2211-01-0.sql", "lp/patch-2211-02-0.sql"] {
            let rules = report.rulesByPath[later] ?? []
            #expect(!rules.contains("unknown-object") && !rules.contains("launchpad-in-baseline"), "\(later): \(rules)")
        }
        // The later patch is checked against the baseline: a table it lacks is unknown.
        let unknown = try Self.tree([
            "launchpad-2211-00-0.sql": "CREATE TABLE public.person (id integer PRIMARY KEY);\n",
            "lp/patch-2211-01-0.sql": "ALTER TABLE gone ADD COLUMN x int;\n",
        ])
        let against = try Self.check(["--profile", "launchpad", "--schema", "launchpad-2211-00-0.sql", "lp"], in: unknown)
        #expect(against.rulesByPath["lp/patch-2211-01-0.sql"]?.contains("unknown-object") == true)
    }

    /// A dump given as --schema is never a patch of the run, even among the patches.
    @Test func schemaDumpsAmongThePatchesAreNotPatches() throws {
        let root = try Self.tree([
            "lp/launchpad-2211-00-0.sql": "CREATE TABLE public.person (id integer PRIMARY KEY);\n",
            "lp/patch-2211-01-0.sql": "ALTER TABLE person ADD COLUMN email text;\n",
            "m/a-schema.sql": "CREATE TABLE public.t (id int);\n", "m/b.sql": "ALTER TABLE t ADD COLUMN note text;\n",
        ])
        let launchpad = try Self.check(["--profile", "launchpad", "--schema", "lp/launchpad-2211-00-0.sql", "lp"], in: root)
        #expect(launchpad.paths == ["lp/patch-2211-01-0.sql"])
        let plain = try Self.check(["--schema", "./m/a-schema.sql", "m"], in: root)
        #expect(plain.paths == ["m/b.sql"])
        #expect(plain.rulesByPath["m/b.sql"]?.contains("unknown-object") == false)
    }

    // MARK: Partial runs

    struct Series: CustomTestStringConvertible, Sendable {
        let name: String
        let profile: String
        /// The three patches in replay order: the first creates t, the third alters it.
        let patches: [String]
        var extraFiles: [String: String] = [:]
        var testDescription: String { name }
    }

    static let partialSeries: [Series] = [
        Series(name: "golang-migrate", profile: "generic", patches: ["m/1_a.up.sql", "m/2_b.up.sql", "m/10_c.up.sql"]),
        Series(name: "diesel", profile: "generic",
               patches: ["m/2020-01-01-000000_a/up.sql", "m/2020-02-01-000000_b/up.sql", "m/2020-03-01-000000_c/up.sql"]),
        Series(name: "sqitch", profile: "generic", patches: ["m/deploy/z.sql", "m/deploy/y.sql", "m/deploy/x.sql"],
               extraFiles: ["m/sqitch.plan": "z 2024-01-01T00:00:00Z A <a@example.org>\ny 2024-01-02T00:00:00Z A <a@example.org>\n"
                   + "x 2024-01-03T00:00:00Z A <a@example.org>\n"]),
        Series(name: "launchpad", profile: "launchpad",
               patches: ["m/patch-2209-02-0.sql", "m/patch-2209-02-1.sql", "m/patch-2209-10-0.sql"]),
    ]

    @Test(arguments: partialSeries)
    func checkingOnePatchReplaysTheEarlierOnesFirst(series: Series) throws {
        var files = series.extraFiles
        files["schema.sql"] = "CREATE TABLE public.other (id int);\n"
        files[series.patches[0]] = "CREATE TABLE t (id int);\n"
        files[series.patches[1]] = "CREATE TABLE u (id int);\n"
        files[series.patches[2]] = "ALTER TABLE t ADD COLUMN note text;\n"
        let root = try Self.tree(files)
        let arguments = ["--profile", series.profile, "--schema", "schema.sql", series.patches[2]]
        let report = try Self.check(arguments, in: root)
        #expect(report.paths == [series.patches[2]], "only the file asked for is reported")
        #expect(report.rulesByPath[series.patches[2]]?.contains("unknown-object") == false, "\(report.rulesByPath)")
        try FileManager.default.removeItem(at: root.appendingPathComponent(series.patches[0]))
        let withoutFirst = try Self.check(arguments, in: root)
        #expect(withoutFirst.rulesByPath[series.patches[2]]?.contains("unknown-object") == true, "\(withoutFirst.rulesByPath)")
    }

    /// `--changed-since` and `--staged` name only the new patch; the landed ones before it are
    /// replayed from the working tree.
    @Test(arguments: [["--changed-since", "main"], ["--staged"]])
    func gitSelectedPatchesSeeTheLandedOnesBeforeThem(selection: [String]) throws {
        let repository = try GitTests.Repository()
        try repository.write("schema.sql", "CREATE TABLE public.other (id int);\n")
        try repository.write("m/1_a.up.sql", "CREATE TABLE t (id int);\n")
        try repository.write("m/2_b.up.sql", "CREATE TABLE u (id int);\n")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "landed")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("m/10_c.up.sql", "ALTER TABLE t ADD COLUMN note text;\n")
        try repository.git("add", "m/10_c.up.sql")
        let report = try Self.check(selection + ["--schema", "schema.sql"], in: repository.url)
        #expect(report.paths == ["m/10_c.up.sql"])
        #expect(report.rulesByPath["m/10_c.up.sql"]?.contains("unknown-object") == false, "\(report.rulesByPath)")
    }

    // MARK: Real series

    struct CorpusSeries: CustomTestStringConvertible, Sendable {
        let directory: String
        let profile: Profile
        let layout: SeriesLayout
        let first: String
        let last: String
        var testDescription: String { directory }
    }

    static let corpusSeries: [CorpusSeries] = [
        CorpusSeries(directory: "lemmy/migrations", profile: .generic, layout: .diesel,
                     first: "00000000000000_diesel_initial_setup/up.sql", last: "2026-07-27-143313-0000_rename_resolve_reason_to_conclusion/up.sql"),
        CorpusSeries(directory: "harbor/make/migrations/postgresql", profile: .generic, layout: .golangMigrate,
                     first: "0001_initial_schema.up.sql", last: "0190_2.16.0_schema.up.sql"),
        CorpusSeries(directory: "supabase-auth/migrations", profile: .generic, layout: .golangMigrate,
                     first: "00_init_auth_schema.up.sql", last: "20260625000000_add_custom_claims_allowlist.up.sql"),
        CorpusSeries(directory: "kratos/persistence/sql/migrations/sql", profile: .generic, layout: .golangMigrate,
                     first: "20150100000001000000_networks.postgres.up.sql", last: "20260703000000000000_courier_messages_status_created_at_idx.postgres.autocommit.up.sql"),
        CorpusSeries(directory: "boundary/internal/db/schema/migrations/oss/postgres/3", profile: .generic, layout: .golangMigrate,
                     first: "01_auth.up.sql", last: "02_iam.up.sql"),
        CorpusSeries(directory: "synapse/synapse/storage/schema/main/delta/83", profile: .generic, layout: .plain,
                     first: "01_drop_old_tables.sql", last: "06_event_push_summary_room.sql"),
        CorpusSeries(directory: "temporal/schema/postgresql/v12/temporal/versioned/v1.5", profile: .generic, layout: .plain,
                     first: "cluster_membership.sql", last: "executions.sql"),
        CorpusSeries(directory: "launchpad/patches", profile: .launchpad, layout: .launchpad,
                     first: "patch-2207-00-0.sql", last: "patch-2211-43-1.sql"),
    ]

    @Test(arguments: corpusSeries)
    func realSeriesAreRecognised(corpus: CorpusSeries) throws {
        let root = TestSupport.corpus.appendingPathComponent(corpus.directory).path
        try #require(FileManager.default.fileExists(atPath: root), "corpus missing: \(root)")
        let series = SeriesDetector.series(in: SeriesDirectory.read(root), profile: corpus.profile)
        #expect(series.layout == corpus.layout)
        #expect(series.upMembers.first?.path == root + "/" + corpus.first)
        #expect(series.upMembers.last?.path == root + "/" + corpus.last)
    }

    // MARK: Pieces

    @Test(arguments: [("1", "1.0", false), ("1.1", "1.2", true), ("1.2", "1.10", true), ("2", "10", true),
                      ("1_9", "1.10", true), ("0009", "10", true), ("20210311102338000015", "20210311102338000016", true)])
    func versionsCompareAsNumbers(left: String, right: String, isLess: Bool) throws {
        let lhs = try #require(VersionNumber(Substring(left))), rhs = try #require(VersionNumber(Substring(right)))
        #expect((lhs < rhs) == isLess)
    }

    @Test func sqitchPlanListsChangesOnceInOrder() {
        let plan = "%syntax-version=1.0.0\n# comment\nusers 2024 A <a>\n@v1 2024 A <a>\naccounts [users] 2024 A <a> # note\nusers [users@v1] 2024 A <a>\n"
        #expect(SqitchLayout.changeNames(inPlan: plan) == ["users", "accounts"])
    }
}
