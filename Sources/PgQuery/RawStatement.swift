/// One top-level statement as libpg_query returned it: its place, its node type, and its parse
/// tree still as JSON text. Most readers need the type only, so the tree is indexed when one
/// asks for it.
public struct RawStatement: Sendable {
    /// Where the statement starts, in UTF-8 bytes (libpg_query's `stmt_location`).
    public let location: Int
    /// Its length in bytes; 0 means "to the end of the text" (libpg_query's `stmt_len`).
    public let length: Int
    /// The parser's node type, e.g. `AlterTableStmt`.
    public let nodeName: String
    /// The JSON of the whole parse result, shared by its statements, and this one's `Node`.
    let json: [UInt8]
    let treeRange: Range<Int>
    /// The text that was parsed (locations in the tree are offsets into it).
    let source: [UInt8]

    /// The statement's `Node` (`{"AlterTableStmt":{...}}`), indexed now.
    public func tree() -> TreeValue { ParseTree(bytes: json, range: treeRange, source: source).root }

    /// The statements of libpg_query's JSON parse result (`{"version":…,"stmts":[{"stmt":…,
    /// "stmt_location":…,"stmt_len":…}]}`), or nil when the text does not have that shape.
    static func statements(inResult json: [UInt8], source: [UInt8]) -> [RawStatement]? {
        // Root, the stmts array, a RawStmt, its stmt Node and the node's fields: deeper values
        // are skipped until a statement is read.
        guard let top = ParseTree(bytes: json, range: 0..<json.count, recordedDepth: 4) else { return nil }
        var statements: [RawStatement] = []
        for raw in top.root["stmts"].elements {
            let node = raw["stmt"]
            guard let name = node.nodeName, let range = node.byteRange else { return nil }
            statements.append(RawStatement(location: raw["stmt_location"].int, length: raw["stmt_len"].int,
                                           nodeName: name, json: json, treeRange: range, source: source))
        }
        return statements
    }
}
