/// A small JSON text builder: keys in the order written, so output is byte-for-byte stable
/// without sorting dictionaries.
struct JSONWriter {
    private(set) var text = ""
    /// One entry per open object or array: whether the next element needs a comma first.
    private var needsComma: [Bool] = [false]

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        text += "{"
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        text += "}"
    }

    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        separate()
        text += "["
        needsComma.append(false)
        for element in elements { body(&self, element) }
        needsComma.removeLast()
        text += "]"
    }

    mutating func key(_ name: String) {
        separate()
        text += "\"\(name)\":"
        isAfterKey = true
    }

    /// A value right after its key takes no comma.
    private var isAfterKey = false

    mutating func string(_ value: String) { separate(); Self.appendEscaped(value, to: &text) }
    mutating func string(_ value: String?) { if let value { string(value) } else { raw("null") } }
    mutating func number(_ value: Int) { raw(String(value)) }
    mutating func number(_ value: Double) { raw(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) }
    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }
    mutating func raw(_ json: String) { separate(); text += json }

    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); number(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    mutating func field(_ name: String, strings: [String]) { key(name); array(strings) { $0.string($1) } }

    private mutating func separate() {
        if isAfterKey { isAfterKey = false; return }
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    static func appendEscaped(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
