import PatchgateSource
import PatchgateSyntax

/// Marks the findings that `patchgate: ignore` comments suppress, and reports the comments that
/// suppress nothing or give no reason.
enum SuppressionApplier {
    static func apply(_ suppressions: [Suppression], to findings: [Finding], source: SourceFile,
                      statements: [ParsedStatement] = []) -> [Finding] {
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
            for index in result.indices where matches(suppression, result[index], statements: statements) {
                result[index] = result[index].suppressed(because: reason)
                used = true
            }
            if !used { extra.append(UnusedSuppression.finding(for: suppression, source: source)) }
        }
        return result + extra
    }

    /// A comment before a DO block or call covers the statements it runs too.
    private static func matches(_ suppression: Suppression, _ finding: Finding, statements: [ParsedStatement]) -> Bool {
        guard suppression.rules.contains(finding.rule) else { return false }
        switch suppression.scope {
        case .file: return true
        case .statement(let index):
            var current = finding.statementIndex
            while let statement = current {
                if statement == index { return true }
                current = EmbeddedFindings.statement(statement, in: statements)?.embedding?.runBy
            }
            return false
        }
    }
}
