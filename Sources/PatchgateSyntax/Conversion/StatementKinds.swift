import PgQuery

extension StatementReader {
    /// True for the statement kinds `statement(_:)` reads into a typed `Statement`. Every other
    /// kind becomes `.other(nodeName:)` without its tree being decoded: building the messages of
    /// a tree costs more than parsing it.
    static func readsKind(_ kind: Int) -> Bool { kind >= 0 && kind < typedKinds.count && typedKinds[kind] }

    /// The node kinds `statement(_:)` types. Listed, not found by reading an empty node of every
    /// kind at start-up: that built all of pg_query.proto's message types first, a tenth of a
    /// one-file run. A test reads every kind and checks this list against `statement(_:)`.
    static let typedNodes: [PgQuery_Node.OneOf_Node] = [
        .alterTableStmt(.init()), .createStmt(.init()), .createTableAsStmt(.init()), .indexStmt(.init()),
        .dropStmt(.init()), .reindexStmt(.init()), .renameStmt(.init()), .createEnumStmt(.init()),
        .alterEnumStmt(.init()), .viewStmt(.init()), .refreshMatViewStmt(.init()), .createFunctionStmt(.init()),
        .createTrigStmt(.init()), .clusterStmt(.init()), .vacuumStmt(.init()), .truncateStmt(.init()),
        .lockStmt(.init()), .variableSetStmt(.init()), .transactionStmt(.init()), .commentStmt(.init()),
        .grantStmt(.init()), .insertStmt(.init()), .updateStmt(.init()), .deleteStmt(.init()),
        .selectStmt(.init()), .alterSeqStmt(.init()), .createSeqStmt(.init()), .createDomainStmt(.init()),
        .alterObjectSchemaStmt(.init()),
    ]

    /// Indexed by oneof field number.
    private static let typedKinds: [Bool] = {
        let kinds = typedNodes.map(RawStatement.kind(of:))
        var table = Array(repeating: false, count: (kinds.max() ?? 0) + 1)
        for kind in kinds { table[kind] = true }
        return table
    }()
}

extension StatementReader {
    /// The statements read straight from their serialized tree; nil for every other kind.
    static func statementWithoutDecoding(_ raw: RawStatement) -> Statement? {
        guard raw.isSelect, let sources = raw.selectSources(depthLimit: RelationCollector.depthLimit) else { return nil }
        return .select(Select(
            sourceRelations: sources.relations.map { QualifiedName(schema: $0.schema.isEmpty ? nil : $0.schema, name: $0.name) },
            locksRows: sources.locksRows))
    }
}
