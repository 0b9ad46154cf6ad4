import PatchgateSource

/// A source line made safe for a terminal: tabs as four spaces, control and bidirectional
/// characters replaced, so a patch cannot move the cursor or reorder what a reviewer sees.
enum SourceExcerpt {
    static func displayLine(_ source: SourceFile, line: Int) -> String {
        guard line >= 1, line <= source.lines.lineCount else { return "" }
        let range = source.lines.lineRange(line - 1)
        return sanitize(String(decoding: source.bytes[range], as: UTF8.self))
    }

    static func sanitize(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                result += "    "
            } else if isHiddenOrReordering(scalar) {
                result += "\u{FFFD}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The display width of the first `columns - 1` scalars of a line, as `sanitize` prints them.
    static func width(of text: String, upTo column: Int) -> Int {
        var width = 0
        for (index, scalar) in text.unicodeScalars.enumerated() where index < column - 1 {
            width += scalar == "\t" ? 4 : 1
        }
        return width
    }

    private static func isHiddenOrReordering(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }
}
