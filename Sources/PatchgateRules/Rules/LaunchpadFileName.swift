import PatchgateSource

/// `upgrade.py` applies only `patch-????-??-?.sql`: a file named otherwise is never applied,
/// however good its SQL.
struct LaunchpadFileName: Rule {
    static let id = "launchpad-file-name"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.hot
    static let summary = "a file in the patch directory that upgrade.py would not apply"

    func findings(in patch: PatchContext) -> [Finding] {
        let path = patch.source.path
        guard patch.options.profile == .launchpad, path != "<stdin>", LaunchpadRevision(fileName: path) == nil else { return [] }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return [patch.finding(Self.self, span: Span(start: 0, end: 0), statementIndex: nil,
                              "\(name) is not named patch-MAJOR-MINOR-N.sql (upgrade.py takes patch-????-??-?.sql): it is never applied, nor replayed",
                              help: "rename it to the next free patch number, e.g. patch-2211-42-0.sql (N is one digit)")]
    }
}
