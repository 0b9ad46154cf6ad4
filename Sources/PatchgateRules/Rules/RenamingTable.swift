import PatchgateEffects

/// Running code uses the old name until it is redeployed.
struct RenamingTable: CompatibilityRule {
    static let id = "renaming-table"
    static let summary = "RENAME TABLE breaks code that uses the old name"
    static let breakKind = CompatibilityBreak.Kind.renamesTable
    static let help = "rename the table and create an updatable view under the old name in the same patch, then drop the view once no code uses it"
}
