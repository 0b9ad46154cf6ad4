/// A small JSON builder over UTF-8 bytes: keys in the order written, so output is
/// byte-for-byte stable without sorting dictionaries, and escaping works on bytes (it runs over
/// every patch's full text, so it must be cheap).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// One entry per open object or array: whether the next element needs a comma first.
    private var needsComma: [Bool] = [false]
    /// A value right after its key takes no comma.
    private var isAfterKey = false

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
        for element in elements { body(&self, element) }
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func key(_ name: String) {
        separate()
        Self.appendEscaped(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        isAfterKey = true
    }

    mutating func string(_ value: String) { separate(); Self.appendEscaped(value, to: &bytes) }
    mutating func string(_ value: String?) { if let value { string(value) } else { raw("null") } }
    mutating func number(_ value: Int) { raw(String(value)) }
    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }
    mutating func raw(_ json: String) { separate(); bytes.append(contentsOf: json.utf8) }

    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: String, strings: [String]) { key(name); array(strings) { $0.string($1) } }

    private mutating func separate() {
        if isAfterKey { isAfterKey = false; return }
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    mutating func string(utf8: ArraySlice<UInt8>) { separate(); Self.appendEscaped(utf8, to: &bytes) }

    static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        appendEscaped(Array(value.utf8)[...], to: &bytes)
    }

    static func appendEscaped(_ utf8: ArraySlice<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                          hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            // U+2028 and U+2029 end lines in JavaScript: escaped so the JSON embeds safely.
            case 0xE2 where index + 1 < utf8.endIndex && utf8[index] == 0x80 && (utf8[index + 1] == 0xA8 || utf8[index + 1] == 0xA9):
                bytes += Array((utf8[index + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
