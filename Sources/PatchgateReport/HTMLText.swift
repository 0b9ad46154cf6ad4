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
                if SourceExcerpt.isHiddenOrReordering(scalar) {
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
}
