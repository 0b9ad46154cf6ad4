import Foundation
import Testing

/// The index work a report lists (`effects.indexBuilds`) is the index work its estimate charges
/// (`estimate.inputs`), statement by statement, over real series read against a schema: the
/// Launchpad baseline and its patches, and every corpus directory replayed as a series (each
/// file read against the schema its predecessors left). Checked on the JSON the binary prints,
/// so what a CI job reads agrees with itself. Skipped without ../shared/corpus.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.corpus.path), "needs ../shared/corpus"))
struct IndexBuildAgreementTests {
    struct Run: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var testDescription: String { name }
    }

    static let launchpad = "launchpad/launchpad-2211-00-0.sql"

    static var runs: [Run] {
        let corpus = TestSupport.corpus.path
        var runs = [
            Run(name: "launchpad baseline", arguments: ["\(corpus)/\(launchpad)"]),
            Run(name: "launchpad patches", arguments: ["--profile", "launchpad", "--schema", "\(corpus)/\(launchpad)",
                                                       "\(corpus)/launchpad/patches"]),
        ]
        let series = (try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []
        for name in series.sorted() where name != "launchpad" && !name.hasSuffix(".md") {
            runs.append(Run(name: name, arguments: ["\(corpus)/\(name)"]))
        }
        return runs
    }

    @Test(arguments: runs)
    func indexBuildsAreWhatTheEstimateCharges(run: Run) throws {
        let result = try TestSupport.run(["check", "--format", "json", "--no-config"] + run.arguments)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                  "\(run.name): no JSON (exit \(result.status)): \(result.stderr.prefix(300))")
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(!files.isEmpty)
        var statements = 0, builds = 0
        var disagreements: [String] = []
        for file in files {
            for statement in file["statements"] as? [[String: Any]] ?? [] {
                statements += 1
                let effects = statement["effects"] as? [String: Any] ?? [:]
                let listed = effects["indexBuilds"] as? [[String: Any]] ?? []
                builds += listed.count
                let charged = ((statement["estimate"] as? [String: Any])?["inputs"] as? [[String: Any]] ?? [])
                    .filter { $0["operation"] as? String == "index-build" }
                if let problem = Self.disagreement(listed: listed, charged: charged) {
                    disagreements.append("\(file["path"] as? String ?? "?"):\(statement["line"] as? Int ?? 0): \(problem)")
                }
            }
        }
        #expect(statements > 0)
        #expect(disagreements.isEmpty, "\(run.name): \(disagreements.count) of \(statements) statements (\(builds) builds) disagree:\n\(disagreements.prefix(10).joined(separator: "\n"))")
    }

    /// A named build is charged once, under its index; a build that stands for every index of a
    /// table no schema lists is charged per index the statistics know (maybe none); a build on
    /// an empty table is not charged; nothing else is charged.
    static func disagreement(listed: [[String: Any]], charged: [[String: Any]]) -> String? {
        var remaining = charged
        for build in listed where build["emptyTable"] as? Bool != true {
            if let index = build["index"] as? String {
                guard let position = remaining.firstIndex(where: { $0["index"] as? String == index }) else {
                    return "\(index) is built but not charged"
                }
                remaining.remove(at: position)
            } else if let table = build["table"] as? String {
                remaining.removeAll { $0["relation"] as? String == table }
            }
        }
        for build in listed where build["emptyTable"] as? Bool == true {
            if let index = build["index"] as? String, remaining.contains(where: { $0["index"] as? String == index }) {
                return "\(index) is built on an empty table but charged"
            }
        }
        guard remaining.isEmpty else {
            return "charged but not listed: \(remaining.map { ($0["index"] as? String) ?? ($0["relation"] as? String ?? "?") })"
        }
        return nil
    }
}

/// The comparison itself can fail: each way the two lists can drift is caught.
struct IndexBuildDisagreementTests {
    static let build: [String: Any] = ["index": "public.t_a_idx", "table": "public.t", "emptyTable": false]
    static let charge: [String: Any] = ["index": "public.t_a_idx", "relation": "public.t", "operation": "index-build"]

    @Test func agreeingListsPass() {
        #expect(IndexBuildAgreementTests.disagreement(listed: [Self.build], charged: [Self.charge]) == nil)
    }

    @Test func aBuildNotChargedFails() {
        #expect(IndexBuildAgreementTests.disagreement(listed: [Self.build], charged: []) != nil)
    }

    @Test func aChargeNotListedFails() {
        #expect(IndexBuildAgreementTests.disagreement(listed: [], charged: [Self.charge]) != nil)
    }

    @Test func aChargedBuildOnAnEmptyTableFails() {
        var empty = Self.build
        empty["emptyTable"] = true
        #expect(IndexBuildAgreementTests.disagreement(listed: [empty], charged: [Self.charge]) != nil)
    }
}
