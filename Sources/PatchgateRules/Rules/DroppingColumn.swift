import PatchgateEffects

/// Code still running reads and writes the column until it is redeployed.
struct DroppingColumn: CompatibilityRule {
    static let id = "dropping-column"
    static let summary = "DROP COLUMN breaks code that still uses the column"
    static let breakKind = CompatibilityBreak.Kind.dropsColumn
    static let help = "first deploy code that no longer uses the column, then drop it in a later patch (suppress this finding with the reason once that is done)"
}
