import PatchgateEffects

/// Shared body of the rules that report one kind of backwards-incompatible change: code
/// deployed before the patch keeps running while it applies, and after.
protocol CompatibilityRule: StatementRule {
    static var breakKind: CompatibilityBreak.Kind { get }
    static var help: String { get }
}

extension CompatibilityRule {
    static var defaultSeverity: Severity { .error }
    static var verdict: Verdict { .rejected }

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        statement.effects.compatibility.filter { $0.kind == Self.breakKind }.map {
            patch.finding(Self.self, statement, $0.message, help: Self.help)
        }
    }
}
