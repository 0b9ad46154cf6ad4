/// A column's declared type: `varchar(50)` is name `varchar`, modifiers `[50]`;
/// `numeric(10,2)[]` has modifiers `[10, 2]` and one array dimension.
public struct ColumnType: Hashable, Sendable, CustomStringConvertible {
    /// Dotted name as written after PostgreSQL's grammar: `character varying` becomes
    /// `pg_catalog.varchar`, so `schema` is "pg_catalog" for built-in SQL-standard spellings.
    public let schema: String?
    public let name: String
    /// Integer type modifiers; `nil` entries stand for non-integer modifiers.
    public let modifiers: [Int?]
    public let arrayDimensions: Int

    public init(schema: String? = nil, name: String, modifiers: [Int?] = [], arrayDimensions: Int = 0) {
        self.schema = schema
        self.name = name
        self.modifiers = modifiers
        self.arrayDimensions = arrayDimensions
    }

    public var isArray: Bool { arrayDimensions > 0 }

    public var description: String {
        var text = name
        if !modifiers.isEmpty {
            text += "(" + modifiers.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + ")"
        }
        return text + String(repeating: "[]", count: arrayDimensions)
    }
}
