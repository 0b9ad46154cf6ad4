import PatchgateEffects

/// A database is dropped only once nothing connects to it: never as a schema patch applied
/// while the application runs.
struct DroppingDatabase: CompatibilityRule {
    static let id = "dropping-database"
    static let summary = "DROP DATABASE is never a live patch"
    static let breakKind = CompatibilityBreak.Kind.dropsDatabase
    static let help = "drop a database by hand, outside the migrations, once no client connects to it"
}
