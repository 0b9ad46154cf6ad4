/// One patch file's text, checked to be UTF-8 without NUL bytes, with its line index.
public struct SourceFile: Sendable {
    /// The path as the user named it (relative paths stay relative: reports must not leak
    /// absolute paths).
    public let path: String
    public let bytes: [UInt8]
    public let lines: LineIndex

    public init(path: String, bytes: [UInt8]) throws(InputError) {
        let lines = LineIndex(bytes)
        if lines.containsNUL, let nul = bytes.firstIndex(of: 0) {
            let position = lines.position(of: nul)
            throw .nulByte(path: path, line: position.line, column: position.column)
        }
        // ASCII is well-formed UTF-8: most patches skip the check.
        if !lines.isASCII, let bad = Self.firstInvalidUTF8(bytes) {
            let position = lines.position(of: bad)
            throw .invalidUTF8(path: path, line: position.line, column: position.column, byteOffset: bad)
        }
        self.path = path
        self.bytes = bytes
        self.lines = lines
    }

    public func position(of offset: Int) -> SourcePosition { lines.position(of: offset) }

    public func text(_ span: Span) -> String {
        let start = min(max(span.start, 0), bytes.count), end = min(max(span.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let width: Int, minimum: UInt32
            switch lead {
            case 0xC2...0xDF: width = 2; minimum = 0x80
            case 0xE0...0xEF: width = 3; minimum = 0x800
            case 0xF0...0xF4: width = 4; minimum = 0x10000
            default: return index
            }
            guard index + width <= count else { return index }
            var scalar = UInt32(lead) & (0xFF >> (width + 1))
            for next in 1..<width {
                let byte = bytes[index + next]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += width
        }
        return nil
    }
}
