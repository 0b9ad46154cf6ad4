import PatchgateEffects

/// Running code uses the old name until it is redeployed.
struct RenamingColumn: CompatibilityRule {
    static let id = "renaming-column"
    static let summary = "RENAME COLUMN breaks code that uses the old name"
    static let breakKind = CompatibilityBreak.Kind.renamesColumn
    static let help = "add a new column, write both from the code, backfill, switch readers, then drop the old column"
}
