import PatchgateRules

/// ANSI styles, chosen once: colour only on a terminal and never with NO_COLOR. Plain and
/// coloured output share every other line of code.
public struct TextStyle: Sendable {
    let bold: String, reset: String, dim: String
    let severity: [Severity: String]
    let verdict: [Verdict: String]

    public static let plain = TextStyle(bold: "", reset: "", dim: "", severity: [:], verdict: [:])
    public static let color = TextStyle(
        bold: "\u{1B}[1m", reset: "\u{1B}[0m", dim: "\u{1B}[2m",
        severity: [.error: "\u{1B}[1;31m", .warning: "\u{1B}[1;33m", .info: "\u{1B}[1;36m"],
        verdict: [.hot: "\u{1B}[1;32m", .downtime: "\u{1B}[1;33m", .rejected: "\u{1B}[1;31m", .invalid: "\u{1B}[1;35m"]
    )

    func paint(_ text: String, _ code: String?) -> String {
        guard let code, !code.isEmpty else { return text }
        return code + text + reset
    }
}
