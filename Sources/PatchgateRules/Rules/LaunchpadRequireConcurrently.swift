import PatchgateEffects

/// With --launchpad-require-concurrently, a hot patch must say CONCURRENTLY itself, so that
/// running the file as written cannot block writes.
struct LaunchpadRequireConcurrently: StatementRule {
    static let id = "launchpad-require-concurrently"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "a hot Launchpad patch builds an index without writing CONCURRENTLY (--launchpad-require-concurrently)"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard let launchpad = patch.launchpad, patch.options.launchpadRequiresConcurrently,
              launchpad.appliedConcurrently.contains(statement.parsed.index) else { return [] }
        return [patch.finding(Self.self, statement,
                              "hot patch: CREATE INDEX does not say CONCURRENTLY; run as written it blocks writes to the table for the whole build",
                              help: "write CREATE INDEX CONCURRENTLY in the patch")]
    }
}
