import PatchgateSyntax

/// A statement nested deeper than patchgate follows cannot be analysed safely.
struct StatementTooDeep: Rule {
    static let id = "statement-too-deep"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "a statement is nested too deeply to analyse"

    func findings(in patch: PatchContext) -> [Finding] {
        patch.parsed.problems.compactMap { problem in
            guard case .tooDeep(let statement, let limit) = problem else { return nil }
            return patch.finding(Self.self, span: statement, statementIndex: nil,
                                 "statement is nested more than \(limit) levels deep; patchgate cannot analyse it",
                                 help: "split the expression (for example into a temporary table or a function) so that a reviewer can read it")
        }
    }
}
