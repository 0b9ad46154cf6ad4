import PatchgateSyntax

/// CREATE INDEX, DROP INDEX, REINDEX.
enum IndexFacts {
    static let create = Fact("index.create", lock: .share, doc: "sql-createindex.html",
        truth: ["create-index", "create-unique-index", "create-index-partial", "create-index-on-only-partitioned"],
        note: "SHARE blocks writes for the whole build; ON ONLY builds nothing")
    static let createConcurrently = Fact("index.create.concurrently", lock: .shareUpdateExclusive, doc: "sql-createindex.html",
        truth: ["create-index-concurrently"], note: "cannot run inside a transaction block")
    static let drop = Fact("index.drop", lock: .accessExclusive, doc: "sql-dropindex.html", truth: ["drop-index"])
    static let dropConcurrently = Fact("index.drop.concurrently", lock: .shareUpdateExclusive, doc: "sql-dropindex.html",
        truth: ["drop-index-concurrently"], note: "cannot run inside a transaction block; SHARE UPDATE EXCLUSIVE on the table")
    static let droppedConcurrently = Fact("index.drop.concurrently.index", lock: .accessExclusive, afterOlderQueries: true,
        doc: "sql-dropindex.html", truth: ["drop-index-concurrently", "drop-index-concurrently-if-exists"],
        note: "the index is marked invalid and every query that could use it is waited out before it is locked and dropped")
    static let reindex = Fact("index.reindex", lock: .share, doc: "sql-reindex.html",
        truth: ["reindex-index", "reindex-table"], note: "SHARE on the table")
    static let reindexedIndex = Fact("index.reindex.index", lock: .accessExclusive, doc: "sql-reindex.html",
        truth: ["reindex-index"], note: "ACCESS EXCLUSIVE on each index rebuilt")
    static let reindexConcurrently = Fact("index.reindex.concurrently", lock: .shareUpdateExclusive, doc: "sql-reindex.html",
        truth: ["reindex-index-concurrently", "reindex-table-concurrently"])
    static let reindexedConcurrently = Fact("index.reindex.concurrently.index", lock: .accessExclusive, afterOlderQueries: true,
        doc: "sql-reindex.html", truth: ["reindex-index-concurrently"],
        note: "server: the old index is locked ACCESS EXCLUSIVE when it is dropped at the end, after every older query is waited out, which the docs do not say")

    static let all = [create, createConcurrently, drop, dropConcurrently, droppedConcurrently, reindex, reindexedIndex,
                      reindexConcurrently, reindexedConcurrently]

    static func createIndex(_ statement: CreateIndex, state: PatchState, into effects: inout StatementEffects) {
        let table = state.resolve(statement.table)
        let fact = statement.isConcurrent ? createConcurrently : create
        effects.lock(table, state.kind(of: table), by: fact)
        if statement.isConcurrent { effects.isTransactional = false }
        let index = IndexNaming.index(for: statement, on: table)
        // IF NOT EXISTS on an index the schema has: a notice, nothing built.
        if statement.ifNotExists, state.catalog.contains(index) { return }
        // ON ONLY creates an invalid parent index on a partitioned table and builds nothing;
        // without ONLY each partition gets its own index built.
        if let partitions = NewIndexBuilds.partitions(of: table, for: statement, state: state) {
            if !statement.isOnly { effects.indexBuilds += partitions }
        } else {
            effects.indexBuilds.append(IndexBuild(index: index, table: table, isConcurrent: statement.isConcurrent))
        }
        effects.created.append(index)
    }

    static func dropIndexes(_ statement: Drop, state: PatchState, into effects: inout StatementEffects) {
        let tableFact = statement.isConcurrent ? dropConcurrently : drop
        let indexFact = statement.isConcurrent ? droppedConcurrently : drop
        for index in statement.names.map(state.resolve) {
            effects.lock(index, .index, by: indexFact)
            if let table = state.table(ofIndex: index) { effects.lock(table, state.kind(of: table), by: tableFact) }
        }
        if statement.isConcurrent { effects.isTransactional = false }
    }

    static func reindex(_ statement: Reindex, state: PatchState, into effects: inout StatementEffects) {
        let fact = statement.isConcurrent ? reindexConcurrently : reindex
        if statement.isConcurrent || ![.index, .table].contains(statement.target) { effects.isTransactional = false }
        guard let relation = statement.relation.map(state.resolve) else { return }
        switch statement.target {
        case .index:
            effects.lock(relation, .index, by: statement.isConcurrent ? reindexedConcurrently : reindexedIndex)
            let table = state.table(ofIndex: relation)
            if let table { effects.lock(table, state.kind(of: table), by: fact) }
            effects.indexBuilds.append(IndexBuild(index: relation, table: table, method: statement.isConcurrent ? .concurrent : .rebuild))
        case .table:
            let kind = state.kind(of: relation)
            effects.lock(relation, kind, by: fact)
            if kind == .partitionedTable { effects.isTransactional = false }
            IndexRebuilds.add(everyIndexOf: relation, method: statement.isConcurrent ? .concurrent : .rebuild,
                              state: state, into: &effects)
        case .schema, .system, .database:
            break
        }
    }
}
