import Foundation
import PatchgateRules
import Testing

/// `.patchgate.yml` through the real binary, each test in a directory of its own under the
/// temporary directory, so that no configuration found by walking up can reach another test.
@Suite(.serialized)
struct ConfigTests {
    static let dropColumn = "SET lock_timeout = '2s';\nALTER TABLE customer DROP COLUMN fax;\n"

    func write(_ text: String, to relative: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func files(_ run: TestSupport.Run) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return json?["files"] as? [[String: Any]] ?? []
    }

    func verdicts(_ run: TestSupport.Run) throws -> [String: String] {
        var result: [String: String] = [:]
        for file in try files(run) { result[file["path"] as? String ?? ""] = file["verdict"] as? String }
        return result
    }

    @Test func foundByWalkingUpFromTheWorkingDirectory() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("rules:\n  dropping-column: off\n", to: ".patchgate.yml", in: directory)
        try write(Self.dropColumn, to: "db/patches/drop.sql", in: directory)
        let patches = directory.appendingPathComponent("db/patches")
        let configured = try TestSupport.run(["check", "--format", "json", "drop.sql"], directory: patches)
        #expect(configured.status == 0)
        #expect(try verdicts(configured) == ["drop.sql": "hot"])
        let unconfigured = try TestSupport.run(["check", "--format", "json", "--no-config", "drop.sql"], directory: patches)
        #expect(unconfigured.status == 1)
        #expect(try verdicts(unconfigured) == ["drop.sql": "rejected"])
    }

    @Test func aRuleTurnedOffLetsTheLessSpecificRulesSeeTheStatement() throws {
        var options = CheckOptions()
        options.ruleLevels = ["dropping-column": .off]
        let unguarded = TestSupport.check("ALTER TABLE customer DROP COLUMN fax;\n", options: options)
        #expect(unguarded.findings.map(\.rule) == ["require-lock-timeout"])
        #expect(unguarded.verdict == .downtime)
    }

    @Test func aFileThatDoesNotParseStaysInvalidWhateverTheLevels() throws {
        var options = CheckOptions()
        options.ruleLevels = ["syntax-error": .off]
        let result = TestSupport.check("ALTER TABLE customer ADD COLUMN note text DEFUALT 'x';\n", options: options)
        #expect(result.findings.map(\.rule) == ["syntax-error"])
        #expect(result.verdict == .invalid)
    }

    @Test func explicitConfigResolvesItsPathsAgainstItsDirectory() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("schema: base.sql\nrules:\n  dropping-column: off\n", to: "conf/custom.yml", in: directory)
        try write("CREATE TABLE customer (id integer PRIMARY KEY, fax text);\n", to: "conf/base.sql", in: directory)
        try write(Self.dropColumn, to: "drop-fax.sql", in: directory)
        try write("SET lock_timeout = '2s';\nALTER TABLE customer DROP COLUMN phone;\n", to: "drop-phone.sql", in: directory)
        let run = try TestSupport.run(["check", "--format", "json", "--config", "conf/custom.yml", "drop-fax.sql", "drop-phone.sql"],
                                      directory: directory)
        #expect(run.status == 1)
        // fax is in the schema read from conf/base.sql; phone is not.
        #expect(try verdicts(run) == ["drop-fax.sql": "hot", "drop-phone.sql": "invalid"])
        #expect(run.stdout.contains("\"unknown-object\""))
    }

    @Test func statsFromTheFileSizeTheTablesUnlessTheFlagGivesOthers() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("stats: sizes.json\n", to: "conf/.patchgate.yml", in: directory)
        try write(#"{"version": 1, "tables": {"public.country": {"rows": 250, "heapBytes": 16384, "indexBytes": 16384}}}"#,
                  to: "conf/sizes.json", in: directory)
        try write(#"{"version": 1, "tables": {"public.customer": {"rows": 250, "heapBytes": 16384, "indexBytes": 16384}}}"#,
                  to: "other.json", in: directory)
        try write("SET lock_timeout = '2s';\nALTER TABLE country ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();\n",
                  to: "rewrite.sql", in: directory)
        let arguments = ["check", "--format", "json", "--config", "conf/.patchgate.yml", "rewrite.sql"]
        let sized = try TestSupport.run(arguments, directory: directory)
        #expect(try verdicts(sized) == ["rewrite.sql": "downtime"])
        let overridden = try TestSupport.run(arguments + ["--stats", "other.json"], directory: directory)
        #expect(try verdicts(overridden) == ["rewrite.sql": "rejected"])
        #expect(overridden.stdout.contains("\"size-unknown\""))
    }

    /// `assumeSmall` and `rates` in the file feed the estimate; `--rate` wins per rate.
    @Test func theFileSetsTheCostModel() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("SET lock_timeout = '2s';\nALTER TABLE country ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();\n",
                  to: "rewrite.sql", in: directory)
        try write(#"{"version": 1, "tables": {"public.country": {"heapBytes": 104857600}}}"#, to: "sizes.json", in: directory)
        let seconds = { (run: TestSupport.Run) in try self.files(run).first?["estimatedSeconds"] as? Double }
        try write("assumeSmall: true\n", to: ".patchgate.yml", in: directory)
        let small = try TestSupport.run(["check", "--format", "json", "rewrite.sql"], directory: directory)
        #expect(try verdicts(small) == ["rewrite.sql": "downtime"])
        try write("stats: sizes.json\nrates:\n  rewrite: 10\n  overhead: 1\n", to: ".patchgate.yml", in: directory)
        let slow = try TestSupport.run(["check", "--format", "json", "rewrite.sql"], directory: directory)
        #expect(try seconds(slow) == 11, "100 MB at 10 MB/s and 1 s of overhead: the ALTER blocks, the SET before it does not")
        let flagged = try TestSupport.run(["check", "--format", "json", "--rate", "rewrite=100", "rewrite.sql"], directory: directory)
        #expect(try seconds(flagged) == 2)
        try write("rates:\n  rewrit: 10\n", to: ".patchgate.yml", in: directory)
        let typo = try TestSupport.run(["check", "rewrite.sql"], directory: directory)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains(".patchgate.yml:2:3: error: unknown rate 'rewrit'"))
    }

    static let budgets: [(yaml: String, flags: [String], budget: String)] = [
        // The table's size is unknown: the downtime cannot be held to the budget, which it names.
        ("profile: launchpad\n", [], "held to the 15 s budget"),
        ("profile: launchpad\npatchBudget: 40s\n", [], "held to the 40 s budget"),
        ("profile: launchpad\npatchBudget: 40s\n", ["--patch-budget", "20s"], "held to the 20 s budget"),
        ("budget: 2m\n", [], "held to the 2 min budget"),
        ("budget: 2m\n", ["--profile", "launchpad"], "held to the 15 s budget"),
        ("profile: launchpad\n", ["--profile", "generic"], "held to the 5 min budget"),
    ]

    @Test(arguments: budgets)
    func budgetsComeFromFlagsThenTheFileThenTheProfile(yaml: String, flags: [String], budget: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        try write(yaml, to: ".patchgate.yml", in: directory)
        try write("SET lock_timeout = '2s';\nALTER TABLE country ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();\n",
                  to: "rewrite.sql", in: directory)
        let run = try TestSupport.run(["check"] + flags + ["rewrite.sql"], directory: directory)
        #expect(run.stdout.contains(budget), "stdout: \(run.stdout)")
    }

    @Test func aRuleLevelChangesSeverityButNotVerdict() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write(Self.dropColumn, to: "drop.sql", in: directory)
        let severity = { (run: TestSupport.Run) throws -> [String] in
            try files(run).flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
                .filter { $0["rule"] as? String == "dropping-column" }.compactMap { $0["severity"] as? String }
        }
        let before = try TestSupport.run(["check", "--format", "json", "drop.sql"], directory: directory)
        #expect(try severity(before) == ["error"])
        try write("rules:\n  dropping-column: warning\n", to: ".patchgate.yml", in: directory)
        let after = try TestSupport.run(["check", "--format", "json", "drop.sql"], directory: directory)
        #expect(try severity(after) == ["warning"])
        #expect(try verdicts(after) == ["drop.sql": "rejected"])
        #expect(after.status == 1)
    }

    @Test func includeAndExcludeSelectFilesBelowADirectory() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("include: 'db/**/*.sql'\nexclude:\n  - db/**/old_*.sql\n  - db/patch-?.sql\n", to: ".patchgate.yml", in: directory)
        for path in ["db/a/b/new.sql", "db/a/old_x.sql", "db/patch-1.sql", "db/patch-10.sql", "other/x.sql"] {
            try write("SELECT 1;\n", to: path, in: directory)
        }
        let run = try TestSupport.run(["check", "--format", "json", "db"], directory: directory)
        #expect(run.status == 0)
        #expect(try verdicts(run).keys.sorted() == ["db/a/b/new.sql", "db/patch-10.sql"])
        // From below the configuration's directory, the globs stay relative to it.
        let below = try TestSupport.run(["check", "--format", "json", "."], directory: directory.appendingPathComponent("db"))
        #expect(try verdicts(below).keys.sorted() == ["./a/b/new.sql", "./patch-10.sql"])
        // A file named on the command line is checked whatever the globs say.
        let named = try TestSupport.run(["check", "--format", "json", "other/x.sql"], directory: directory)
        #expect(try verdicts(named).keys.sorted() == ["other/x.sql"])
        let excluded = try TestSupport.run(["check", "other"], directory: directory)
        #expect(excluded.status == 2)
        #expect(excluded.stdout.contains("no .sql file below it matches the include/exclude of .patchgate.yml"))
    }
}
