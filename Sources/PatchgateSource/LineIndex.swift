/// Maps UTF-8 byte offsets to lines and columns. Lines end at `\n` only, as PostgreSQL's
/// scanner counts them; a `\r` before it belongs to the line it ends.
public struct LineIndex: Sendable {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; the first is always 0.
    public let lineStarts: [Int]
    /// Whether each line is ASCII only: its columns are then byte counts, found without walking
    /// the line (a file of one long line holds every statement, and each would walk it).
    private let lineIsASCII: [Bool]
    /// Whether the text holds a NUL byte anywhere, found in the same pass.
    public let containsNUL: Bool

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var isASCII: [Bool] = []
        // The line's bytes or'ed together (non-ASCII when the high bit is set) and the smallest
        // byte of the text (0 for a NUL): no branch per byte but the line break's.
        var lineBits: UInt8 = 0, smallest: UInt8 = 0xFF
        var offset = 0
        let count = bytes.count
        while offset < count {
            let byte = bytes[offset]
            offset &+= 1
            lineBits |= byte
            smallest = min(smallest, byte)
            if byte == UInt8(ascii: "\n") {
                starts.append(offset)
                isASCII.append(lineBits < 0x80)
                lineBits = 0
            }
        }
        isASCII.append(lineBits < 0x80)
        lineStarts = starts
        lineIsASCII = isASCII
        containsNUL = smallest == 0
    }

    /// Whether every line is ASCII only, so the text is too.
    public var isASCII: Bool { !lineIsASCII.contains(false) }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based line holding `offset` (an offset at the very end belongs to the last line).
    public func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    public func position(of offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex(of: clamped)
        let start = lineStarts[line]
        if lineIsASCII[line] { return SourcePosition(line: line + 1, column: clamped - start + 1) }
        var column = 1
        for index in start..<clamped where !Self.isContinuation(bytes[index]) {
            column += 1
        }
        return SourcePosition(line: line + 1, column: column)
    }

    /// The bytes of a 0-based line, without its line break (`\r\n` or `\n`).
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
