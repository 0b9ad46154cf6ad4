import PatchgateSource

/// psql substitutes `:name` before the server parses; patchgate checks the statement with a
/// placeholder of the same length.
struct PsqlVariable: Rule {
    static let id = "psql-variable"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "a psql variable, substituted before the server parses"

    func findings(in patch: PatchContext) -> [Finding] {
        patch.parsed.directives.compactMap { directive in
            guard case .variable(let name) = directive.kind else { return nil }
            return patch.finding(Self.self, span: directive.span, statementIndex: nil,
                                 "psql variable :\(name) is substituted by psql; its value is not known here",
                                 help: "patchgate checks the statement as if the variable were a plain name")
        }
    }
}
