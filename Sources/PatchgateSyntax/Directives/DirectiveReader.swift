import Foundation
import PatchgateSource

/// Reads `patchgate:` directives out of the scanner's comments: suppressions and
/// `no-transaction`. Comment text is the one place patchgate reads words outside SQL.
enum DirectiveReader {
    static let marker = "patchgate:"
    private static let markerBytes = Array(marker.utf8)

    static func read(comments: [SourceComment], statements: [ParsedStatement], source: SourceFile)
        -> (suppressions: [Suppression], requestsNoTransaction: Bool) {
        let firstStatement = statements.first?.span.start ?? source.bytes.count
        var suppressions: [Suppression] = []
        var noTransaction = false
        let markerBytes = Self.markerBytes
        for comment in comments {
            // Most comments are prose: passed over without building their text.
            guard holds(markerBytes, in: source.bytes, span: comment.span),
                  let words = directiveText(source.text(comment.span), isBlock: comment.isBlock) else { continue }
            let isBeforeFirstStatement = comment.span.end <= firstStatement
            switch words.command {
            case "no-transaction" where isBeforeFirstStatement: noTransaction = true
            case "ignore-file":
                suppressions.append(Suppression(rules: words.rules, reason: words.reason, scope: .file, span: comment.span))
            case "ignore":
                guard let target = statements.first(where: { $0.span.end > comment.span.start }) else { continue }
                suppressions.append(Suppression(rules: words.rules, reason: words.reason,
                                                scope: .statement(target.index), span: comment.span))
            default: continue
            }
        }
        return (suppressions, noTransaction)
    }

    /// Whether `pattern` occurs among the bytes of `span`.
    private static func holds(_ pattern: [UInt8], in bytes: [UInt8], span: Span) -> Bool {
        guard let first = pattern.first else { return true }
        var position = span.start
        let last = min(span.end, bytes.count) - pattern.count
        while position <= last {
            if bytes[position] == first, bytes[position..<position + pattern.count].elementsEqual(pattern) { return true }
            position += 1
        }
        return false
    }

    /// `-- patchgate: ignore a b -- why` → command `ignore`, rules `[a, b]`, reason `why`.
    static func directiveText(_ comment: String, isBlock: Bool) -> (command: String, rules: [String], reason: String?)? {
        var body = Substring(comment)
        if isBlock {
            body = body.dropFirst(2)
            if body.hasSuffix("*/") { body = body.dropLast(2) }
        } else {
            body = body.drop { $0 == "-" }
        }
        body = body.drop { $0 == " " || $0 == "\t" }
        guard body.hasPrefix(marker) else { return nil }
        body = body.dropFirst(marker.count)
        let parts = body.components(separatedBy: " -- ")
        let words = parts[0].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        guard let command = words.first else { return nil }
        let reason = parts.dropFirst().joined(separator: " -- ").trimmingCharacters(in: .whitespacesAndNewlines)
        return (command, Array(words.dropFirst()), reason.isEmpty ? nil : reason)
    }
}
