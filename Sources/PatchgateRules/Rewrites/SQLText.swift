import PatchgateSyntax

/// Names, types and simple expressions written back as SQL PostgreSQL reads the same way.
/// Returns nil for anything it cannot write exactly: a rewrite is left out rather than wrong.
enum SQLText {
    /// Quoted unless it is lower-case letters, digits and `_` and not a keyword PostgreSQL
    /// reserves (the unreserved ones read as names).
    static func identifier(_ name: String) -> String {
        let isPlain = !name.isEmpty && name.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_")
        } && !(0x30...0x39).contains(name.utf8.first ?? 0)
        if isPlain, !reservedWords.contains(name) { return name }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func name(_ relation: QualifiedName) -> String {
        relation.schema.map { identifier($0) + "." + identifier(relation.name) } ?? identifier(relation.name)
    }

    /// Built-in types by the name the grammar gave them (`pg_catalog.int4`), which PostgreSQL
    /// accepts without the schema; interval's field modifiers are not kept by the syntax.
    static func type(_ type: ColumnType) -> String? {
        if type.schema == "pg_catalog", type.name == "interval", !type.modifiers.isEmpty { return nil }
        var text = type.schema == nil || type.schema == "pg_catalog" ? identifier(type.name)
            : identifier(type.schema ?? "") + "." + identifier(type.name)
        if !type.modifiers.isEmpty {
            let modifiers = type.modifiers.compactMap { $0.map(String.init) }
            guard modifiers.count == type.modifiers.count else { return nil }
            text += "(" + modifiers.joined(separator: ", ") + ")"
        }
        return text + String(repeating: "[]", count: type.arrayDimensions)
    }

    /// Function calls, columns, constants and casts: what column defaults are made of.
    static func expression(_ expression: Expression) -> String? {
        switch expression {
        case .constant(let constant): return self.constant(constant)
        case .column(let parts): return parts.map(identifier).joined(separator: ".")
        case .function(let name, let arguments):
            let written = arguments.compactMap(self.expression)
            guard written.count == arguments.count, !name.isEmpty else { return nil }
            let function = name.first == "pg_catalog" ? name.dropFirst().map(identifier) : name.map(identifier)
            return function.joined(separator: ".") + "(" + written.joined(separator: ", ") + ")"
        case .sqlValueFunction(let name): return name == "unknown" ? nil : name
        case .typeCast(let inner, let type):
            guard let value = self.expression(inner), let type = self.type(type) else { return nil }
            return "CAST(\(value) AS \(type))"
        case .nullTest, .operation, .subquery, .other, .truncated: return nil
        }
    }

    private static func constant(_ constant: Expression.Constant) -> String {
        switch constant {
        case .integer(let value): String(value)
        case .number(let text): text
        case .string(let text): "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .boolean(let value): value ? "true" : "false"
        case .bitString(let text): "B'" + text + "'"
        case .null: "NULL"
        }
    }

    /// PostgreSQL 15's reserved key words (Appendix C, "reserved" and "reserved (can be
    /// function or type)"): as names they must be quoted.
    static let reservedWords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
        "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
        "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
        "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
        "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
        "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
        "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or",
        "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
        "session_user", "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing", "true",
        "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with",
    ]
}
