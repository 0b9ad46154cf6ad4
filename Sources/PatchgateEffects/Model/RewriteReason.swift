/// Why a statement rewrites a table, so each rule can speak to its own cause.
public enum RewriteReason: Hashable, Sendable {
    case volatileDefault(column: String)
    case serialColumn(column: String)
    case identityColumn(column: String)
    case generatedColumn(column: String)
    case typeChange(column: String)
    case persistenceChange
    case tablespaceChange
    case accessMethodChange
    case vacuumFull
    case cluster
    case materializedViewRefresh
}
