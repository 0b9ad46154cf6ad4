/// One top-level statement as libpg_query returned it: its place, its node type, and its parse
/// tree as JSON text, indexed with the whole result or, in a big result, when a reader asks
/// for it.
public struct RawStatement: Sendable {
    /// Where the statement starts, in UTF-8 bytes (libpg_query's `stmt_location`).
    public let location: Int
    /// Its length in bytes; 0 means "to the end of the text" (libpg_query's `stmt_len`).
    public let length: Int
    /// The parser's node type, e.g. `AlterTableStmt`.
    public let nodeName: String
    /// The JSON of the whole parse result, shared by its statements, and this one's `Node`.
    let json: JSONText
    let treeRange: Range<Int>
    /// The text that was parsed (locations in the tree are offsets into it).
    let source: [UInt8]
    /// The whole result indexed at once, shared by its statements, with this one's `Node` at
    /// `treeIndex`; nil when the result was too big to index whole.
    let indexedResult: ParseTree?
    let treeIndex: Int32

    /// Reads the statement's `Node` (`{"AlterTableStmt":{...}}`); see `ParseTree.read` for how
    /// long its values live.
    public func readTree<Result>(_ body: (TreeValue) -> Result) -> Result {
        if let indexedResult { return indexedResult.read(from: treeIndex, body) }
        return ParseTree(text: json, range: treeRange, source: source).read(body)
    }

    /// A result up to this size is indexed in one pass, every statement with it: most
    /// statements are read, and a separate pass to find where each one ends costs a tenth of
    /// indexing. A bigger one is indexed statement by statement, so that its index (about three
    /// times the JSON) is never held whole.
    static let wholeIndexLimit = 4 << 20

    /// The statements of libpg_query's JSON parse result (`{"version":…,"stmts":[{"stmt":…,
    /// "stmt_location":…,"stmt_len":…}]}`), or nil when the text does not have that shape.
    static func statements(inResult json: [UInt8], source: [UInt8], wholeIndexLimit: Int = wholeIndexLimit) -> [RawStatement]? {
        statements(inResult: JSONText(copying: json), source: source, wholeIndexLimit: wholeIndexLimit)
    }

    static func statements(inResult json: JSONText, source: [UInt8], wholeIndexLimit: Int = wholeIndexLimit) -> [RawStatement]? {
        // Else root, the stmts array, a RawStmt, its stmt Node and the node's fields: deeper
        // values are skipped until a statement is read.
        let indexesWhole = json.count <= wholeIndexLimit
        guard let top = ParseTree(text: json, range: 0..<json.count, recordedDepth: indexesWhole ? .max : 4, source: source)
        else { return nil }
        return top.read { root -> [RawStatement]? in
            var statements: [RawStatement] = []
            for raw in root["stmts"].elements {
                let node = raw["stmt"]
                guard let name = node.nodeName, let range = node.byteRange else { return nil }
                statements.append(RawStatement(location: raw["stmt_location"].int, length: raw["stmt_len"].int,
                                               nodeName: name, json: json, treeRange: range, source: source,
                                               indexedResult: indexesWhole ? top : nil, treeIndex: node.index))
            }
            return statements
        }
    }
}
