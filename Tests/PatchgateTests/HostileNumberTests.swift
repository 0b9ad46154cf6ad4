import Foundation
import Testing

/// Numbers past what the arithmetic holds, in flags, in `.patchgate.yml` and in a stats file:
/// a flag or key is refused by name (exit 2, before any file), an estimate saturates; nothing
/// traps (a trap shows as status 132).
@Suite(.serialized)
struct HostileNumberTests {
    static let flags: [(arguments: [String], message: String)] = [
        (["--budget", "9999999999999999999999"], "--budget: '9999999999999999999999' is longer than 10000h"),
        (["--budget", "1" + String(repeating: "0", count: 400)], "--budget: '1000"),
        (["--patch-budget", "9999999999999999999999"], "--patch-budget: '9999999999999999999999' is longer than 10000h"),
        (["--max-lock-timeout", "99999999999999999999s"],
         "--max-lock-timeout: '99999999999999999999s' is longer than PostgreSQL's limit for lock_timeout, 2147483647ms"),
        (["--rate", "overhead=1e300"], "--rate: rate 'overhead': '1e300' is outside 0.000001 to 3600 seconds per statement"),
        (["--rate", "scan=1e-320"], "--rate: rate 'scan': '1e-320' is outside 0.001 to 1000000 MB/s"),
        (["--rate", "rewrite=inf"], "--rate: rate 'rewrite': 'inf' is outside 0.001 to 1000000 MB/s"),
        (["--changed-since=--octopus"], "--changed-since: '--octopus' is not a revision"),
    ]

    @Test(arguments: flags)
    func hugeFlagIsRefusedByName(arguments: [String], message: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data("SELECT 1;\n".utf8).write(to: directory.appendingPathComponent("good.sql"))
        let run = try TestSupport.run(["check", "--no-config"] + arguments + ["good.sql"], directory: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    static let configurations: [(yaml: String, message: String)] = [
        ("budget: 1e400\n", ".patchgate.yml:1:9: error: 'budget': '1e400' is not a duration"),
        ("budget: inf\n", ".patchgate.yml:1:9: error: 'budget': 'inf' is not a duration"),
        ("budget: 99999999999999999999999h\n", ".patchgate.yml:1:9: error: 'budget': '99999999999999999999999h' is longer than 10000h"),
        ("patchBudget: 9999999999999999999999\n", ".patchgate.yml:1:14: error: 'patchBudget': '9999999999999999999999' is longer than 10000h"),
        ("maxLockTimeout: 99999999999999999999s\n", ".patchgate.yml:1:17: error: 'maxLockTimeout': '99999999999999999999s' is longer than PostgreSQL's limit"),
        ("rates:\n  scan: 1e-320\n", ".patchgate.yml:2:9: error: rate 'scan': '1e-320' is outside 0.001 to 1000000 MB/s"),
        ("rates:\n  rewrite: 1e400\n", ".patchgate.yml:2:12: error: rate 'rewrite': '1e400' is outside 0.001 to 1000000 MB/s"),
        ("rates:\n  overhead: inf\n", ".patchgate.yml:2:13: error: rate 'overhead': 'inf' is outside 0.000001 to 3600 seconds"),
        ("rates:\n  overhead: 1e-320\n", ".patchgate.yml:2:13: error: rate 'overhead': '1e-320' is outside 0.000001 to 3600 seconds"),
        ("rates:\n  scan: .nan\n", ".patchgate.yml:2:9: error: rate 'scan': '.nan' is not a number"),
    ]

    @Test(arguments: configurations)
    func hugeSettingIsRefusedAtItsLine(yaml: String, message: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data(yaml.utf8).write(to: directory.appendingPathComponent(".patchgate.yml"))
        try Data("SELECT 1;\n".utf8).write(to: directory.appendingPathComponent("good.sql"))
        let run = try TestSupport.run(["check", "good.sql"], directory: directory)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// A table of Int64.max bytes plus its TOAST: whole-table UPDATE, rewrite, VACUUM FULL and
    /// a scan saturate at the ceiling (1e9 s) in every file, in text and JSON alike.
    @Test(arguments: ["text", "json", "html", "sarif"])
    func sizesPastInt64SaturateTheEstimate(format: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        let stats = "version: 1\ntables:\n  orders: {heapBytes: 9223372036854775807, toastBytes: 9223372036854775807}\n"
        try Data(stats.utf8).write(to: directory.appendingPathComponent("stats.yml"))
        let patches = [
            "update.sql": "UPDATE orders SET note = '';\n",
            "rewrite.sql": "ALTER TABLE orders ALTER COLUMN note TYPE varchar(10);\n",
            "vacuum.sql": "-- patchgate: no-transaction\nVACUUM FULL orders;\n",
            "scan.sql": "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;\nALTER TABLE orders ALTER COLUMN id SET NOT NULL;\n",
        ]
        for (name, sql) in patches { try Data(sql.utf8).write(to: directory.appendingPathComponent(name)) }
        let run = try TestSupport.run(["check", "--no-config", "--stats", "stats.yml", "--format", format] + patches.keys.sorted(),
                                      directory: directory)
        #expect(run.status == 1, "stderr: \(run.stderr)")
        for name in patches.keys { #expect(run.stdout.contains(name)) }
        if format == "json" {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let files = try #require(json["files"] as? [[String: Any]])
            #expect(files.count == 4)
            for file in files { #expect(file["estimatedSeconds"] as? Double == 1e9, "\(file["path"] ?? "")") }
        }
    }

    /// PostgreSQL refuses a lock_timeout past INT_MAX milliseconds: such a SET sets nothing.
    @Test func lockTimeoutPastPostgreSQLsLimitSetsNothing() throws {
        let directory = try TestSupport.temporaryDirectory()
        let sql = "SET lock_timeout = '99999999999999999999s';\nALTER TABLE t ADD COLUMN c int;\n"
        try Data(sql.utf8).write(to: directory.appendingPathComponent("p.sql"))
        let run = try TestSupport.run(["check", "--no-config", "p.sql"], directory: directory)
        #expect(run.status == 0)
        #expect(run.stdout.contains("p.sql:2:1: warning[require-lock-timeout]"))
    }
}
