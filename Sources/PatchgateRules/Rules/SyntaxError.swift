import PatchgateSource
import PatchgateSyntax

/// PostgreSQL 15's own grammar rejected the statement: the file cannot be applied.
struct SyntaxError: Rule {
    static let id = "syntax-error"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "PostgreSQL 15's grammar rejects the statement"

    func findings(in patch: PatchContext) -> [Finding] {
        patch.parsed.problems.compactMap { problem in
            guard case .syntaxError(let message, let offset, let statement) = problem else { return nil }
            let end = min(offset + 1, patch.source.bytes.count)
            let span = statement.map { _ in Span(start: offset, end: max(offset, end)) } ?? Span(start: offset, end: end)
            return patch.finding(Self.self, span: span, statementIndex: nil,
                                 "PostgreSQL 15: \(message)",
                                 help: "fix the statement so that PostgreSQL 15 accepts it; nothing in this file is applied until then")
        }
    }
}
