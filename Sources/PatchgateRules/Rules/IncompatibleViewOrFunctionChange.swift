import PatchgateEffects

/// Views and functions are part of the interface running code calls: dropping or renaming one
/// breaks that code until it is redeployed.
struct IncompatibleViewOrFunctionChange: StatementRule {
    static let id = "incompatible-view-or-function-change"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "DROP or RENAME of a view or function breaks code that uses it"

    static let kinds: Set<CompatibilityBreak.Kind> = [.dropsView, .renamesView, .dropsFunction, .renamesFunction]

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        statement.effects.compatibility.filter { Self.kinds.contains($0.kind) }.map { change in
            patch.finding(Self.self, statement, change.message,
                          help: "deploy code that no longer uses it first, then drop or rename it in a later patch; for a view, CREATE OR REPLACE VIEW keeps the name")
        }
    }
}
