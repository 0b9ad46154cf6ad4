import PatchgateSource

/// A patch at or below the baseline's revision is already in the baseline dump: checking it
/// against that dump would report its own tables as already existing. It is checked without the
/// schema instead, and the report says so.
struct LaunchpadInBaseline: Rule {
    static let id = "launchpad-in-baseline"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "a patch the baseline schema already contains, checked without the schema"

    func findings(in patch: PatchContext) -> [Finding] {
        guard let baseline = patch.options.containingBaseline else { return [] }
        let name = patch.source.path.split(separator: "/").last.map(String.init) ?? patch.source.path
        return [patch.finding(Self.self, span: Span(start: 0, end: 0), statementIndex: nil,
                              "\(name) is already contained in the baseline \(baseline): checked without the schema, not replayed",
                              help: "nothing to do; a patch above the baseline's revision is checked against it")]
    }
}
