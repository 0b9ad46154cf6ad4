import PatchgateEffects

/// A directive the file's runner reads otherwise than it looks: `-- patchgate: no-transaction`
/// under a runner, sqlx's `-- no-transaction` after the first byte, a dbmate option value other
/// than true or false.
struct RunnerDirective: Rule {
    static let id = "runner-directive"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.hot
    static let summary = "a directive the file's runner ignores or reads otherwise than it looks"

    func findings(in patch: PatchContext) -> [Finding] { patch.findings(Self.self, notes: .directiveWarning) }
}
