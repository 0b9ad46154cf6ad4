import Foundation
import PatchgateRules

/// Flyway's script configuration `<script>.conf` beside a migration: `key=value` lines
/// (https://documentation.red-gate.com/fd/script-configuration-277579296.html); patchgate reads
/// `executeInTransaction`.
enum FlywayScriptConfig {
    /// The runner for the script at `path`, its `.conf` read from disk (`--runner flyway`).
    static func runner(forScript path: String, mixed: Bool) -> FlywayRunner {
        switch RunnerFile.contents(atPath: path + ".conf") {
        case .absent: return FlywayRunner(mixed: mixed)
        case .unreadable(let error): return FlywayRunner(mixed: mixed, configProblem: error.message)
        case .text(let text): return runner(forScript: path, configuration: text, mixed: mixed)
        }
    }

    /// The runner for the script at `path` whose `.conf` holds `configuration` (nil: none).
    static func runner(forScript path: String, configuration: String?, mixed: Bool) -> FlywayRunner {
        guard let text = configuration else { return FlywayRunner(mixed: mixed) }
        let name = SeriesDirectory.name(of: path) + ".conf"
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.trimmingCharacters(in: .whitespaces)
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            guard let equals = content.firstIndex(of: "=") else {
                return FlywayRunner(mixed: mixed, configProblem: "\(name):\(number + 1):1: `\(content.prefix(60))` is not a key=value line")
            }
            let key = content[..<equals].trimmingCharacters(in: .whitespaces)
            let value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard key == "executeInTransaction" else { continue }
            switch value.lowercased() {
            case "true": return FlywayRunner(mixed: mixed, executeInTransaction: (true, number + 1))
            case "false": return FlywayRunner(mixed: mixed, executeInTransaction: (false, number + 1))
            default:
                let column = content.distance(from: content.startIndex, to: equals) + 2
                return FlywayRunner(mixed: mixed, configProblem: "\(name):\(number + 1):\(column): executeInTransaction=`\(value.prefix(40))` is neither true nor false")
            }
        }
        return FlywayRunner(mixed: mixed)
    }
}
