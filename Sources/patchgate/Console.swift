import Foundation
import PatchgateReport
#if canImport(Glibc)
import Glibc
#endif

enum Console {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One message line on standard error. Messages quote file names, flags and configuration
    /// values: their control and bidirectional characters are shown replaced, so that no input
    /// can drive the terminal or start a CI log line (a workflow command) of its own.
    static func writeError(_ message: String) {
        FileHandle.standardError.write(Data((SourceExcerpt.sanitize(message) + "\n").utf8))
    }

    /// A message of several lines (a usage error and its usage text), each line made safe.
    static func writeError(lines text: String) {
        text.split(separator: "\n", omittingEmptySubsequences: false).forEach { writeError(String($0)) }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var usesColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
