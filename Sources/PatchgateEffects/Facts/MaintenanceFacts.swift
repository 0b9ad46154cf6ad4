import PatchgateSyntax

/// VACUUM, ANALYZE, CLUSTER, REFRESH MATERIALIZED VIEW.
enum MaintenanceFacts {
    static let vacuum = Fact("maintenance.vacuum", lock: .shareUpdateExclusive, doc: "sql-vacuum.html",
        truth: ["vacuum"], note: "cannot run inside a transaction block")
    static let vacuumFull = Fact("maintenance.vacuum-full", lock: .accessExclusive, rewrites: true, doc: "sql-vacuum.html",
        truth: ["vacuum-full"])
    static let analyze = Fact("maintenance.analyze", lock: .shareUpdateExclusive, doc: "sql-analyze.html", truth: ["analyze"])
    static let cluster = Fact("maintenance.cluster", lock: .accessExclusive, rewrites: true, doc: "sql-cluster.html",
        truth: ["cluster-table-using-index", "cluster-table-marked"])
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
            effects.lock(table, state.kind(of: table), fact.lock)
            if fact.rewritesTable {
                effects.appendUnique(table, to: \.rewrites)
                effects.rewriteReasons.append(.vacuumFull)
            }
        }
    }

    static func cluster(_ statement: Cluster, state: PatchState, into effects: inout StatementEffects) {
        guard let table = statement.table.map(state.resolve) else {
            effects.isTransactional = false
            return
        }
        effects.lock(table, state.kind(of: table), cluster.lock)
        if let index = statement.index.map({ QualifiedName(schema: table.schema, name: $0) }) {
            effects.lock(index, .index, cluster.lock)
            // The rewrite rebuilds every index; the one named here is the only one known without a catalog.
            effects.indexBuilds.append(IndexBuild(index: index, table: table, isConcurrent: false))
        }
        effects.appendUnique(table, to: \.rewrites)
        effects.rewriteReasons.append(.cluster)
    }

    static func refresh(_ statement: RefreshMaterializedView, state: PatchState, into effects: inout StatementEffects) {
        let view = state.resolve(statement.name)
        let fact = statement.isConcurrent ? refreshConcurrently : refresh
        effects.lock(view, .materializedView, fact.lock)
        if fact.rewritesTable {
            effects.appendUnique(view, to: \.rewrites)
            effects.rewriteReasons.append(.materializedViewRefresh)
        }
    }
}
