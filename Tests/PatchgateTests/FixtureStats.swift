import Foundation
import PatchgateEffects
import PatchgateRules
@testable import patchgate

/// The sizes in fixtures/stats.json, read by the same parser as `--stats`.
enum FixtureStats {
    /// A missing or malformed fixture is a failure, not a run without sizes.
    static func load(_ relativePath: String = "fixtures/stats.json") throws -> TableStatistics {
        let url = TestSupport.repositoryRoot.appendingPathComponent(relativePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        do throws(SettingsFileError) { return try StatsFile.parse(text, path: relativePath) } catch { throw StatsProblem(message: error.description) }
    }

    static func parse(_ text: String) throws -> TableStatistics {
        do throws(SettingsFileError) { return try StatsFile.parse(text, path: "stats.json") } catch { throw StatsProblem(message: error.description) }
    }

    struct StatsProblem: Error { let message: String }

    /// Fixture files checked as the README's first command checks them: with these sizes.
    static func checked(_ paths: [String]) throws -> CheckResult {
        var options = CheckOptions()
        options.statistics = try load()
        let files = try paths.map { path in
            let bytes = try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent(path))
            return TestSupport.onLargeStack { Checker.check(path: path, bytes: Array(bytes), options: options) }
        }
        return CheckResult(files: files, inputErrors: [])
    }

    /// Every file of fixtures/examples, in path order.
    static func examples() throws -> CheckResult {
        let directory = TestSupport.repositoryRoot.appendingPathComponent("fixtures/examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        return try checked(names.sorted().map { "fixtures/examples/\($0)" })
    }
}
