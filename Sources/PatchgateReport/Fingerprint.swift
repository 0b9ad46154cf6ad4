import PatchgateRules
import PatchgateSource

/// Identities of findings that survive re-runs and edits elsewhere in the file: GitLab matches
/// issues between two pipelines by fingerprint, and code scanning tracks alerts the same way.
/// They hash the path, the rule, the finding's SQL text with its whitespace folded, and which
/// occurrence of that same text and rule it is, and never a line number: lines inserted above a
/// finding must not make it look new.
enum Fingerprint {
    static let version = "patchgate/v1"

    /// One fingerprint per finding of `file`, in the order of `file.findings`. Suppressed findings
    /// are counted too, so suppressing one does not renumber the next.
    static func all(in file: FileResult) -> [String] {
        var occurrences: [String: Int] = [:]  // looked up only, never iterated
        return file.findings.map { finding in
            let text = normalisedText(of: finding, in: file.source)
            let key = finding.rule + "\u{0}" + text
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            return hash([file.path, finding.rule, text, String(occurrence)])
        }
    }

    /// A file that could not be read at all has one problem, at no place.
    static func of(_ error: InputError) -> String { hash([error.path, "input-error", "", "0"]) }

    /// The span's text with every run of whitespace folded into one space, so re-indenting or
    /// re-wrapping a statement keeps its fingerprint. Without text (not UTF-8) only the rule and
    /// the occurrence count identify it.
    static func normalisedText(of finding: Finding, in source: SourceFile?) -> String {
        guard let source else { return "" }
        return source.text(finding.span).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func hash(_ parts: [String]) -> String {
        // NUL cannot occur in a path, a rule id or checked SQL text, so the joined parts are unambiguous.
        SHA256.hex(([version] + parts).joined(separator: "\u{0}").utf8)
    }
}
