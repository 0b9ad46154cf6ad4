import PatchgateEffects

/// Code still running queries the table until it is redeployed.
struct DroppingTable: CompatibilityRule {
    static let id = "dropping-table"
    static let summary = "DROP TABLE breaks code that still uses the table"
    static let breakKind = CompatibilityBreak.Kind.dropsTable
    static let help = "first deploy code that no longer uses the table, then drop it in a later patch (suppress this finding with the reason once that is done)"
}
