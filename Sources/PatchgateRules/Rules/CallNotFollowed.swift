import PatchgateEffects

/// Calls are followed one level deep: what a called routine calls in turn is not analysed.
struct CallNotFollowed: StatementRule {
    static let id = "call-not-followed"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "a routine called by the patch calls another routine, which patchgate does not follow"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard let run = statement.parsed.routineRun, !run.unfollowedCalls.isEmpty else { return [] }
        let names = run.unfollowedCalls.map { "\($0)()" }.joined(separator: ", ")
        return [patch.finding(Self.self, statement,
                              "\(run.routine)() calls \(names): calls are followed one level deep, so what those run is not analysed",
                              help: "review what the inner routines run, or call them from the patch itself")]
    }
}
