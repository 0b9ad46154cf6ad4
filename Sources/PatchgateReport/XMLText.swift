/// Text from a patch made safe for XML 1.0: markup characters become entities; in attribute
/// values tabs and line breaks become character references (a parser would fold them into
/// spaces); characters XML 1.0 cannot hold at all, even escaped, become U+FFFD.
enum XMLText {
    static func content(_ text: String) -> String { escape(text, isAttribute: false) }

    static func attribute(_ text: String) -> String { escape(text, isAttribute: true) }

    private static func escape(_ text: String, isAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where isAttribute: result += "&quot;"
            case "'" where isAttribute: result += "&apos;"
            case "\t" where isAttribute: result += "&#9;"
            case "\n" where isAttribute: result += "&#10;"
            // a bare CR in content would be read back as LF
            case "\r": result += "&#13;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// XML 1.0's Char production, less the whitespace handled above.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }
}
