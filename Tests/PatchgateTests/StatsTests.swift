import Foundation
import Testing
import PatchgateEffects
import PatchgateSyntax

/// `--stats` files: version 1, JSON or YAML, every mistake reported with its line.
struct StatsTests {
    @Test func jsonAndYamlGiveTheSameSizes() throws {
        let json = #"{"version":1,"tables":{"public.orders":{"rows":1100000000,"heapBytes":654982512640,"indexBytes":150323855360,"indexes":{"public.orders_pkey":26843545600}},"customer":{"heapBytes":1024}}}"#
        let yaml = """
            version: 1
            tables:
              public.orders:
                rows: 1100000000
                heapBytes: 654982512640
                indexBytes: 150323855360
                indexes:
                  public.orders_pkey: 26843545600
              customer:
                heapBytes: 1024
            """
        let fromJSON = try FixtureStats.parse(json), fromYAML = try FixtureStats.parse(yaml)
        let orders = try #require(fromJSON.size(of: QualifiedName(schema: "public", name: "orders")))
        #expect(orders.heapBytes == 654_982_512_640)
        #expect(orders.rows == 1_100_000_000)
        #expect(orders.indexes[QualifiedName(schema: "public", name: "orders_pkey")] == 26_843_545_600)
        #expect(fromJSON.size(of: QualifiedName(name: "customer"))?.heapBytes == 1024, "unqualified means public")
        #expect(fromJSON.tables == fromYAML.tables)
    }

    @Test(arguments: [
        ("version: 1\ntables:\n  orders:\n    heapBytes: 10\n    heapbytes: 3\n", "stats.json:5:5: error: unknown key 'heapbytes'"),
        ("version: 1\ntables:\n  orders:\n    heapBytes: -4\n", "stats.json:4:16: error: '-4' is not a whole number"),
        ("version: 1\ntables:\n  orders:\n    heapBytes: lots\n", "stats.json:4:16: error: 'lots' is not a whole number"),
        ("version: 2\ntables: {}\n", "stats.json:1:10: error: unsupported version"),
        ("version: 1\ntables:\n  orders:\n    rows: 3\n", "stats.json:4:5: error: missing key 'heapBytes'"),
        ("version: 1\ntables:\n  a.b.c:\n    heapBytes: 1\n", "stats.json:3:3: error: 'a.b.c' is not a table name"),
        ("version: 1\ntabels: {}\n", "stats.json:2:1: error: unknown key 'tabels'"),
        ("{\"version\": 1,\n \"tables\": {\"orders\": {\"heapBytes\": 1}\n", "stats.json:3:1: error: invalid YAML"),
    ])
    func mistakesNameTheirLine(text: String, message: String) {
        #expect(throws: FixtureStats.StatsProblem.self) { try FixtureStats.parse(text) }
        do {
            _ = try FixtureStats.parse(text)
        } catch let problem as FixtureStats.StatsProblem {
            #expect(problem.message.hasPrefix(message), "\(problem.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func badStatsFileStopsTheRunNamingTheFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        let stats = directory.appendingPathComponent("sizes.yaml")
        try Data("version: 1\ntables:\n  orders:\n    heapBytes: soon\n".utf8).write(to: stats)
        let run = try TestSupport.run(["check", "--stats", stats.path, "fixtures/examples/05-blocking-index.sql"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("sizes.yaml:4:16: error: 'soon' is not a whole number"))
        let missing = try TestSupport.run(["check", "--stats", directory.appendingPathComponent("none.json").path, "fixtures/examples"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.json"))
    }

    /// The fixtures' stats make the same kind of rewrite a short downtime on a small table and
    /// a rejection on a big one, and the whole run fits the window.
    @Test func fixtureStatsSplitDowntimeFromRejected() throws {
        let run = try TestSupport.run(["check", "--stats", "fixtures/stats.json", "--format", "json",
                                       "fixtures/examples/04-volatile-default.sql", "fixtures/examples/13-volatile-default-small-table.sql"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["verdict"] as? String } == ["rejected", "downtime"])
        try #require(files.count == 2)
        let statement = try #require((files[1]["statements"] as? [[String: Any]])?.first)
        let estimate = try #require(statement["estimate"] as? [String: Any])
        let inputs = try #require(estimate["inputs"] as? [[String: Any]])
        #expect(inputs.first?["relation"] as? String == "public.country")
        #expect(inputs.first?["bytes"] as? Int == 16384)
        #expect(inputs.first?["rateMBps"] as? Double == 80)
        #expect(files[1]["budgetSeconds"] as? Double == 300)
        #expect((files[0]["estimatedSeconds"] as? Double ?? 0) > 300)
    }

    /// Each file fits its patch budget, but the window holds them all: a budget between the
    /// longer file and the sum of both passes each file and fails the run.
    @Test func theWindowHoldsEveryDowntimeFileTogether() throws {
        let arguments = ["check", "--stats", "fixtures/stats.json", "fixtures/examples/11-backfill.sql", "fixtures/examples/13-volatile-default-small-table.sql"]
        let measured = try TestSupport.run(arguments + ["--format", "json"])
        #expect(measured.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(measured.stdout.utf8)) as? [String: Any])
        let seconds = (document["files"] as? [[String: Any]] ?? []).compactMap { $0["estimatedSeconds"] as? Double }
        #expect(seconds.count == 2 && seconds.allSatisfy { $0 > 0 })
        let between = (seconds.max()! + seconds.reduce(0, +)) / 2
        let over = try TestSupport.run(arguments + ["--budget", "\(between)s", "--patch-budget", "1h"])
        #expect(over.status == 1)
        #expect(over.stdout.contains("verdicts: 0 hot, 2 downtime, 0 rejected"))
        #expect(over.stdout.contains("over budget"))
    }
}
