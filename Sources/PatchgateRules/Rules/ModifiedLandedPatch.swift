import PatchgateSource

/// A patch that has landed may already be applied somewhere: editing it changes nothing there
/// and makes databases disagree. Found with `--changed-since`.
struct ModifiedLandedPatch: Rule {
    static let id = "modified-landed-patch"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "a patch that already landed was modified"

    func findings(in patch: PatchContext) -> [Finding] {
        guard patch.options.isLandedPatch else { return [] }
        return [patch.finding(Self.self, span: Span(start: 0, end: 0), statementIndex: nil,
                              "\(patch.source.path) already exists at the merge base: landed patches are immutable",
                              help: "revert the change and put it in a new patch")]
    }
}
