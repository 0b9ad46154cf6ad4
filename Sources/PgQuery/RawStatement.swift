import SwiftProtobuf

/// One top-level statement as libpg_query returned it: its place, its kind, and its parse
/// tree still in protobuf form. Building every message of a tree costs more than the parse;
/// most readers need the kind only, so the tree is decoded when one asks for it.
public struct RawStatement: Sendable {
    /// Where the statement starts, in UTF-8 bytes (libpg_query's `stmt_location`).
    public let location: Int
    /// Its length in bytes; 0 means "to the end of the text" (libpg_query's `stmt_len`).
    public let length: Int
    /// The field number of the statement's case in `PgQuery_Node`'s oneof (0 for none).
    public let kind: Int
    /// The serialized `PgQuery_Node`.
    let tree: [UInt8]
    /// Set when the tree was decoded already, to check its depth.
    private let decoded: PgQuery_Node?

    init(location: Int, length: Int, kind: Int, tree: [UInt8], decoded: PgQuery_Node?) {
        self.location = location
        self.length = length
        self.kind = kind
        self.tree = tree
        self.decoded = decoded
    }

    /// The statement's parse tree. Its depth was checked when the statement was read, so
    /// decoding cannot fail on it.
    public func node() -> PgQuery_Node {
        if let decoded { return decoded }
        return (try? PgQuery_Node(serializedBytes: tree, options: Self.nodeOptions)) ?? PgQuery_Node()
    }

    /// An empty node of the same kind, for naming the kind without decoding the tree.
    public var prototype: PgQuery_Node { Self.prototype(ofKind: kind) }

    public static func prototype(ofKind kind: Int) -> PgQuery_Node {
        guard kind > 0 else { return PgQuery_Node() }
        var bytes: [UInt8] = []
        var tag = UInt64(kind) << 3 | UInt64(WireReader.lengthDelimitedType)
        while tag >= 0x80 { bytes.append(UInt8(tag & 0x7F) | 0x80); tag >>= 7 }
        bytes += [UInt8(tag), 0]
        return (try? PgQuery_Node(serializedBytes: bytes)) ?? PgQuery_Node()
    }

    /// The kind (oneof field number) of a node case, e.g. to list the kinds a reader types.
    public static func kind(of value: PgQuery_Node.OneOf_Node) -> Int {
        var node = PgQuery_Node()
        node.node = value
        return kind(of: node)
    }

    /// The kind (oneof field number) of a node.
    public static func kind(of node: PgQuery_Node) -> Int {
        guard let bytes: [UInt8] = try? node.serializedBytes() else { return 0 }
        var reader = WireReader(bytes)
        return reader.nextField()?.number ?? 0
    }

    /// The depth budget a node decoded on its own gets, so that it fails exactly where the
    /// whole `ParseResult` (two levels above it: the result and the RawStmt) would.
    static let nodeDepthLimit = LibPgQuery.messageDepthLimit - 2

    static var nodeOptions: BinaryDecodingOptions {
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = nodeDepthLimit
        return options
    }

    /// Each nesting level costs at least a tag and a length byte, so a shorter tree cannot
    /// reach the depth limit and needs no check.
    static let depthCheckSize = 2 * nodeDepthLimit
}

extension RawStatement {
    /// The statements of a serialized `PgQuery_ParseResult` (pg_query.proto: ParseResult field 2
    /// holds each RawStmt, whose fields are 1 stmt, 2 stmt_location and 3 stmt_len), or nil when
    /// the bytes do not have that shape.
    static func statements(in result: [UInt8]) throws(PgQueryError) -> [RawStatement]? {
        var reader = WireReader(result)
        var statements: [RawStatement] = []
        while let field = reader.nextField() {
            if field.number == 2, field.wireType == WireReader.lengthDelimitedType {
                guard let body = reader.lengthDelimited(), let statement = try statement(in: result, body) else { return nil }
                statements.append(statement)
            } else if !reader.skip(wireType: field.wireType) {
                return nil
            }
        }
        return reader.isAtEnd ? statements : nil
    }

    private static func statement(in result: [UInt8], _ body: Range<Int>) throws(PgQueryError) -> RawStatement? {
        var reader = WireReader(result, range: body)
        var location = 0, length = 0
        var tree: Range<Int> = body.lowerBound..<body.lowerBound
        while let field = reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, WireReader.lengthDelimitedType): guard let range = reader.lengthDelimited() else { return nil }; tree = range
            case (2, WireReader.varintType): guard let value = reader.int32() else { return nil }; location = value
            case (3, WireReader.varintType): guard let value = reader.int32() else { return nil }; length = value
            default: guard reader.skip(wireType: field.wireType) else { return nil }
            }
        }
        guard reader.isAtEnd else { return nil }
        let bytes = Array(result[tree])
        var kindReader = WireReader(bytes)
        let kind = kindReader.nextField()?.number ?? 0
        return RawStatement(location: location, length: length, kind: kind, tree: bytes,
                            decoded: bytes.count >= depthCheckSize ? try checkedNode(bytes) : nil)
    }

    /// Decodes a tree big enough to be too deep, throwing where the whole result would have.
    private static func checkedNode(_ bytes: [UInt8]) throws(PgQueryError) -> PgQuery_Node {
        do {
            return try PgQuery_Node(serializedBytes: bytes, options: nodeOptions)
        } catch {
            throw .tooDeep(limit: LibPgQuery.messageDepthLimit)
        }
    }

    /// The statements of a `PgQuery_ParseResult` decoded as a whole (the slow, general path).
    static func statements(decoded result: PgQuery_ParseResult) -> [RawStatement] {
        result.stmts.map { raw in
            RawStatement(location: Int(raw.stmtLocation), length: Int(raw.stmtLen), kind: kind(of: raw.stmt),
                         tree: [], decoded: raw.stmt)
        }
    }
}
