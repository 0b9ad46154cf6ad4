import PatchgateRules
import PatchgateSource

/// One file's share of a SARIF run, rendered on its own (on a worker, as the file is checked)
/// and joined by `SARIFReporter.document`. Results name their rule and file by id and URI, not
/// by index, so that no file needs to know the others.
public struct SARIFFile: Sendable {
    /// The file's entry in `run.artifacts`, with its verdict.
    public let artifact: String
    /// One entry of `run.results` per finding.
    public let results: [String]
    /// The rules its findings come from, for `tool.driver.rules`.
    public let ruleIDs: [String]

    public init(_ file: FileResult) {
        var json = JSONWriter()
        json.object { json in Self.artifactFields(file, into: &json) }
        artifact = json.text
        results = zip(file.findings, Fingerprint.all(in: file)).map { finding, fingerprint in
            var json = JSONWriter()
            json.object { json in Self.resultFields(finding, path: file.path, fingerprint: fingerprint, into: &json) }
            return json.text
        }
        ruleIDs = file.findings.map(\.rule)
    }

    static func artifactLocation(_ path: String, into json: inout JSONWriter) {
        json.key("artifactLocation")
        json.object { json in json.field("uri", URIReference.path(path)) }
    }

    private static func artifactFields(_ file: FileResult, into json: inout JSONWriter) {
        json.key("location")
        json.object { json in json.field("uri", URIReference.path(file.path)) }
        json.field("sourceLanguage", "sql")
        json.field("roles", strings: ["analysisTarget"])
        json.key("properties")
        json.object { json in json.field("verdict", file.verdict.rawValue) }
    }

    private static func resultFields(_ finding: Finding, path: String, fingerprint: String, into json: inout JSONWriter) {
        json.field("ruleId", finding.rule)
        json.field("level", SARIFReporter.level(finding.severity))
        json.key("message")
        json.object { $0.field("text", finding.message) }
        json.key("locations")
        json.array([finding]) { json, finding in
            json.object { json in
                json.key("physicalLocation")
                json.object { json in
                    artifactLocation(path, into: &json)
                    json.key("region")
                    json.object { json in regionFields(finding, into: &json) }
                }
            }
        }
        json.key("partialFingerprints")
        json.object { json in json.key(escaping: Fingerprint.version); json.string(fingerprint) }
        // an empty array says "known not suppressed"; a missing one would say "unknown"
        json.key("suppressions")
        json.array([finding.suppressionReason].compactMap { $0 }) { json, reason in
            json.object { json in
                json.field("kind", "inSource")
                json.field("justification", reason)
            }
        }
        json.key("properties")
        json.object { json in
            json.field("verdict", finding.verdict.rawValue)
            if let statement = finding.statementIndex { json.field("statement", statement) }
            json.field("help", finding.help)
            json.field("page", "rules/\(finding.rule).md")
        }
    }

    /// Ends are exclusive in SARIF as in patchgate: the column just after the last character.
    private static func regionFields(_ finding: Finding, into json: inout JSONWriter) {
        json.field("startLine", finding.start.line)
        json.field("startColumn", finding.start.column)
        json.field("endLine", finding.end.line)
        json.field("endColumn", finding.end.column)
        json.field("byteOffset", finding.span.start)
        json.field("byteLength", finding.span.length)
    }
}
