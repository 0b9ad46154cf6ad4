import PatchgateSource

/// A file with no statement changes nothing; usually a mistake in a patch series.
struct EmptyPatch: Rule {
    static let id = "empty-patch"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.hot
    static let summary = "the file holds no SQL statement"

    func findings(in patch: PatchContext) -> [Finding] {
        guard patch.statements.isEmpty, patch.parsed.problems.isEmpty else { return [] }
        let what = patch.source.bytes.isEmpty ? "the file is empty" : "the file holds only comments and white space"
        return [patch.finding(Self.self, span: .init(start: 0, end: 0), statementIndex: nil,
                              "\(what): no statement to apply",
                              help: "delete the file, or add the statements it was meant to hold")]
    }
}
