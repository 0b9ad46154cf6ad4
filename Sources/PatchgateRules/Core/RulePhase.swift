/// The rules of one phase, sorted once into those that look at one statement at a time and
/// those that look at the whole patch. Statement rules run statement by statement, each
/// statement handed to every rule in turn: rule by rule, every statement was fetched (and
/// retained) once per rule.
struct RulePhase: Sendable {
    let statementRules: [any StatementRule]
    let patchRules: [any Rule]

    init(_ rules: [any Rule]) {
        statementRules = rules.compactMap(\.asStatementRule)
        patchRules = rules.filter { $0.asStatementRule == nil }
    }

    /// Every finding of the phase's rules. Their order differs from running rule by rule, which
    /// nothing depends on: a file's findings are sorted by place and rule.
    func findings(in patch: PatchContext) -> [Finding] {
        var found = patchRules.flatMap { $0.findings(in: patch) }
        for statement in patch.statements {
            // By index: iterating copied each rule out of its existential box, once per statement.
            for index in statementRules.indices {
                let findings = statementRules[index].check(statement, in: patch)
                // Appending nothing to the still-empty result allocated a buffer all the same.
                if !findings.isEmpty { found += findings }
            }
        }
        return found
    }
}
