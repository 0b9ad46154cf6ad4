import Foundation
import Testing

/// The bundled examples in both formats against `fixtures/golden/`; `PATCHGATE_RECORD=1`
/// rewrites the golden files (CI never does).
@Suite(.serialized)
struct GoldenTests {
    @Test(arguments: [("text", "examples.txt"), ("json", "examples.json"), ("markdown", "examples.md"), ("html", "examples.html"),
                      ("sarif", "examples.sarif"), ("gitlab", "examples.gitlab.json"), ("junit", "examples.junit.xml"),
                      ("github", "examples.github.txt")])
    func examplesMatchGolden(format: String, golden: String) throws {
        let run = try TestSupport.run(["check", "--stats", "fixtures/stats.json", "--format", format, "fixtures/examples"])
        #expect(run.status == 1)
        let url = TestSupport.repositoryRoot.appendingPathComponent("fixtures/golden/\(golden)")
        if ProcessInfo.processInfo.environment["PATCHGATE_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(run.stdout.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(run.stdout == expected, "regenerate with PATCHGATE_RECORD=1 swift test if the change is intended")
    }

    @Test func outputFilesHoldTheSameReports() throws {
        let directory = try TestSupport.temporaryDirectory()
        let sarif = directory.appendingPathComponent("report.sarif").path
        let junit = directory.appendingPathComponent("report.xml").path
        let run = try TestSupport.run(["check", "--stats", "fixtures/stats.json", "--quiet", "--output", "sarif=\(sarif)", "--output", "junit=\(junit)", "fixtures/examples"])
        #expect(run.status == 1)
        let golden = TestSupport.repositoryRoot.appendingPathComponent("fixtures/golden")
        #expect(try String(contentsOfFile: sarif, encoding: .utf8) == String(contentsOf: golden.appendingPathComponent("examples.sarif"), encoding: .utf8))
        #expect(try String(contentsOfFile: junit, encoding: .utf8) == String(contentsOf: golden.appendingPathComponent("examples.junit.xml"), encoding: .utf8))
        let unwritable = try TestSupport.run(["check", "--output", "sarif=/nonexistent/dir/r.sarif", "fixtures/examples"])
        #expect(unwritable.status == 2)
    }

    @Test func outputIsDeterministicAcrossJobCounts() throws {
        let one = try TestSupport.run(["check", "--format", "json", "--jobs", "1", "fixtures/examples"])
        let many = try TestSupport.run(["check", "--format", "json", "--jobs", "4", "fixtures/examples"])
        #expect(one.stdout == many.stdout)
    }

    @Test func examplesShowEveryVerdict() throws {
        let run = try TestSupport.run(["check", "--format", "json", "fixtures/examples"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let verdicts = Set((json["files"] as? [[String: Any]] ?? []).compactMap { $0["verdict"] as? String })
        #expect(verdicts == ["hot", "downtime", "rejected", "invalid"])
    }
}
