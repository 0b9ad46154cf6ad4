import PatchgateSyntax

/// The names PostgreSQL chooses for indexes the statement does not name (ChooseIndexName):
/// `table_col1_col2_key` for UNIQUE, `table_pkey`, `table_col_excl`, `table_col_idx`.
public enum IndexNaming {
    /// What ChooseIndexName builds a name from: the key names (`expr` for an expression) and
    /// the suffix. Kept with each index: its clone on a partition is named from the same parts
    /// and the partition's name.
    public struct Parts: Hashable, Sendable {
        public let columns: [String]
        public let suffix: String

        public init(columns: [String], suffix: String) {
            self.columns = columns
            self.suffix = suffix
        }
    }

    public static func name(table: QualifiedName, parts: Parts) -> QualifiedName {
        name(table: table, columns: parts.columns, suffix: parts.suffix)
    }

    public static func parts(of statement: CreateIndex) -> Parts {
        Parts(columns: statement.columns.map { key -> String in
            if case .column(let name) = key { return name }
            return "expr"
        }, suffix: statement.isUnique ? "key" : "idx")
    }

    public static func parts(of constraint: TableConstraint) -> Parts? {
        switch constraint.kind {
        case .unique(let columns, _): Parts(columns: columns, suffix: "key")
        case .primaryKey(let columns, _): Parts(columns: columns, suffix: "pkey")
        case .exclusion: Parts(columns: [], suffix: "excl")
        case .check, .foreignKey, .other: nil
        }
    }

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
        return name(table: table, parts: parts(of: statement))
    }

    /// Like makeObjectName: the name part is cut so that `name_suffix` fits in 63 bytes.
    private static func truncated(_ base: String, suffix: String) -> String {
        let room = maximumLength - suffix.utf8.count - 1
        var cut = base
        while cut.utf8.count > room { cut.removeLast() }
        return cut + "_" + suffix
    }
}
