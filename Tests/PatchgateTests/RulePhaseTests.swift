import Testing
@testable import PatchgateRules

/// A phase sorts its rules by what they say of themselves; it must agree with their types.
struct RulePhaseTests {
    @Test func everyRuleIsSortedByItsKind() {
        let rules = RuleRegistry.phases.joined() + RuleRegistry.budgetRules
        for rule in rules {
            #expect((rule.asStatementRule != nil) == (rule is any StatementRule), "\(type(of: rule).id)")
        }
        let phases = RuleRegistry.rulePhases + [RuleRegistry.budgetPhase]
        #expect(phases.map { $0.statementRules.count + $0.patchRules.count }.reduce(0, +) == rules.count)
        #expect(phases.contains { !$0.statementRules.isEmpty } && phases.contains { !$0.patchRules.isEmpty })
    }
}
