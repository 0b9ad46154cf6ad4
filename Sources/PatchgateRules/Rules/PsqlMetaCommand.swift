import PatchgateSource

/// psql runs backslash commands itself; the server never sees them.
struct PsqlMetaCommand: Rule {
    static let id = "psql-meta-command"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "a psql meta-command, run by psql and not checked"

    func findings(in patch: PatchContext) -> [Finding] {
        patch.parsed.directives.compactMap { directive in
            guard case .metaCommand(let name) = directive.kind else { return nil }
            return patch.finding(Self.self, span: directive.span, statementIndex: nil,
                                 "psql meta-command \(name) is run by psql, not by the server; patchgate does not check it",
                                 help: "apply this file with psql; other runners fail on it")
        }
    }
}
