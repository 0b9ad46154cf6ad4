import CPgQuery

/// The JSON text of a parse result, read where libpg_query wrote it: the result is freed with
/// this object instead of its text being copied into a Swift array first (a copy, and the pages
/// of a fresh allocation, for every result: three times the size of the SQL).
final class JSONText: @unchecked Sendable {
    // Immutable once made; its memory is freed only in deinit, when no reader holds it.
    let bytes: UnsafeBufferPointer<UInt8>
    private let result: PgQueryParseResult?

    /// Takes over a successful result: freed when this object goes.
    init(result: PgQueryParseResult) {
        self.result = result
        let count = result.parse_tree.map { strlen($0) } ?? 0
        bytes = result.parse_tree.map {
            UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: count)
        } ?? UnsafeBufferPointer(start: nil, count: 0)
    }

    /// A copy of text made in Swift (the tests' JSON).
    init(copying text: [UInt8]) {
        result = nil
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
        _ = storage.initialize(from: text)
        bytes = UnsafeBufferPointer(storage)
    }

    deinit {
        if let result {
            pg_query_free_parse_result(result)
        } else {
            bytes.deallocate()
        }
    }

    var count: Int { bytes.count }
}
