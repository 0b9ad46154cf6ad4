import CPgQuery
import SwiftProtobuf

/// Why libpg_query gave no tree. Offsets are UTF-8 byte offsets into the text that was parsed.
public enum PgQueryError: Error, Equatable, Sendable {
    /// PostgreSQL rejected the text; `byteOffset` is nil when the server names no position.
    case syntax(message: String, byteOffset: Int?)
    /// The tree came back but is deeper than the decoder is allowed to follow.
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
    /// Deep enough for any real patch, shallow enough that decoding stays on a large thread stack.
    public static let messageDepthLimit = 20_000

    public static func parse(_ utf8: [UInt8]) throws(PgQueryError) -> PgQuery_ParseResult {
        let result = try withCString(utf8) { pg_query_parse_protobuf($0) }
        defer { pg_query_free_protobuf_parse_result(result) }
        if let error = result.error?.pointee { throw syntaxError(error, in: utf8) }
        return try decode(PgQuery_ParseResult.self, from: copy(result.parse_tree))
    }

    public static func scan(_ utf8: [UInt8]) throws(PgQueryError) -> PgQuery_ScanResult {
        let result = try withCString(utf8) { pg_query_scan($0) }
        defer { pg_query_free_scan_result(result) }
        if let error = result.error?.pointee { throw syntaxError(error, in: utf8) }
        return try decode(PgQuery_ScanResult.self, from: copy(result.pbuf))
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

    private static func decode<Message: SwiftProtobuf.Message>(
        _ type: Message.Type, from bytes: [UInt8]
    ) throws(PgQueryError) -> Message {
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = messageDepthLimit
        do {
            return try Message(serializedBytes: bytes, options: options)
        } catch {
            throw .tooDeep(limit: messageDepthLimit)
        }
    }

    private static func withCString<Result>(
        _ utf8: [UInt8], _ call: (UnsafePointer<CChar>) -> Result
    ) throws(PgQueryError) -> Result {
        if let nul = utf8.firstIndex(of: 0) { throw .nulByte(byteOffset: nul) }
        let terminated = utf8 + [0]
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { call($0) }
        }
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
