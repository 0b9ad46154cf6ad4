/// JSON string escaping on UTF-8 bytes. Besides what JSON requires (quote, backslash, C0
/// controls), DEL, C1 controls and the bidirectional controls are written as `\uXXXX`: the value
/// read back is the exact name, but the raw report printed to a terminal or a CI log cannot drive
/// it or reorder what a reader sees. U+2028 and U+2029 end lines in JavaScript: escaped so the
/// JSON embeds safely.
extension JSONWriter {
    static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        appendEscapedBody(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `value` escaped, without the quotes around it.
    static func appendEscapedBody(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendEscapedBody($0, to: &bytes) }
    }

    static func appendEscaped<Bytes: RandomAccessCollection>(_ utf8: Bytes, to bytes: inout [UInt8])
    where Bytes.Element == UInt8, Bytes.Index == Int {
        bytes.append(UInt8(ascii: "\""))
        appendEscapedBody(utf8, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Runs of bytes that need no escape are copied whole; most text is one run.
    static func appendEscapedBody<Bytes: RandomAccessCollection>(_ utf8: Bytes, to bytes: inout [UInt8])
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let needsAttention = Self.needsAttention  // once, not a lazy-global check per byte
        var index = utf8.startIndex
        var runStart = index
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard needsAttention[Int(byte)] else { index += 1; continue }
            if byte < 0x80 {
                bytes.append(contentsOf: utf8[runStart..<index])
                appendEscape(ofASCII: byte, to: &bytes)
                index += 1
            } else if let (scalar, length) = escapedScalar(utf8, at: index) {
                bytes.append(contentsOf: utf8[runStart..<index])
                appendUnicodeEscape(scalar, to: &bytes)
                index += length
            } else {
                index += 1
                continue
            }
            runStart = index
        }
        bytes.append(contentsOf: utf8[runStart..<utf8.endIndex])
    }

    /// The common escapes are two appends, not an array each: every line break of every
    /// statement's text goes through here.
    private static func appendEscape(ofASCII byte: UInt8, to bytes: inout [UInt8]) {
        let letter: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): letter = byte
        case UInt8(ascii: "\n"): letter = UInt8(ascii: "n")
        case UInt8(ascii: "\r"): letter = UInt8(ascii: "r")
        case UInt8(ascii: "\t"): letter = UInt8(ascii: "t")
        default: return appendUnicodeEscape(UInt32(byte), to: &bytes)
        }
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(letter)
    }

    private static func appendUnicodeEscape(_ scalar: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        for shift: UInt32 in [12, 8, 4, 0] { bytes.append(hexDigits[Int(scalar >> shift & 0xF)]) }
    }

    /// The two- or three-byte character at `index` and its length, when it is one to escape.
    private static func escapedScalar<Bytes: RandomAccessCollection>(_ utf8: Bytes, at index: Int) -> (UInt32, Int)?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = UInt32(utf8[index])
        let length = lead >= 0xE0 ? 3 : 2
        guard index + length <= utf8.endIndex else { return nil }
        var scalar = lead & (length == 3 ? 0x0F : 0x1F)
        for offset in 1..<length {
            let byte = utf8[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        guard scalar == 0x2028 || scalar == 0x2029
            || Unicode.Scalar(scalar).map(SourceExcerpt.isHiddenOrReordering) == true else { return nil }
        return (scalar, length)
    }

    /// Quote, backslash, C0 controls, DEL, and the lead bytes of the characters `escapedScalar`
    /// finds: 0xC2 (C1 controls), 0xD8 (U+061C), 0xE2 (U+200E, U+200F, U+2028–U+202E, U+2066–U+2069).
    private static let needsAttention: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
