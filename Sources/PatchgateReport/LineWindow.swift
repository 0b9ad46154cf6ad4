import PatchgateSource

/// The part of a source line a finding's excerpt shows. A line of normal length is shown whole;
/// a longer one (a minified dump, thousands of statements on one line) as a window around the
/// span, cut with `…`, so the report grows with the findings, not with findings × line length.
/// Only the window's bytes are read: a finding costs the same on a 10 MB line as on a short one.
struct LineWindow: Equatable {
    /// The shown text, made safe for a terminal (see `SourceExcerpt.sanitize`).
    let text: String
    /// Display columns before the caret underline, and its width (at least 1).
    let caretOffset: Int
    let caretWidth: Int

    /// Lines up to this many characters are shown whole.
    static let wholeLineLimit = 200
    /// In a longer line: characters shown before the span, of the span, and after it.
    static let before = 50, spanLimit = 100, after = 50
    static let cut = "…"

    /// `span` as it lies on `line` (1-based): a span that goes on past the line is underlined to
    /// its end.
    init(_ source: SourceFile, line: Int, span: Span) {
        let bytes = source.bytes
        let range = line >= 1 && line <= source.lines.lineCount ? source.lines.lineRange(line - 1) : 0..<0
        let start = range.contains(span.start) ? span.start : range.lowerBound
        let end = min(max(span.end, start), range.upperBound)
        let isShort = Self.advance(bytes, from: range.lowerBound, by: Self.wholeLineLimit, limit: range.upperBound) == range.upperBound
        let shownEnd = isShort ? end : Self.advance(bytes, from: start, by: Self.spanLimit, limit: end)
        let left = isShort ? range.lowerBound : Self.retreat(bytes, from: start, by: Self.before, limit: range.lowerBound)
        let right = isShort ? range.upperBound : Self.advance(bytes, from: shownEnd, by: Self.after, limit: range.upperBound)
        let prefix = left > range.lowerBound ? Self.cut : ""
        let suffix = right < range.upperBound ? Self.cut : ""
        text = prefix + SourceExcerpt.sanitize(String(decoding: bytes[left..<right], as: UTF8.self)) + suffix
        caretOffset = prefix.count + Self.width(bytes, left..<start)
        caretWidth = max(1, Self.width(bytes, start..<shownEnd))
    }

    /// The offset `count` characters after `offset`, or `limit` if that comes first.
    static func advance(_ bytes: [UInt8], from offset: Int, by count: Int, limit: Int) -> Int {
        var offset = offset, left = count
        while offset < limit, left > 0 {
            offset += 1
            while offset < limit, isContinuation(bytes[offset]) { offset += 1 }
            left -= 1
        }
        return offset
    }

    /// The offset `count` characters before `offset`, or `limit` if that comes first.
    static func retreat(_ bytes: [UInt8], from offset: Int, by count: Int, limit: Int) -> Int {
        var offset = offset, left = count
        while offset > limit, left > 0 {
            offset -= 1
            while offset > limit, isContinuation(bytes[offset]) { offset -= 1 }
            left -= 1
        }
        return offset
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Display columns, as `sanitize` prints them: a tab is four.
    private static func width(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { width, byte in
            isContinuation(byte) ? width : width + (byte == UInt8(ascii: "\t") ? 4 : 1)
        }
    }
}
