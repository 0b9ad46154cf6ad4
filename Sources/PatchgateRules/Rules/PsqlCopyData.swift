import PatchgateSource

/// The rows of `COPY … FROM stdin` are data, read by psql, not SQL.
struct PsqlCopyData: Rule {
    static let id = "psql-copy-data"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "COPY … FROM stdin data rows, not checked as SQL"

    func findings(in patch: PatchContext) -> [Finding] {
        patch.parsed.directives.compactMap { directive in
            guard case .copyData = directive.kind else { return nil }
            let lines = patch.source.position(of: directive.span.end).line - patch.source.position(of: directive.span.start).line + 1
            return patch.finding(Self.self, span: directive.span, statementIndex: nil,
                                 "\(lines) lines of COPY data are skipped: they are rows, not SQL",
                                 help: "large data loads belong in a data migration run outside the schema window")
        }
    }
}
