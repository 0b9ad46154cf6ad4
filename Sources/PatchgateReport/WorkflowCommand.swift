/// The runner's escaping (as in actions/toolkit's `escapeData` and `escapeProperty`): `%`, CR and
/// LF everywhere, and in property values also `:` and `,`, which end a value. Without it a
/// newline in a patch or a file name would end the command and start a new one of its choosing.
/// The runner has no escape for other control or bidirectional characters: they are replaced,
/// as in the text report, so that none reaches the log.
enum WorkflowCommand {
    /// `message` holds the lines of the annotation; each was made one line by `SourceExcerpt`,
    /// so a name from a patch can never start one.
    static func line(_ command: String, properties: [(String, String)], message: [String]) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        let text = message.map(SourceExcerpt.sanitize).joined(separator: "\n")
        return "::\(command) \(list)::\(escapeData(text))"
    }

    static func escapeData(_ text: String) -> String { escape(text, isProperty: false) }

    static func escapeProperty(_ text: String) -> String { escape(text, isProperty: true) }

    private static func escape(_ text: String, isProperty: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where isProperty: result += "%3A"
            case "," where isProperty: result += "%2C"
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
}
