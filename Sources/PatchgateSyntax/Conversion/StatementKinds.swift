import PgQuery

extension StatementReader {
    /// True for the statement kinds `statement(_:)` reads into a typed `Statement`. Every other
    /// kind becomes `.other(nodeName:)` without its tree being decoded: building the messages of
    /// a tree costs more than parsing it.
    static func readsKind(_ kind: Int) -> Bool { kind >= 0 && kind < typedKinds.count && typedKinds[kind] }

    /// Indexed by oneof field number, found by reading an empty node of every kind, so that a new
    /// case in `statement(_:)` needs no entry here. A kind whose empty node reads as `.other` is
    /// untyped, except TRANSACTION, whose reader gives `.other` only when the kind is unknown.
    private static let typedKinds: [Bool] = {
        var table = [false]
        var misses = 0
        while misses < 8 {  // pg_query.proto numbers its node kinds 1, 2, 3 … without gaps
            let prototype = RawStatement.prototype(ofKind: table.count)
            misses = prototype.node == nil ? misses + 1 : 0
            if case .other = statement(prototype) { table.append(false) } else { table.append(true) }
        }
        var transaction = PgQuery_Node()
        transaction.node = .transactionStmt(PgQuery_TransactionStmt())
        let kind = RawStatement.kind(of: transaction)
        if kind < table.count { table[kind] = true }
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
