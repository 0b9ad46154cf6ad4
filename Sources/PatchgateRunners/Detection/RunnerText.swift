import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// The file facts runners read: comments (where directives live), statement text, line starts.
extension ParsedPatch {
    /// The whole file as one span.
    var wholeFile: Span { Span(start: 0, end: source.bytes.count) }

    /// The `--` comments whose text starts with `prefix` (after the dashes and blanks as the
    /// tool skips them, `exact` when the tool compares the raw line), with their spans.
    func lineComments(startingWith prefix: String, caseInsensitive: Bool = false) -> [(span: Span, text: String)] {
        comments.compactMap { comment in
            guard !comment.isBlock else { return nil }
            let text = source.text(comment.span)
            let matches = caseInsensitive ? text.lowercased().hasPrefix(prefix.lowercased()) : text.hasPrefix(prefix)
            return matches ? (comment.span, text) : nil
        }
    }

    /// "line N" of an offset, for reasons.
    func line(of offset: Int) -> Int { source.position(of: offset).line }

    /// The units of the checked part: one per section of `direction`, or the whole file.
    func units(sections: FileSections?, direction: ApplicationUnit.Direction,
               _ make: (Span) -> ApplicationUnit) -> [ApplicationUnit] {
        let spans = sections?.spans(direction) ?? [wholeFile]
        return spans.map { span in
            var unit = make(span)
            unit.direction = direction
            return unit
        }
    }
}

extension SourceFile {
    /// The lines of the file with their byte ranges (line end excluded).
    var lineRanges: [Range<Int>] { (0..<lines.lineCount).map { lines.lineRange($0) } }

    /// The offset where the line after `range` starts (its line end stepped over).
    func nextLineStart(after range: Range<Int>) -> Int {
        var offset = range.upperBound
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\r") { offset += 1 }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\n") { offset += 1 }
        return offset
    }

    func lineText(_ range: Range<Int>) -> String { text(Span(start: range.lowerBound, end: range.upperBound)) }
}
