import CPgQuery

/// Why libpg_query's PL/pgSQL compiler gave no tree. It reports no position: `bodyLine` is the
/// line (counted from 1 at the body's first byte) its context names, when it names one.
public struct ProceduralError: Error, Equatable, Sendable {
    public let message: String
    public let bodyLine: Int?
}

extension LibPgQuery {
    /// The PL/pgSQL tree of one `CREATE FUNCTION`/`CREATE PROCEDURE … LANGUAGE plpgsql`
    /// statement, as JSON (`[{"PLpgSQL_function":{…}}]`): statements carry a `lineno` counted
    /// from the body's first line and no column; embedded SQL comes back as query text, a
    /// single-quoted body's quotes already undone. The JSON is copied out and the C result freed
    /// here. A NUL byte is refused before the call, like every other entry point.
    public static func parseProcedural(_ createFunction: [UInt8]) throws(ProceduralError) -> ParseTree {
        guard let result = try? withCString(createFunction, { pg_query_parse_plpgsql($0) }) else {
            throw ProceduralError(message: "NUL byte in the function body", bodyLine: nil)
        }
        defer { pg_query_free_plpgsql_parse_result(result) }
        if let error = result.error?.pointee {
            let message = error.message.map { String(cString: $0) } ?? "PL/pgSQL error"
            let context = error.context.map { String(cString: $0) } ?? ""
            throw ProceduralError(message: message, bodyLine: nearLine(in: context))
        }
        let bytes: [UInt8] = result.plpgsql_funcs.map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) } ?? []
        guard let tree = ParseTree(bytes: bytes, range: 0..<bytes.count, recordedDepth: .max) else {
            throw ProceduralError(message: "libpg_query returned a PL/pgSQL tree that is not well-formed JSON", bodyLine: nil)
        }
        return tree
    }

    /// The number in PL/pgSQL's error context `compilation of PL/pgSQL function "f" near line 11`.
    static func nearLine(in context: String) -> Int? {
        let marker = Array("near line ".utf8), bytes = Array(context.utf8)
        guard bytes.count >= marker.count,
              let start = (0...(bytes.count - marker.count)).first(where: { bytes[$0..<$0 + marker.count].elementsEqual(marker) })
        else { return nil }
        let digits = bytes[(start + marker.count)...].prefix { $0 >= 0x30 && $0 <= 0x39 }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
