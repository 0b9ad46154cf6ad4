import PatchgateEffects
import PatchgateSyntax

/// SQL built while a DO block or a called routine runs cannot be checked before it runs:
/// whatever it locks or rewrites is unknown, so the file cannot be passed as live-safe.
struct OpaqueDynamicSQL: StatementRule {
    static let id = "opaque-dynamic-sql"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.downtime
    static let summary = "a DO block or called routine runs SQL that is not known before it runs"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        var hidden: [OpaqueSQL] = statement.parsed.routineRun?.opaque ?? []
        if case .doBlock(let block) = statement.syntax { hidden += block.opaque }
        let routine = statement.parsed.routineRun.map { "\($0.routine)() runs " } ?? ""
        return hidden.map { part in
            let place = statement.parsed.routineRun == nil ? "" : " (line \(part.bodyLine) of its body)"
            return patch.finding(Self.self, span: part.span, statementIndex: statement.parsed.index,
                                 "\(routine)\(part.reason)\(place): patchgate cannot tell what it locks or rewrites",
                                 help: "write the statements out in the patch (or EXECUTE constant text), or review them by hand and suppress this finding with the reason")
        }
    }
}
