import PatchgateSyntax

/// A small JSON builder over UTF-8 bytes: keys in the order written, so output is
/// byte-for-byte stable without sorting dictionaries, and escaping works on bytes (it runs over
/// every patch's full text, so it must be cheap).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next element needs a comma first: not at the start of an object or array,
    /// nor for a value right after its key. A closed object or array is itself an element, so
    /// no stack of open containers is needed.
    private var needsComma = false

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands what is written so far to `sink` once it is at least `size` bytes, and goes on
    /// writing after it (the comma state stays): a big file's report leaves in pieces.
    mutating func drain(atLeast size: Int, into sink: ([UInt8]) -> Void) {
        guard bytes.count >= size else { return }
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for element in elements { body(&self, element) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Keys are the format's own names, written as they are: no escaping to look for. The
    /// separator, quotes and colon go in with the name in one append (a report writes millions
    /// of keys, and each append checks the array's uniqueness and capacity).
    mutating func key(_ name: StaticString) { key(name, then: "") }

    /// A key and a literal value after it (`true`, `null`, `[]`), in one append.
    private mutating func key(_ name: StaticString, then literal: StaticString) {
        let comma = needsComma
        needsComma = literal.utf8CodeUnitCount > 0
        name.withUTF8Buffer { name in
            literal.withUTF8Buffer { literal in
                bytes.append(addingCapacity: name.count + literal.count + 4) { output in
                    if comma { output.append(UInt8(ascii: ",")) }
                    output.append(UInt8(ascii: "\""))
                    for byte in name { output.append(byte) }
                    output.append(UInt8(ascii: "\""))
                    output.append(UInt8(ascii: ":"))
                    for byte in literal { output.append(byte) }
                }
            }
        }
    }

    /// A key and an array of `elements`; an empty one is written with its key in one append
    /// (most of a statement's effects are empty arrays).
    mutating func field<C: Collection>(_ name: StaticString, each elements: C, _ body: (inout JSONWriter, C.Element) -> Void) {
        if elements.isEmpty { return key(name, then: "[]") }
        key(name)
        array(elements, body)
    }

    /// A key made at run time (a verdict's name, a fingerprint's version), escaped as any text.
    mutating func key(escaping name: String) {
        separate()
        Self.appendEscaped(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) { separate(); Self.appendEscaped(value, to: &bytes) }
    mutating func string(_ value: String?) { if let value { string(value) } else { raw("null") } }
    /// A relation's name as `QualifiedName.description` spells it, without building that string.
    mutating func string(_ name: QualifiedName) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        if let schema = name.schema {
            Self.appendEscapedBody(schema, to: &bytes)
            bytes.append(UInt8(ascii: "."))
        }
        Self.appendEscapedBody(name.name, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }
    mutating func string(_ name: QualifiedName?) { if let name { string(name) } else { raw("null") } }
    mutating func number(_ value: Int) {
        let comma = needsComma
        needsComma = true
        bytes.append(addingCapacity: 21) { output in
            if comma { output.append(UInt8(ascii: ",")) }
            Self.writeDecimal(value, to: &output)
        }
    }
    /// Rounded to thousandths and written without trailing zeros, so equal runs give equal bytes.
    mutating func number(_ value: Double) {
        let thousandths = Int((value * 1000).rounded())
        let comma = needsComma
        needsComma = true
        bytes.append(addingCapacity: 25) { output in
            if comma { output.append(UInt8(ascii: ",")) }
            Self.writeDecimal(thousandths / 1000, to: &output)
            var fraction = abs(thousandths % 1000)
            guard fraction > 0 else { return }
            output.append(UInt8(ascii: "."))
            // Three digits, trailing zeros left out.
            var divisor = 100
            while fraction > 0 {
                output.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
                fraction %= divisor
                divisor /= 10
            }
        }
    }
    mutating func bool(_ value: Bool) { separate(); bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes) }
    mutating func raw(_ json: String) { separate(); bytes.append(contentsOf: json.utf8) }
    /// Already-encoded JSON, e.g. one file's object rendered on a worker thread.
    mutating func raw(utf8 json: [UInt8]) { separate(); bytes.append(contentsOf: json) }

    mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: Int) { key(name); number(value) }
    mutating func field(_ name: StaticString, _ value: Double) { key(name); number(value) }
    mutating func field(_ name: StaticString, _ value: Bool) { key(name, then: value ? "true" : "false") }
    /// An optional number: `null` when absent.
    mutating func field(_ name: StaticString, _ value: Int?) {
        if let value { key(name); number(value) } else { key(name, then: "null") }
    }
    mutating func field(_ name: StaticString, _ value: QualifiedName) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: QualifiedName?) { key(name); string(value) }
    mutating func field(_ name: StaticString, strings: [String]) { field(name, each: strings) { $0.string($1) } }
    mutating func field(_ name: StaticString, names: [QualifiedName]) { field(name, each: names) { $0.string($1) } }

    /// Before each element: a comma if one is due; whatever comes next follows this element.
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    mutating func string(utf8: ArraySlice<UInt8>) { separate(); Self.appendEscaped(utf8, to: &bytes) }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    /// `String(value)` without the intermediate string.
    private static func writeDecimal(_ value: Int, to output: inout OutputSpan<UInt8>) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var divisor: UInt = 1
        while divisor <= rest / 10 { divisor *= 10 }
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        } while divisor > 0
    }
}
