/// One pass over libpg_query's JSON output that records where every value is, without building
/// strings or dictionaries; values nested deeper than a given depth are skipped in a tighter loop.
/// Iterative throughout: a tree nested thousands of levels deep costs heap, not stack.
enum JSONIndexer {
    static func index(_ bytes: [UInt8], range: Range<Int>, recordedDepth: Int) -> [ParseTreeEntry]? {
        bytes.withUnsafeBufferPointer { index($0, range: range, recordedDepth: recordedDepth) }
    }

    static func index(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, recordedDepth: Int) -> [ParseTreeEntry]? {
        // Every value takes a byte and all but one a separator too, so this many entries always
        // suffice: they are written in place, with no growth and no checks per value (pages of
        // the capacity that are never written are never touched). A shallow index of a big
        // result records few values: it starts smaller and takes the bound only if it must.
        let bound = (range.count + 1) / 2 + 1
        if recordedDepth != .max, bound > shallowCapacity,
           let shallow = index(bytes, range: range, recordedDepth: recordedDepth, capacity: shallowCapacity), !shallow.isOutOfRoom {
            return shallow.entries
        }
        guard let full = index(bytes, range: range, recordedDepth: recordedDepth, capacity: bound), !full.isOutOfRoom else { return nil }
        return full.entries
    }

    private static let shallowCapacity = 1 << 16

    private static func index(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, recordedDepth: Int, capacity: Int)
        -> (entries: [ParseTreeEntry], isOutOfRoom: Bool)? {
        var isWellFormed = false, isOutOfRoom = false
        let entries = [ParseTreeEntry](unsafeUninitializedCapacity: capacity) { storage, count in
            var indexer = Indexer(buffer: buffer, end: range.upperBound, recordedDepth: recordedDepth, entries: storage)
            isWellFormed = indexer.run(from: range.lowerBound)
            isOutOfRoom = indexer.isOutOfRoom
            count = indexer.count
        }
        return isWellFormed || isOutOfRoom ? (entries, isOutOfRoom) : nil
    }

    /// How deep the objects of a JSON text nest (a `Node` is one object, as a protobuf message
    /// is one level): the text is not indexed, only counted.
    static func objectDepth(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { objectDepth($0) }
    }

    static func objectDepth(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var depth = 0, deepest = 0, position = 0
        while position < buffer.count {
            switch buffer[position] {
            case quote: position = stringEnd(buffer, from: position, end: buffer.count) ?? buffer.count; continue
            case UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
            case UInt8(ascii: "}"): depth -= 1
            default: break
            }
            position += 1
        }
        return deepest
    }

    static func unescapedString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        guard start < end else { return "" }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard text.contains(backslash) else { return String(decoding: text, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(end - start)
        var position = start
        while position < end {
            let byte = bytes[position]
            guard byte == backslash, position + 1 < end else { utf8.append(byte); position += 1; continue }
            let escaped = bytes[position + 1]
            position += 2
            switch escaped {
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                var code = hex4(bytes, at: position, end: end)
                position += 4
                if (0xD800..<0xDC00).contains(code), position + 6 <= end, bytes[position] == backslash {
                    let low = hex4(bytes, at: position + 2, end: end)
                    if (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    }
                }
                utf8.append(contentsOf: String(Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}").utf8)
            default: utf8.append(escaped)  // \" \\ \/
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Int {
        var value = 0
        for offset in start..<min(start + 4, end) {
            let byte = bytes[offset]
            let digit: Int = switch byte {
            case 0x30...0x39: Int(byte - 0x30)
            case 0x41...0x46: Int(byte - 0x41 + 10)
            case 0x61...0x66: Int(byte - 0x61 + 10)
            default: 0
            }
            value = value * 16 + digit
        }
        return value
    }

    /// The offset just after the string that opens at `start`, or nil when it does not close.
    /// Eight bytes at a time while eight remain: function bodies make long strings.
    static func stringEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var position = start &+ 1
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while position &+ 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                let hits = matches(word, 0x2222_2222_2222_2222) | matches(word, 0x5C5C_5C5C_5C5C_5C5C)
                if hits == 0 { position &+= 8; continue }
                position &+= hits.trailingZeroBitCount >> 3
                if buffer[position] == quote { return position &+ 1 }
                position &+= 2
            }
        }
        while position < end {
            let byte = buffer[position]
            if byte == quote { return position &+ 1 }
            position &+= byte == backslash ? 2 : 1
        }
        return nil
    }

    /// The high bit of every byte of `word` that equals the repeated byte of `pattern`, and
    /// possibly of bytes after such a byte (only the lowest hit is used).
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let difference = word ^ pattern
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
    }

    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
}

private struct Indexer {
    let buffer: UnsafeBufferPointer<UInt8>
    let end: Int
    let recordedDepth: Int
    let entries: UnsafeMutableBufferPointer<ParseTreeEntry>
    private(set) var count = 0
    /// Set when `entries` filled up before the text ended (the index is then incomplete).
    private(set) var isOutOfRoom = false

