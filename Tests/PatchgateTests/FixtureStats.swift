import Foundation
import PatchgateEffects
@testable import patchgate

/// The sizes in fixtures/stats.json, read by the same parser as `--stats`.
enum FixtureStats {
    static func load(_ relativePath: String = "fixtures/stats.json") -> TableStatistics {
        let url = TestSupport.repositoryRoot.appendingPathComponent(relativePath)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return (try? StatsFile.parse(text, path: relativePath)) ?? TableStatistics()
    }

    static func parse(_ text: String) throws -> TableStatistics {
        do throws(StatsFile.Problem) { return try StatsFile.parse(text, path: "stats.json") } catch { throw StatsProblem(message: error.message) }
    }

    struct StatsProblem: Error { let message: String }
}
