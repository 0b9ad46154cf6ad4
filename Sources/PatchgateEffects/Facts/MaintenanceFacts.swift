import PatchgateSyntax

/// VACUUM, ANALYZE, CLUSTER, REFRESH MATERIALIZED VIEW.
enum MaintenanceFacts {
    static let vacuum = Fact("maintenance.vacuum", lock: .shareUpdateExclusive, doc: "sql-vacuum.html",
        truth: ["vacuum", "vacuum-full-false", "vacuum-full-off", "vacuum-full-zero"],
        note: "cannot run inside a transaction block; FULL false (off, 0) is a plain VACUUM")
    static let vacuumFull = Fact("maintenance.vacuum-full", lock: .accessExclusive, rewrites: true, doc: "sql-vacuum.html",
        truth: ["vacuum-full", "vacuum-full-true"])
    static let analyze = Fact("maintenance.analyze", lock: .shareUpdateExclusive, doc: "sql-analyze.html", truth: ["analyze"])
    static let cluster = Fact("maintenance.cluster", lock: .accessExclusive, rewrites: true, doc: "sql-cluster.html",
        truth: ["cluster-table-using-index", "cluster-table-marked", "cluster-all-marked"],
        note: "a bare CLUSTER re-clusters every table marked CLUSTER ON, and cannot run inside a transaction block")
    static let refresh = Fact("maintenance.refresh-materialized-view", lock: .accessExclusive, rewrites: true,
        doc: "sql-refreshmaterializedview.html", truth: ["refresh-materialized-view"])
    static let refreshConcurrently = Fact("maintenance.refresh-materialized-view.concurrently", lock: .exclusive,
        doc: "sql-refreshmaterializedview.html", truth: ["refresh-materialized-view-concurrently"],
        note: "EXCLUSIVE: reads go on, and the contents are updated in place")

    static let all = [vacuum, vacuumFull, analyze, cluster, refresh, refreshConcurrently]

    static func vacuum(_ statement: Vacuum, state: PatchState, into effects: inout StatementEffects) {
        let fact = !statement.isVacuum ? analyze : statement.isFull ? vacuumFull : vacuum
        if statement.isVacuum { effects.isTransactional = false }
        for table in statement.tables.map(state.resolve) {
            effects.lock(table, state.kind(of: table), by: fact)
            effects.rewrite(table, by: fact, .vacuumFull)
        }
    }

    static func cluster(_ statement: Cluster, state: PatchState, into effects: inout StatementEffects) {
        guard let table = statement.table.map(state.resolve) else {
            // Each marked table is clustered in a transaction of its own.
            effects.isTransactional = false
            for marked in state.catalog.clusteredTables { recluster(marked, state: state, into: &effects) }
            return
        }
        effects.lock(table, state.kind(of: table), by: cluster)
        if let index = statement.index.map({ QualifiedName(schema: table.schema, name: $0) }) {
            effects.lock(index, .index, by: cluster)
        }
        effects.rewrite(table, by: cluster, .cluster)
    }

    private static func recluster(_ table: QualifiedName, state: PatchState, into effects: inout StatementEffects) {
        effects.lock(table, state.kind(of: table), by: cluster)
        effects.rewrite(table, by: cluster, .cluster)
    }

    static func refresh(_ statement: RefreshMaterializedView, state: PatchState, into effects: inout StatementEffects) {
        let view = state.resolve(statement.name)
        let fact = statement.isConcurrent ? refreshConcurrently : refresh
        effects.lock(view, .materializedView, by: fact)
        effects.rewrite(view, by: fact, .materializedViewRefresh)
    }
}
