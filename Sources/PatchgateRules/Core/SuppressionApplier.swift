import PatchgateSource
import PatchgateSyntax

/// Marks the findings that `patchgate: ignore` comments suppress, and reports the comments that
/// suppress nothing or give no reason.
enum SuppressionApplier {
    static func apply(_ suppressions: [Suppression], to findings: [Finding], source: SourceFile) -> [Finding] {
        var result = findings
        var extra: [Finding] = []
        // A finding that makes the file invalid cannot be excused: PostgreSQL would fail on it.
        let suppressible = RuleRegistry.suppressible
        for suppression in suppressions {
            let unknown = suppression.rules.filter { !suppressible.contains($0) }
            guard let reason = suppression.reason, !suppression.rules.isEmpty, unknown.isEmpty else {
                extra.append(InvalidSuppression.finding(for: suppression, unknownRules: unknown, source: source))
                continue
            }
            var used = false
            for index in result.indices where matches(suppression, result[index]) {
                result[index] = result[index].suppressed(because: reason)
                used = true
            }
            if !used { extra.append(UnusedSuppression.finding(for: suppression, source: source)) }
        }
        return result + extra
    }

    private static func matches(_ suppression: Suppression, _ finding: Finding) -> Bool {
        guard suppression.rules.contains(finding.rule) else { return false }
        switch suppression.scope {
        case .file: return true
        case .statement(let index): return finding.statementIndex == index
        }
    }
}
