import PatchgateEffects

/// Launchpad's manual lists what may be applied live; anything else waits for the fast
/// downtime, however short its locks (a lock_timeout guard does not make ADD COLUMN hot there).
struct LaunchpadColdPatch: Rule {
    static let id = "launchpad-cold-patch"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.downtime
    static let summary = "a Launchpad patch with a statement the manual does not let run live is applied in the fast downtime"

    func findings(in patch: PatchContext) -> [Finding] {
        guard let launchpad = patch.launchpad, let cold = launchpad.firstColdStatement,
              let statement = patch.statement(numbered: cold.index) else { return [] }
        return [patch.finding(Self.self, statement,
                              "cold patch: \(cold.listing.description); full-update.py applies it in the fast downtime, in one transaction with the other cold patches",
                              help: "keep it small enough for the 15-second budget; move index builds and view or function changes to a hot patch of their own")]
    }
}
