/// A relation or object name as the parser folded it: unquoted names are lower-cased by
/// PostgreSQL's scanner, quoted ones kept. `schema` is nil when the patch did not write one.
public struct QualifiedName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let schema: String?
    public let name: String

    public init(schema: String? = nil, name: String) {
        self.schema = schema
        self.name = name
    }

    /// From dotted parts: `["public", "bugtask"]`, `["bugtask"]`; a catalog prefix is dropped.
    public init(parts: [String]) {
        name = parts.last ?? ""
        schema = parts.count >= 2 ? parts[parts.count - 2] : nil
    }

    public var description: String { schema.map { "\($0).\(name)" } ?? name }

    /// The name alone: equal names have equal relation names, and relations are keys of the
    /// catalog and of every lock and creation the analysis records (hashing the schema too was
    /// a twentieth of a run).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
    }

    /// The name with an explicit schema, resolving an unqualified one through `defaultSchema`.
    public func resolved(in defaultSchema: String) -> QualifiedName {
        schema == nil ? QualifiedName(schema: defaultSchema, name: name) : self
    }

    public static func < (lhs: QualifiedName, rhs: QualifiedName) -> Bool {
        (lhs.schema ?? "", lhs.name) < (rhs.schema ?? "", rhs.name)
    }
}
