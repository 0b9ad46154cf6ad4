import PatchgateEffects

/// A directive of a runner other than the one that applies the file: that runner ignores it.
struct ForeignRunnerDirective: Rule {
    static let id = "foreign-runner-directive"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "a directive of another migration runner, which the file's runner ignores"

    func findings(in patch: PatchContext) -> [Finding] { patch.findings(Self.self, notes: .foreignDirective) }
}
