import PgQuery

extension StatementReader {
    /// True for the node types `statement(_:)` reads into a typed `Statement`. Every other
    /// type becomes `.other`, with only the relations and object its own fields name. A test
    /// reads an empty node of every type pg_query.proto has and checks this list against
    /// `statement(_:)`.
    static func readsKind(_ nodeName: String) -> Bool { typedNodeNames.contains(nodeName) }

    static let typedNodeNames: Set<String> = [
        "AlterTableStmt", "CreateStmt", "CreateTableAsStmt", "IndexStmt", "DropStmt", "ReindexStmt", "RenameStmt",
        "CreateEnumStmt", "AlterEnumStmt", "ViewStmt", "RefreshMatViewStmt", "CreateFunctionStmt", "CreateTrigStmt",
        "ClusterStmt", "VacuumStmt", "TruncateStmt", "LockStmt", "VariableSetStmt", "TransactionStmt", "CommentStmt",
        "GrantStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "SelectStmt", "AlterSeqStmt", "CreateSeqStmt",
        "CreateDomainStmt", "AlterObjectSchemaStmt", "AlterDomainStmt", "DoStmt", "CallStmt",
    ]
}
