/// Reads protobuf's wire format field by field, without a schema: enough to walk the top of
/// libpg_query's output (statements and their kinds) and its scanner tokens without building
/// every message of the tree. Every read checks its bounds and returns nil on malformed input.
struct WireReader {
    static let varintType = 0, lengthDelimitedType = 2

    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    var isAtEnd: Bool { position >= end }

    /// The next field's number and wire type, or nil at the end or on a malformed tag.
    mutating func nextField() -> (number: Int, wireType: Int)? {
        guard !isAtEnd, let tag = varint(), tag >> 3 > 0 else { return nil }
        return (Int(tag >> 3), Int(tag & 7))
    }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// An int32 field, truncated as protobuf truncates it.
    mutating func int32() -> Int? { varint().map { Int(Int32(truncatingIfNeeded: $0)) } }

    /// The body of a length-delimited field.
    mutating func lengthDelimited() -> Range<Int>? {
        guard let length = varint(), length <= UInt64(end - position) else { return nil }
        let body = position..<position + Int(length)
        position = body.upperBound
        return body
    }

    /// Skips a field's value; false on a wire type libpg_query never writes or a bad length.
    mutating func skip(wireType: Int) -> Bool {
        switch wireType {
        case Self.varintType: return varint() != nil
        case Self.lengthDelimitedType: return lengthDelimited() != nil
        case 1, 5:
            let width = wireType == 1 ? 8 : 4
            guard end - position >= width else { return false }
            position += width
            return true
        default: return false
        }
    }
}
