import Foundation
import PatchgateReport
import PatchgateRules
import PatchgateSource

/// Renders a finished run in every requested format: reporters render, nothing here decides.
enum ReportWriter {
    static func render(_ format: OutputFormat, _ result: CheckResult, text: TextReporter) -> String {
        switch format {
        case .text: text.render(result)
        case .json: JSONReporter.render(result)
        case .markdown: MarkdownReporter.render(result)
        case .html: HTMLReporter.render(result)
        case .sarif: SARIFReporter.render(result)
        case .gitlab: GitLabReporter.render(result)
        case .junit: JUnitReporter.render(result)
        case .github: GitHubReporter.render(result)
        }
    }

    /// Writes the file reports; a path that cannot be written is an I/O error (exit 2).
    static func write(_ targets: [OutputTarget], _ result: CheckResult) -> [InputError] {
        targets.compactMap { target in
            let plain = TextReporter(style: .plain, isQuiet: false)
            do {
                try Data(render(target.format, result, text: plain).utf8).write(to: URL(fileURLWithPath: target.path))
                return nil
            } catch {
                return .unreadable(path: target.path, reason: "cannot write the \(target.format.rawValue) report: \(error.localizedDescription)")
            }
        }
    }
}
