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
        // Almost every line is plain: return it as it is unless a byte could start a tab, a
        // control or a bidirectional character.
        guard text.utf8.contains(where: { mayNeedReplacing[Int($0)] }) else { return text }
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

    /// Lead bytes of everything `sanitize` changes: C0 controls and tab, DEL, 0xC2 (C1
    /// controls), 0xD8 (U+061C) and 0xE2 (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
    private static let mayNeedReplacing: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// Control and bidirectional-override characters: they could hide text or reorder it.
    static func isHiddenOrReordering(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }
}
