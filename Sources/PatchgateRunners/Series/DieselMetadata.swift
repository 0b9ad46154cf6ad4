import Foundation
import PatchgateRules

/// Diesel's `metadata.toml` in a migration's directory: `run_in_transaction = false`
/// (diesel_migrations/src/file_based_migrations.rs `TomlMetadata`). Read as TOML's bare
/// `key = value` lines with `#` comments; a line patchgate cannot read is reported with its
/// position, as diesel fails to load such a migration.
enum DieselMetadata {
    static func runner(forMigration path: String) -> DieselRunner {
        let directory = SeriesDirectory.parent(of: path)
        let file = SeriesDirectory.join(directory, "metadata.toml")
        let text: String
        switch RunnerFile.contents(atPath: file) {
        case .absent: return DieselRunner()
        case .unreadable(let error): return DieselRunner(metadataProblem: error.message)
        case .text(let contents): text = contents
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard !content.isEmpty else { continue }
            guard let equals = content.firstIndex(of: "=") else {
                if content.hasPrefix("[") { continue }
                return DieselRunner(metadataProblem: "\(file):\(number + 1):1: `\(content.prefix(60))` is not a TOML key = value line")
            }
            let key = content[..<equals].trimmingCharacters(in: .whitespaces)
            let value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard key == "run_in_transaction" else { continue }
            switch value {
            case "true": return DieselRunner(runInTransaction: (true, number + 1))
            case "false": return DieselRunner(runInTransaction: (false, number + 1))
            default:
                let column = content.distance(from: content.startIndex, to: equals) + 2
                return DieselRunner(metadataProblem: "\(file):\(number + 1):\(column): run_in_transaction = `\(value.prefix(40))` is not a TOML boolean")
            }
        }
        return DieselRunner()
    }
}
