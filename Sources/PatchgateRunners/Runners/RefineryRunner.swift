import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// refinery: `client.transaction()`, `batch_execute(sql)` (one simple query), commit; with
/// `set_grouped(true)` one transaction for every migration of the run. No opt-out exists
/// (rust-db/refinery refinery_core/src/drivers/postgres.rs; feature request rust-db/refinery#277).
public struct RefineryRunner: MigrationRunner {
    public let id = "refinery"
    public let isGrouped: Bool

    public init(isGrouped: Bool = false) {
        self.isGrouped = isGrouped
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        OneQueryApplication(runner: id, directive: nil)
            .application(of: parsed, sections: sections, direction: direction, optOut: nil, scope: isGrouped ? .run : .unit,
                         defaultReason: isGrouped ? "in the run's one transaction (grouped)" : "in one transaction (refinery has no opt-out)")
    }
}
