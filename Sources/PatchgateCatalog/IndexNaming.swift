import PatchgateSyntax

/// The names PostgreSQL chooses for indexes the statement does not name (ChooseIndexName):
/// `table_col1_col2_key` for UNIQUE, `table_pkey`, `table_col_excl`, `table_col_idx`.
public enum IndexNaming {
    /// PostgreSQL's identifier limit (NAMEDATALEN - 1).
    static let maximumLength = 63

    public static func name(table: QualifiedName, columns: [String], suffix: String) -> QualifiedName {
        let parts = suffix == "pkey" ? [table.name] : [table.name] + (columns.isEmpty ? ["expr"] : columns)
        return QualifiedName(schema: table.schema, name: truncated(parts.joined(separator: "_"), suffix: suffix))
    }

    public static func constraintIndex(_ constraint: TableConstraint, on table: QualifiedName) -> QualifiedName? {
        if let name = constraint.name { return QualifiedName(schema: table.schema, name: name) }
        switch constraint.kind {
        case .unique(let columns, _): return name(table: table, columns: columns, suffix: "key")
        case .primaryKey: return name(table: table, columns: [], suffix: "pkey")
        case .exclusion, .check, .foreignKey, .other: return nil
        }
    }

    public static func index(for statement: CreateIndex, on table: QualifiedName) -> QualifiedName {
        if let name = statement.name { return QualifiedName(schema: table.schema, name: name) }
        let columns = statement.columns.map { key -> String in
            if case .column(let name) = key { return name }
            return "expr"
        }
        return name(table: table, columns: columns, suffix: statement.isUnique ? "key" : "idx")
    }

    /// Like makeObjectName: the name part is cut so that `name_suffix` fits in 63 bytes.
    private static func truncated(_ base: String, suffix: String) -> String {
        let room = maximumLength - suffix.utf8.count - 1
        var cut = base
        while cut.utf8.count > room { cut.removeLast() }
        return cut + "_" + suffix
    }
}
