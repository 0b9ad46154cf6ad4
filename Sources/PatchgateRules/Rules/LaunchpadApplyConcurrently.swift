import PatchgateEffects

/// Launchpad's hot patches write CREATE INDEX plain and the DBA runs it with CONCURRENTLY by
/// hand; patchgate analyses it that way and says so, rather than rejecting the plain build.
struct LaunchpadApplyConcurrently: StatementRule {
    static let id = "launchpad-apply-concurrently"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "a plain CREATE INDEX in a hot Launchpad patch is applied with CONCURRENTLY"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard let launchpad = patch.launchpad, !patch.options.launchpadRequiresConcurrently,
              launchpad.appliedConcurrently.contains(statement.parsed.index),
              case .createIndex(let index) = statement.syntax else { return [] }
        return [patch.finding(Self.self, statement,
                              "hot patch: run this CREATE INDEX by hand as CREATE INDEX CONCURRENTLY\(index.name.map { " (\($0))" } ?? ""); it is checked as the concurrent build",
                              help: "apply it outside a transaction, without long transactions open, and check afterwards that the index is valid")]
    }
}
