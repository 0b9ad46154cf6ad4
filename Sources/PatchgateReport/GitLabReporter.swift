import PatchgateRules
import PatchgateSource

/// GitLab Code Quality: a JSON array of issues (description, check_name, fingerprint, severity,
/// location.path, location.lines). Suppressed findings are left out: the format has no way to
/// say "excused", and the merge request widget would show them as open problems. Paths that could
/// not be read come last, as `input-error` issues.
public enum GitLabReporter {
    public static func render(_ result: CheckResult) -> String {
        document(files: result.files.map(fileIssues), inputErrors: result.inputErrors)
    }

    /// The whole report from files rendered one by one (in the run's order).
    public static func document(files: [String], inputErrors: [InputError]) -> String {
        var json = JSONWriter()
        json.array(files.filter { !$0.isEmpty } + inputErrors.map(inputErrorIssue)) { json, issues in json.raw(issues) }
        return json.text + "\n"
    }

    /// One file's issues, comma-separated (empty when it has none); safe to render on a worker.
    public static func fileIssues(_ file: FileResult) -> String {
        zip(file.findings, Fingerprint.all(in: file)).filter { !$0.0.isSuppressed }.map { finding, fingerprint in
            var json = JSONWriter()
            json.object { json in issueFields(finding, path: file.path, fingerprint: fingerprint, into: &json) }
            return json.text
        }.joined(separator: ",")
    }

    /// GitLab's scale is info < minor < major < critical < blocker. Error findings make a file
    /// rejected or invalid, so they sit near the top; `blocker` is left for reports that stop a
    /// whole pipeline.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "critical"
        case .warning: "minor"
        case .info: "info"
        }
    }

    private static func issueFields(_ finding: Finding, path: String, fingerprint: String, into json: inout JSONWriter) {
        json.field("description", finding.message)
        json.field("check_name", finding.rule)
        json.field("fingerprint", fingerprint)
        json.field("severity", severity(finding.severity))
        locationFields(path: path, begin: finding.start.line, end: finding.end.line, into: &json)
    }

    private static func inputErrorIssue(_ error: InputError) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("description", error.message)
            json.field("check_name", "input-error")
            json.field("fingerprint", Fingerprint.of(error))
            json.field("severity", severity(.error))
            locationFields(path: error.path, begin: 1, end: 1, into: &json)
        }
        return json.text
    }

    private static func locationFields(path: String, begin: Int, end: Int, into json: inout JSONWriter) {
        json.key("location")
        json.object { json in
            json.field("path", path)
            json.key("lines")
            json.object { json in
                json.field("begin", begin)
                json.field("end", end)
            }
        }
    }
}
