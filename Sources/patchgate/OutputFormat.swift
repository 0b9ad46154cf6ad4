import ArgumentParser
import PatchgateRules

/// The report formats; `text` and `json` stream file by file, the others need the whole run.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html, sarif, gitlab, junit, github

    var streamsPerFile: Bool { self == .text || self == .json }
}

extension TransactionModeArgument: ExpressibleByArgument {}
extension Profile: ExpressibleByArgument {}

/// `--transaction per-file|none`.
enum TransactionModeArgument: String, CaseIterable {
    case perFile = "per-file"
    case none
}

/// `--output FORMAT=PATH`: one more report, written to a file.
struct OutputTarget: ExpressibleByArgument {
    let format: OutputFormat
    let path: String

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let format = OutputFormat(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
        self.format = format
        self.path = parts[1]
    }
}
