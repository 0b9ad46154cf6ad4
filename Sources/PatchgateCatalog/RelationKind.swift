/// The kinds of relation a lock, a catalog entry or a report names.
public enum RelationKind: String, Hashable, Sendable {
    case table, partitionedTable = "partitioned-table", index, sequence, view, materializedView = "materialized-view"
}
