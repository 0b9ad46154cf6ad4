/// libpg_query's JSON parse tree (of a whole parse result or of one statement), indexed once so
/// readers can look fields up without parsing text again. pg_query.proto names every field's
/// JSON key (`json_name`), and the JSON holds the same tree as the protobuf output: a `Node` is an
/// object with one key, the node's type name (`{"RangeVar":{...}}`); fields at their default
/// (false, 0, empty) are left out. libpg_query writes JSON in linear time, protobuf in time
/// quadratic in the tree's depth.
public final class ParseTree: Sendable {
    let text: JSONText
    let entries: [ParseTreeEntry]
    /// The SQL text that was parsed: the tree's `location` fields are byte offsets into it.
    let source: [UInt8]

    /// Indexes the JSON value in `range` of `text`, down to `recordedDepth` levels (deeper
    /// values are skipped); nil when it is not well-formed JSON.
    init?(text: JSONText, range: Range<Int>, recordedDepth: Int, source: [UInt8] = []) {
        guard let entries = JSONIndexer.index(text.bytes, range: range, recordedDepth: recordedDepth) else { return nil }
        self.text = text
        self.entries = entries
        self.source = source
    }

    /// A tree of JSON made in Swift (the tests' JSON).
    convenience init?(bytes: [UInt8], range: Range<Int>, recordedDepth: Int, source: [UInt8] = []) {
        self.init(text: JSONText(copying: bytes), range: range, recordedDepth: recordedDepth, source: source)
    }

    /// Indexes a statement's tree in full. Its bytes were checked when the result was split into
    /// statements, so a failure leaves an empty tree whose every field reads as absent.
    init(text: JSONText, range: Range<Int>, source: [UInt8]) {
        self.text = text
        entries = JSONIndexer.index(text.bytes, range: range, recordedDepth: .max) ?? []
        self.source = source
    }

    /// Reads the tree from its top value. The values handed out point into the tree's storage
    /// rather than keep it alive (a reference count per value looked up cost more than the
    /// lookups), so they must not be kept past `body`: readers turn them into Swift values.
    public func read<Result>(_ body: (TreeValue) -> Result) -> Result {
        read(from: entries.isEmpty ? -1 : 0, body)
    }

    /// Reads the tree from the value at entry `index`.
    func read<Result>(from index: Int32, _ body: (TreeValue) -> Result) -> Result {
        entries.withUnsafeBufferPointer { entries in
            source.withUnsafeBufferPointer { source in
                withUnsafePointer(to: TreeStorage(entries: entries, bytes: text.bytes, source: source)) { storage in
                    body(TreeValue(storage: storage, index: index))
                }
            }
        }
    }
}

/// What a `TreeValue` reads, for the duration of one `ParseTree.read`.
struct TreeStorage {
    let entries: UnsafeBufferPointer<ParseTreeEntry>
    let bytes: UnsafeBufferPointer<UInt8>
    let source: UnsafeBufferPointer<UInt8>
}

/// One JSON value of a `ParseTree`: its bytes, its key in the enclosing object, and its links.
/// Children follow their container in the entry array (pre-order), so `firstChild` is only set
/// for containers that have any.
struct ParseTreeEntry: Sendable {
    enum Kind: UInt8, Sendable { case object, array, string, scalar }

    var start: Int32
    var end: Int32
    var keyStart: Int32
    var keyEnd: Int32
    var firstChild: Int32 = -1
    var nextSibling: Int32 = -1
    var kind: Kind
}

/// A value in a parse tree, or an absent one (a field the JSON leaves out reads as its default:
/// "", 0, false, no elements), so readers chain lookups the way they read protobuf messages.
/// Valid only inside the `ParseTree.read` call that handed it out.
public struct TreeValue {
    let storage: UnsafePointer<TreeStorage>
    let index: Int32

    private var entries: UnsafeBufferPointer<ParseTreeEntry> { storage.pointee.entries }
    private var bytes: UnsafeBufferPointer<UInt8> { storage.pointee.bytes }
    private var entry: ParseTreeEntry? { index >= 0 ? entries[Int(index)] : nil }

    /// False for a field the JSON leaves out (protobuf's `has…` is false).
    public var isPresent: Bool { index >= 0 }

    /// Where the value's JSON text lies in the parse result.
    var byteRange: Range<Int>? { entry.map { Int($0.start)..<Int($0.end) } }

    /// The member `key` of an object.
    public subscript(key: StaticString) -> TreeValue {
        guard let entry, entry.kind == .object else { return absent }
        var child = entry.firstChild
        while child >= 0 {
            let member = entries[Int(child)]
            if keyEquals(member, key) { return value(at: child) }
            child = member.nextSibling
        }
        return absent
    }

