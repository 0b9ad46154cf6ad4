/// Text from a patch made literal in GitHub and GitLab Markdown, table cells included: nothing a
/// patch writes may become a link, emphasis, a code span, a table column or raw HTML.
enum MarkdownText {
    /// One line of literal text: whitespace runs (line breaks included) become one space, hidden
    /// and reordering characters are replaced, Markdown punctuation is backslash-escaped and
    /// `<`, `>`, `&` become entities (a backslash does not stop raw HTML, an entity does).
    static func inline(_ text: String) -> String {
        let scalars = Array(collapsingWhitespace(text).unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            // `|` ends a table cell even inside a code span; `$` opens math on GitHub and GitLab.
            case "\\", "`", "*", "[", "]", "~", "|", "$", "!", "#":
                result += "\\" + String(scalar)
            case "_" where !isIntraword(scalars, index):
                result += "\\_"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `inline` in a `<code>` element: monospace like a code span, but a backtick in the text
    /// cannot end it and `\|` still works in a table cell on both renderers.
    static func code(_ text: String) -> String { "<code>\(inline(text))</code>" }

    /// A fenced SQL block, literal whatever the text holds: the fence is longer than any run of
    /// backticks in it, and hidden and reordering characters are replaced.
    static func codeBlock(_ text: String, indent: String) -> String {
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        var visible = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" { visible.unicodeScalars.append(scalar) }
            else if scalar == "\r" { continue }
            else if SourceExcerpt.isHiddenOrReordering(scalar) { visible += "\u{FFFD}" }
            else { visible.unicodeScalars.append(scalar) }
        }
        let lines = visible.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
        return indent + fence + "sql\n" + lines.joined(separator: "\n") + "\n" + indent + fence + "\n"
    }

    /// A relative link target: only the characters rule ids are made of pass unencoded.
    static func linkTarget(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "/"), UInt8(ascii: "_"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += byte < 0x10 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return result
    }

    /// An `_` between two letters or digits can neither open nor close emphasis (CommonMark's
    /// flanking rules), so identifiers like `order_line` stay readable in the raw comment.
    private static func isIntraword(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index > 0, index + 1 < scalars.count else { return false }
        return isAlphanumeric(scalars[index - 1]) && isAlphanumeric(scalars[index + 1])
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// One line: whitespace runs become a space, control and bidirectional characters U+FFFD.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result += " " }
            pendingSpace = false
            if SourceExcerpt.isHiddenOrReordering(scalar) {
                result += "\u{FFFD}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
