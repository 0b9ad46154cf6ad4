import PatchgateEffects

/// The suffix N of patch-MAJOR-MINOR-N.sql was the convention for the class (0 cold, above 0
/// hot), but the landing branch decided, and the corpus has many N > 0 patches with cold
/// statements: the content decides, the name is only compared.
struct LaunchpadNameClassMismatch: Rule {
    static let id = "launchpad-name-class-mismatch"
    static let defaultSeverity = Severity.info
    static let verdict = Verdict.hot
    static let summary = "a Launchpad patch's name suffix says hot or cold, its statements say the other"

    func findings(in patch: PatchContext) -> [Finding] {
        guard let launchpad = patch.launchpad, let revision = launchpad.revision, !patch.statements.isEmpty,
              revision.isNamedHot != (launchpad.applyClass == .hot) else { return [] }
        let named = revision.isNamedHot ? "hot (N = \(revision.patch) > 0)" : "cold (N = 0)"
        if launchpad.applyClass == .cold, let cold = launchpad.firstColdStatement,
           let statement = patch.statement(numbered: cold.index) {
            return [patch.finding(Self.self, statement,
                                  "the file name says \(named), but the patch is cold: \(cold.listing.description)",
                                  help: "land it as a cold patch (db-devel, applied in the fast downtime), or move this statement to a cold patch of its own")]
        }
        guard let first = patch.statements.first else { return [] }
        return [patch.finding(Self.self, first,
                              "the file name says \(named), but every statement is on the hot list: the patch can be applied live",
                              help: "land it as a hot patch (master, applied by hand outside the downtime)")]
    }
}