    /// The elements of an array (or the members of an object), in order.
    public var elements: [TreeValue] {
        guard let entry, entry.kind == .object || entry.kind == .array else { return [] }
        var values: [TreeValue] = []
        var child = entry.firstChild
        while child >= 0 {
            values.append(value(at: child))
            child = entries[Int(child)].nextSibling
        }
        return values
    }

    /// The node type of a `Node` value (`RangeVar` for `{"RangeVar":{...}}`); nil when absent.
    public var nodeName: String? {
        guard let entry, entry.kind == .object, entry.firstChild >= 0 else { return nil }
        let member = entries[Int(entry.firstChild)]
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(member.keyStart)..<Int(member.keyEnd)]), as: UTF8.self)
    }

    /// The fields of a `Node` value of type `name`; absent for a node of another type.
    public func node(_ name: StaticString) -> TreeValue {
        guard let entry, entry.kind == .object, entry.firstChild >= 0 else { return absent }
        return keyEquals(entries[Int(entry.firstChild)], name) ? value(at: entry.firstChild) : absent
    }

    /// The fields of a `Node` value, whatever its type.
    public var nodeFields: TreeValue {
        guard let entry, entry.kind == .object, entry.firstChild >= 0 else { return absent }
        return value(at: entry.firstChild)
    }

    /// A string field's text (JSON escapes undone); "" when absent or not a string.
    public var string: String {
        guard let entry, entry.kind == .string else { return "" }
        return JSONIndexer.unescapedString(bytes, from: Int(entry.start) + 1, to: Int(entry.end) - 1)
    }

    /// An integer field's value; 0 when absent.
    public var int: Int {
        guard let entry, entry.kind == .scalar else { return 0 }
        var value = 0, sign = 1
        for offset in Int(entry.start)..<Int(entry.end) {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "-") { sign = -1 } else if byte >= 0x30, byte <= 0x39 {
                value = value &* 10 &+ Int(byte - 0x30)
            } else {
                break
            }
        }
        return sign * value
    }

    /// The value of an A_Const's `ival` (an `Integer` node's fields, `{"ival":5}`). libpg_query
    /// 15 leaves a negative value out of its JSON as it leaves out zero (`-2` is `{}`;
    /// pganalyze/libpg_query#243, fixed after Debian's 15-4.0.0), so an empty one is read from
    /// the SQL text at the constant's `location` instead.
    public func integerConstant(at location: TreeValue) -> Int {
        let value = self["ival"]
        if value.isPresent { return value.int }
        let source = storage.pointee.source
        var position = location.int
        guard position >= 0, position < source.count, source[position] == UInt8(ascii: "-") else { return 0 }
        position += 1
        while position < source.count, source[position] == UInt8(ascii: " ") || source[position] == UInt8(ascii: "\t")
            || source[position] == UInt8(ascii: "\n") || source[position] == UInt8(ascii: "\r") { position += 1 }
        var magnitude = 0
        while position < source.count, source[position] >= 0x30, source[position] <= 0x39 {
            magnitude = magnitude &* 10 &+ Int(source[position] - 0x30)
            position += 1
        }
        return -magnitude
    }

    /// A boolean field's value; false when absent.
    public var bool: Bool {
        guard let entry, entry.kind == .scalar else { return false }
        return bytes[Int(entry.start)] == UInt8(ascii: "t")
    }

    /// Whether the value is a string equal to `text` (enum fields: `"DROP_CASCADE"`).
    public func equals(_ text: StaticString) -> Bool {
        guard let entry, entry.kind == .string else { return false }
        return bytesEqual(Int(entry.start) + 1, Int(entry.end) - 1, text)
    }

    /// Every value below this one that is the member `key` of an object (`"A_Const"` finds the
    /// fields of every A_Const node), in document order: a walk with no recursion, however deep
    /// the tree.
    public func descendants(withKey key: StaticString) -> [TreeValue] {
        guard let entry else { return [] }
        var values: [TreeValue] = []
        var position = Int(index) + 1
        while position < entries.count, entries[position].start < entry.end {
            if keyEquals(entries[position], key) { values.append(value(at: Int32(position))) }
            position += 1
        }
        return values
    }

    private var absent: TreeValue { value(at: -1) }

    private func value(at index: Int32) -> TreeValue { TreeValue(storage: storage, index: index) }

    private func keyEquals(_ member: ParseTreeEntry, _ key: StaticString) -> Bool {
        member.keyStart >= 0 && bytesEqual(Int(member.keyStart), Int(member.keyEnd), key)
    }

    private func bytesEqual(_ start: Int, _ end: Int, _ text: StaticString) -> Bool {
        guard end - start == text.utf8CodeUnitCount else { return false }
        let bytes = bytes
        return text.withUTF8Buffer { expected in
            for offset in 0..<expected.count where bytes[start + offset] != expected[offset] { return false }
            return true
        }
    }
}
