import Foundation
import Testing

/// Bad configuration files: each stops the run (exit 2) before any patch is checked, naming the
/// file, line and column of the offending key or value.
extension ConfigTests {
    static let badFiles: [(yaml: String, message: String)] = [
        ("profile: generic\nbudget: 5m\nbudgte: 5m\n",
         ".patchgate.yml:3:1: error: unknown key 'budgte' (known: profile, budget, patchBudget, postgresVersion, schema, stats, transaction, runner, maxLockTimeout, include, exclude, rules, assumeSmall, rates, ruleDocsUrl)"),
        ("profile: generic\nbudget: soon\n", ".patchgate.yml:2:9: error: 'budget': 'soon' is not a duration"),
        ("patchBudget: [15s]\n", ".patchgate.yml:1:14: error: 'patchBudget' takes a single value, not a list"),
        ("transaction: maybe\n", ".patchgate.yml:1:14: error: 'transaction': 'maybe' is not one of per-file, none"),
        ("# PostgreSQL\n\npostgresVersion: 16\n", ".patchgate.yml:3:18: error: 'postgresVersion': '16' is not supported: patchgate's facts are proven for PostgreSQL 15 only"),
        ("maxLockTimeout:\n", ".patchgate.yml:1:16: error: 'maxLockTimeout' needs a value"),
        ("ruleDocsUrl: rules/\n", ".patchgate.yml:1:14: error: 'ruleDocsUrl': 'rules/' is not an absolute URL"),
        ("assumeSmall: maybe\n", ".patchgate.yml:1:14: error: 'assumeSmall': 'maybe' is not true or false"),
        ("rates:\n  scan: -3\n", ".patchgate.yml:2:9: error: rate 'scan': '-3' is outside 0.001 to 1000000 MB/s"),
        ("profile: launchpad\nrules:\n  dropping-colum: off\n", ".patchgate.yml:3:3: error: unknown rule 'dropping-colum'"),
        ("rules:\n  dropping-column: loud\n", ".patchgate.yml:2:20: error: 'rules': 'loud' is not one of off, info, warning, error"),
        ("rules:\n    syntax-error: off\n", ".patchgate.yml:2:19: error: rule 'syntax-error' cannot be off"),
        ("rules: [dropping-column]\n", ".patchgate.yml:1:8: error: 'rules' takes a mapping"),
        ("rules:\n", ".patchgate.yml:1:7: error: 'rules' needs a value"),
        ("schema:\n  - base.sql\n  - {b: c}\n", ".patchgate.yml:3:5: error: each entry of 'schema' is a single value, not a mapping"),
        ("? [a]\n: b\n", ".patchgate.yml:1:3: error: a key is a name such as `budget`, not a list"),
        ("budget: 5m\nbudget: 10m\n", ".patchgate.yml:1:1: error: key 'budget' given more than once"),
        ("budget: [5m\n", ".patchgate.yml:2:1: error: invalid YAML"),
        ("- budget\n", ".patchgate.yml:1:1: error: the file must be a mapping"),
        ("runner: flyweight\n", ".patchgate.yml:1:9: error: 'runner': 'flyweight' is not one of psql, psql-single-transaction, flyway"),
        ("runner: {name: atlas, txMode: maybe}\n", ".patchgate.yml:1:31: error: 'runner': txMode 'maybe' is not one of none, file, all"),
        ("runner: {name: goose, multi: true}\n", ".patchgate.yml:1:23: error: 'runner': unknown option 'multi'"),
        ("runner: {multiStatement: true}\n", ".patchgate.yml:1:9: error: 'runner' needs a name"),
    ]

    @Test(arguments: badFiles)
    func badConfigurationStopsTheRunAtItsLine(yaml: String, message: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        try write(yaml, to: ".patchgate.yml", in: directory)
        try write("SELECT 1;\n", to: "good.sql", in: directory)
        let run = try TestSupport.run(["check", "good.sql"], directory: directory)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func anErrorInAFileFoundUpwardNamesItsRelativePath() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("transaction: maybe\n", to: ".patchgate.yml", in: directory)
        try write("SELECT 1;\n", to: "db/good.sql", in: directory)
        let run = try TestSupport.run(["check", "good.sql"], directory: directory.appendingPathComponent("db"))
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("../.patchgate.yml:1:14: error: 'transaction': 'maybe'"))
    }

    @Test func missingExplicitConfigIsAnError() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("SELECT 1;\n", to: "good.sql", in: directory)
        let run = try TestSupport.run(["check", "--config", "missing.yml", "good.sql"], directory: directory)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("missing.yml: error: cannot read the configuration file"))
    }

    @Test func aFlagOverridesTheFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("transaction: none\n", to: ".patchgate.yml", in: directory)
        try write("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);\n", to: "index.sql", in: directory)
        let fromFile = try TestSupport.run(["check", "--format", "json", "index.sql"], directory: directory)
        #expect(try verdicts(fromFile) == ["index.sql": "hot"])
        let fromFlag = try TestSupport.run(["check", "--format", "json", "--transaction", "per-file", "index.sql"], directory: directory)
        #expect(fromFlag.status == 1)
        #expect(try verdicts(fromFlag) == ["index.sql": "invalid"])
        #expect(fromFlag.stdout.contains("\"concurrent-in-transaction\""))
    }

    @Test func theLaunchpadProfileMayComeFromTheFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        try write("SELECT 1;\n", to: "good.sql", in: directory)
        let withoutProfile = try TestSupport.run(["check", "--launchpad-require-concurrently", "good.sql"], directory: directory)
        #expect(withoutProfile.status == 2)
        #expect(withoutProfile.stderr.contains("--launchpad-require-concurrently needs --profile launchpad"))
        try write("profile: launchpad\n", to: ".patchgate.yml", in: directory)
        let fromFile = try TestSupport.run(["check", "--launchpad-require-concurrently", "good.sql"], directory: directory)
        #expect(fromFile.status == 0, "stderr: \(fromFile.stderr)")
    }
}
