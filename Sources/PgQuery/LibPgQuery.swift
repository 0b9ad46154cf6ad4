import CPgQuery

/// Why libpg_query gave no tree. Offsets are UTF-8 byte offsets into the text that was parsed.
public enum PgQueryError: Error, Equatable, Sendable {
    /// PostgreSQL rejected the text; `byteOffset` is nil when the server names no position.
    case syntax(message: String, byteOffset: Int?)
    /// The tree came back but is deeper than the readers are allowed to follow.
    case tooDeep(limit: Int)
    /// The text holds a NUL byte, which would end the C string early.
    case nulByte(byteOffset: Int)
}

/// A statement's place in the parsed text, as libpg_query's splitter reports it.
public struct StatementRange: Equatable, Sendable {
    public let offset: Int
    public let length: Int
}

/// The C fence: the only place that calls libpg_query. Every C result is freed where it was
/// made and only copied Swift values leave.
public enum LibPgQuery {
    /// How deep a statement's tree may nest: deep enough for any real patch, shallow enough that
    /// reading it stays on a large thread stack.
    public static let messageDepthLimit = 20_000

    /// The statements of `utf8`, each with its tree still as JSON text (see `RawStatement`).
    /// libpg_query writes JSON in linear time; its protobuf output packs a tree in time
    /// quadratic in its depth (a 100,000-term sum takes ten seconds), and a Swift message per
    /// node costs more than the parse.
    public static func parseStatements(_ utf8: [UInt8]) throws(PgQueryError) -> [RawStatement] {
        try parseStatements(utf8, mayBeDeep: true)
    }

    /// `parseStatements`; when the text cannot hold a very deep statement (`mayBeDeep` false:
    /// no statement has enough tokens), the depth of the tree is not counted.
    public static func parseStatements(_ utf8: [UInt8], mayBeDeep: Bool) throws(PgQueryError) -> [RawStatement] {
        let result = try withCString(utf8) { pg_query_parse($0) }
        if let error = result.error?.pointee {
            defer { pg_query_free_parse_result(result) }
            throw syntaxError(error, in: utf8)
        }
        // The statements read the JSON where libpg_query wrote it; it is freed with them.
        let json = JSONText(result: result)
        // Each JSON object is one node: a tree nested deeper than the readers may follow is
        // refused whole (the caller then parses statement by statement, which locates it).
        if mayBeDeep, JSONIndexer.objectDepth(json.bytes) > messageDepthLimit { throw .tooDeep(limit: messageDepthLimit) }
        guard let statements = RawStatement.statements(inResult: json, source: utf8) else {
            throw .syntax(message: "libpg_query returned a parse tree that is not well-formed JSON", byteOffset: nil)
        }
        return statements
    }

    /// The scanner's tokens, read straight from the wire format: building a Swift message per
    /// token costs more than scanning.
    public static func scanTokens(_ utf8: [UInt8]) throws(PgQueryError) -> [ScannedToken] {
        let result = try withCString(utf8) { pg_query_scan($0) }
        defer { pg_query_free_scan_result(result) }
        if let error = result.error?.pointee { throw syntaxError(error, in: utf8) }
        guard let tokens = ScannedToken.tokens(in: copy(result.pbuf)) else {
            throw .syntax(message: "libpg_query returned scanner tokens that are not well-formed protobuf", byteOffset: nil)
        }
        return tokens
    }

    /// Statement ranges found by PostgreSQL's own scanner: works on text the grammar rejects.
    public static func split(_ utf8: [UInt8]) throws(PgQueryError) -> [StatementRange] {
        let result = try withCString(utf8) { pg_query_split_with_scanner($0) }
        defer { pg_query_free_split_result(result) }
        if let error = result.error?.pointee { throw syntaxError(error, in: utf8) }
        guard let statements = result.stmts else { return [] }
        return (0..<Int(result.n_stmts)).compactMap { index in
            guard let statement = statements[index]?.pointee else { return nil }
            return StatementRange(offset: Int(statement.stmt_location), length: Int(statement.stmt_len))
        }
    }

    static func withCString<Result>(
        _ utf8: [UInt8], _ call: (UnsafePointer<CChar>) -> Result
    ) throws(PgQueryError) -> Result {
        if let nul = utf8.firstIndex(of: 0) { throw .nulByte(byteOffset: nul) }
        let terminated = [CChar](unsafeUninitializedCapacity: utf8.count + 1) { buffer, initialized in
            utf8.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            buffer[utf8.count] = 0
            initialized = utf8.count + 1
        }
        return terminated.withUnsafeBufferPointer { call($0.baseAddress!) }
    }

    private static func copy(_ buffer: PgQueryProtobuf) -> [UInt8] {
        guard let data = buffer.data, buffer.len > 0 else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: buffer.len) {
            Array(UnsafeBufferPointer(start: $0, count: buffer.len))
        }
    }

    private static func syntaxError(_ error: CPgQuery.PgQueryError, in utf8: [UInt8]) -> PgQueryError {
        let message = error.message.map { String(cString: $0) } ?? "syntax error"
        let position = Int(error.cursorpos)
        return .syntax(message: message, byteOffset: position > 0 ? byteOffset(ofCharacter: position, in: utf8) : nil)
    }

    /// PostgreSQL's cursor position counts characters from 1; patchgate speaks UTF-8 bytes.
    static func byteOffset(ofCharacter position: Int, in utf8: [UInt8]) -> Int {
        var characters = 0
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            characters += 1
            if characters == position { return offset }
        }
        return utf8.count
    }
}
