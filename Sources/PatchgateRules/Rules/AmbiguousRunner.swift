import PatchgateEffects

/// The layout fits several migration runners, which apply files differently: the report names
/// the one assumed and the others, so that `--runner` can settle it.
struct AmbiguousRunner: Rule {
    static let id = "ambiguous-runner"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "several migration runners fit the layout; the file is checked as the first applies it"

    func findings(in patch: PatchContext) -> [Finding] { patch.findings(Self.self, notes: .ambiguousRunner) }
}