    init(buffer: UnsafeBufferPointer<UInt8>, end: Int, recordedDepth: Int, entries: UnsafeMutableBufferPointer<ParseTreeEntry>) {
        self.buffer = buffer
        self.end = end
        self.recordedDepth = recordedDepth
        self.entries = entries
    }

    /// Indexes the text from `start`; false when it is not well-formed JSON. The state lives in
    /// locals: kept in the struct, it was reloaded after every entry written (the compiler
    /// cannot tell the entries from the struct), a dozen loads per byte.
    mutating func run(from start: Int) -> Bool {
        let buffer = buffer, end = end, entries = entries, recordedDepth = recordedDepth
        let capacity = entries.count
        var count = 0
        // The open container, its last child so far, and whether it is an object. The ones it
        // is nested in keep theirs in their own entries while they are open (no stack to grow):
        // `end` holds the enclosing container and `nextSibling` the last child, both written for
        // real when the container closes.
        var container: Int32 = -1, lastChild: Int32 = -1, isInObject = false
        // How many open containers enclose the open one.
        var depth = 0
        var keyStart: Int32 = -1, keyEnd: Int32 = -1
        var position = start
        var expectsKey = false
        defer { self.count = count }

        // Writes an entry and links it into the open container; -1 when there is no room.
        @inline(__always) func add(_ kind: ParseTreeEntry.Kind, start: Int, end: Int) -> Int32 {
            guard count < capacity else { return -1 }
            let index = Int32(truncatingIfNeeded: count)
            entries[count] = ParseTreeEntry(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                                            keyStart: keyStart, keyEnd: keyEnd, firstChild: -1, nextSibling: -1, kind: kind)
            count &+= 1
            keyStart = -1
            keyEnd = -1
            if container >= 0 {
                if lastChild < 0 { entries[Int(container)].firstChild = index } else { entries[Int(lastChild)].nextSibling = index }
                lastChild = index
            }
            return index
        }

        while position < end {
            let byte = buffer[position]
            switch byte {
            case JSONIndexer.quote:
                guard let close = JSONIndexer.stringEnd(buffer, from: position, end: end) else { return false }
                if expectsKey {
                    keyStart = Int32(truncatingIfNeeded: position &+ 1)
                    keyEnd = Int32(truncatingIfNeeded: close &- 1)
                    expectsKey = false
                    // A key is followed by its colon: step over it here.
                    position = close < end && buffer[close] == UInt8(ascii: ":") ? close &+ 1 : close
                } else {
                    guard add(.string, start: position, end: close) >= 0 else { isOutOfRoom = true; return false }
                    position = close
                }
            case UInt8(ascii: ","):
                expectsKey = isInObject
                position &+= 1
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position &+= 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let kind: ParseTreeEntry.Kind = byte == UInt8(ascii: "{") ? .object : .array
                if container >= 0, depth &+ 1 >= recordedDepth {
                    guard let close = containerEnd(from: position) else { return false }
                    guard add(kind, start: position, end: close) >= 0 else { isOutOfRoom = true; return false }
                    position = close
                } else {
                    let opened = add(kind, start: position, end: position)
                    guard opened >= 0 else { isOutOfRoom = true; return false }
                    if container >= 0 {
                        entries[Int(container)].nextSibling = lastChild
                        depth &+= 1
                    }
                    entries[Int(opened)].end = container
                    container = opened
                    lastChild = -1
                    isInObject = byte == UInt8(ascii: "{")
                    expectsKey = isInObject
                    position &+= 1
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard container >= 0, isInObject == (byte == UInt8(ascii: "}")) else { return false }
                let closed = Int(container)
                let parent = entries[closed].end
                entries[closed].end = Int32(truncatingIfNeeded: position &+ 1)
                if parent >= 0 {
                    container = parent
                    lastChild = entries[Int(parent)].nextSibling
                    entries[Int(parent)].nextSibling = -1
                    isInObject = entries[Int(parent)].kind == .object
                    depth &-= 1
                } else {
                    (container, lastChild, isInObject) = (-2, -1, false)
                }
                expectsKey = false
                position &+= 1
            default:
                let start = position
                while position < end, !Self.endsScalar(buffer[position]) { position &+= 1 }
                guard add(.scalar, start: start, end: position) >= 0 else { isOutOfRoom = true; return false }
            }
        }
        // -2: the top value was closed (-1: nothing was opened, as for a lone scalar).
        return container < 0 && count > 0
    }

    /// The offset just after the object or array that opens at `start`.
    private func containerEnd(from start: Int) -> Int? {
        var depth = 0, position = start
        while position < end {
            switch buffer[position] {
            case JSONIndexer.quote:
                guard let close = JSONIndexer.stringEnd(buffer, from: position, end: end) else { return nil }
                position = close
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return position + 1 }
            default: break
            }
            position += 1
        }
        return nil
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte <= 0x20
    }
}
