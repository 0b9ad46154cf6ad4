import PatchgateEffects

/// The runner cannot apply the file as written: its markers are out of order or missing, its
/// configuration beside the file cannot be read, or it cuts a statement apart.
struct MalformedRunnerDirective: Rule {
    static let id = "malformed-runner-directive"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "the runner rejects the file's directives or configuration, or cuts a statement apart"

    func findings(in patch: PatchContext) -> [Finding] { patch.findings(Self.self, notes: .malformedDirective) }
}
