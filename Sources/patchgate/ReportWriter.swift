import Foundation
import Glibc
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

    /// Writes the file reports; each path that cannot be written gives a message naming it
    /// (the caller says it and exits 2: the report on standard output is already out).
    static func write(_ targets: [OutputTarget], _ result: CheckResult) -> [String] {
        targets.compactMap { target in
            let plain = TextReporter(style: .plain, isQuiet: false)
            let bytes = Array(render(target.format, result, text: plain).utf8)
            return writeFile(bytes, to: target.path).map { "\(target.path): cannot write the \(target.format.rawValue) report: \($0)" }
        }
    }

    /// The system's reason when the file cannot be written, such as "Permission denied".
    private static func writeFile(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withContiguousStorageIfAvailable { Glibc.write(descriptor, $0.baseAddress, $0.count) } ?? -1
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                return reason
            }
            written += count
        }
        return close(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }
}
