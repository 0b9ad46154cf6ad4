/// Text made safe for a terminal or a CI log: tabs as four spaces, control and bidirectional
/// characters replaced, so a patch or a file name cannot move the cursor, start a log line of its
/// own or reorder what a reviewer sees. Every message to a terminal goes through `sanitize`.
public enum SourceExcerpt {
    public static func sanitize(_ text: String) -> String {
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
