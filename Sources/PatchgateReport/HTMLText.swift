/// Text made literal in HTML, in element content and in quoted attribute values alike.
enum HTMLText {
    /// Escapes `& < > " '` and replaces hidden and reordering characters, so a patch can neither
    /// open an element or attribute nor make a reviewer read its text in another order.
    /// Line breaks and tabs are kept (the SQL listing needs them).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                if isHiddenOrReordering(scalar) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// One line for a table cell or an attribute: whitespace runs collapse to one space.
    static func line(_ text: String) -> String { escape(MarkdownText.collapsingWhitespace(text)) }

    /// Control characters (C0, DEL, C1) and the bidirectional controls of Trojan Source.
    static func isHiddenOrReordering(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }
}
