import PatchgateSource
import PatchgateSyntax

/// A suppression must name known rules and say why, so a reviewer can judge it later.
struct InvalidSuppression: Rule {
    static let id = "invalid-suppression"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.hot
    static let summary = "a patchgate: ignore comment without a rule id or a reason"

    func findings(in patch: PatchContext) -> [Finding] { [] }

    static func finding(for suppression: Suppression, unknownRules: [String], source: SourceFile) -> Finding {
        let problem = if suppression.rules.isEmpty {
            "names no rule"
        } else if !unknownRules.isEmpty {
            "names \(unknownRules.joined(separator: ", ")), which is no rule or makes the file invalid (PostgreSQL would fail)"
        } else {
            "gives no reason"
        }
        return finding(span: suppression.span, lines: source.lines, statementIndex: nil,
                       message: "this patchgate: ignore comment \(problem), so it suppresses nothing",
                       help: "write it as `-- patchgate: ignore <rule-id> -- <why this is safe>`")
    }
}
