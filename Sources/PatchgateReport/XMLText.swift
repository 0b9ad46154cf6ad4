/// Text from a patch made safe for XML 1.0 and for whoever reads the raw file or log: markup
/// characters become entities; tabs and line breaks become character references (in attribute
/// values a parser would fold them into spaces; in content a name's line break would start a
/// line of the log of its own); DEL, C1 and bidirectional controls become character references
/// too, so the value read back is exact; the C0 controls XML 1.0 cannot hold at all, even
/// escaped, become U+FFFD.
enum XMLText {
    static func content(_ text: String) -> String { escape(text, isAttribute: false) }

    static func attribute(_ text: String) -> String { escape(text, isAttribute: true) }

    /// Element content of several lines: each escaped, then ended by a line break of the format's own.
    static func lines(_ lines: [String]) -> String { lines.map { content($0) + "\n" }.joined() }

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
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default:
                if !isAllowed(scalar) {
                    result += "\u{FFFD}"
                } else if SourceExcerpt.isHiddenOrReordering(scalar) {
                    result += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// XML 1.0's Char production, less the whitespace handled above.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }
}
