import PatchgateSource
import PatchgateSyntax

/// A suppression that matches no finding hides nothing today and would hide a new finding
/// tomorrow: remove it.
struct UnusedSuppression: Rule {
    static let id = "unused-suppression"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.hot
    static let summary = "a patchgate: ignore comment suppresses nothing"

    func findings(in patch: PatchContext) -> [Finding] { [] }

    static func finding(for suppression: Suppression, source: SourceFile) -> Finding {
        let target = if case .statement = suppression.scope { "the statement after it" } else { "this file" }
        return finding(span: suppression.span, lines: source.lines, statementIndex: nil,
                       message: "no \(suppression.rules.joined(separator: ", ")) finding in \(target) to suppress",
                       help: "remove the comment")
    }
}
