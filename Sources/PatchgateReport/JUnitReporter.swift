import PatchgateRules
import PatchgateSource

/// JUnit XML for CI test reports: one test case per file (classname `patchgate`, name the path),
/// failed when its verdict is rejected or invalid, with the reasons; a path that could not be read
/// is a test case in error. The findings that are not reasons for a failure (suppressed ones
/// marked) are in the case's system-out, after the verdict.
public enum JUnitReporter {
    public static func render(_ result: CheckResult) -> String {
        document(testCases: result.files.map(testCase), inputErrors: result.inputErrors, summary: result.summary)
    }

    /// The whole report from files rendered one by one (in the run's order), with the run's counts.
    public static func document(testCases: [String], inputErrors: [InputError], summary: RunSummary) -> String {
        let failures = Verdict.allCases.filter(isFailure).reduce(0) { $0 + summary.count($1) }
        let counts = "tests=\"\(summary.files + inputErrors.count)\" failures=\"\(failures)\" errors=\"\(inputErrors.count)\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"patchgate\" \(counts)>\n"
        xml += "  <testsuite name=\"patchgate\" \(counts) skipped=\"0\">\n"
        xml += testCases.joined() + inputErrors.map(testCase).joined()
        xml += "  </testsuite>\n"
        xml += "</testsuites>\n"
        return xml
    }

    /// The verdicts that stop a patch: the file's test fails.
    static func isFailure(_ verdict: Verdict) -> Bool {
        switch verdict {
        case .hot, .downtime: false
        case .rejected, .invalid: true
        }
    }

    /// One file's test case; safe to render on a worker.
    public static func testCase(_ file: FileResult) -> String {
        var xml = "    <testcase classname=\"patchgate\" name=\"\(XMLText.attribute(file.path))\">\n"
        let failing = isFailure(file.verdict) ? file.reasons : []
        if isFailure(file.verdict) {
            let message = "verdict \(file.verdict.rawValue): " + file.reasons.map { "\($0.rule) (line \($0.start.line))" }.joined(separator: ", ")
            xml += "      <failure message=\"\(XMLText.attribute(message))\" type=\"\(file.verdict.rawValue)\">"
            xml += XMLText.lines(file.reasons.flatMap { describe($0, path: file.path, docs: file.ruleDocs) })
            xml += "</failure>\n"
        }
        xml += "      <system-out>"
        let others = file.findings.filter { !failing.contains($0) }
        xml += XMLText.lines(["verdict \(file.verdict.rawValue)"] + others.flatMap { describe($0, path: file.path, docs: file.ruleDocs) })
        xml += "</system-out>\n"
        xml += "    </testcase>\n"
        return xml
    }

    private static func testCase(_ error: InputError) -> String {
        var xml = "    <testcase classname=\"patchgate\" name=\"\(XMLText.attribute(error.path))\">\n"
        xml += "      <error message=\"\(XMLText.attribute(error.message))\" type=\"input-error\">"
        xml += XMLText.lines([error.message])
        xml += "</error>\n"
        xml += "    </testcase>\n"
        return xml
    }

    /// A finding as the text report heads it, with its help and page: the lines, each escaped
    /// on its own so that a line break in a name or a message stays a character reference.
    private static func describe(_ finding: Finding, path: String, docs: RuleDocs) -> [String] {
        var lines = ["\(path):\(finding.start.line):\(finding.start.column): \(finding.severity.rawValue)[\(finding.rule)]: \(finding.message)"]
        if let reason = finding.suppressionReason { lines.append("  suppressed: \(reason)") }
        if !finding.help.isEmpty { lines.append("  help: \(finding.help)") }
        lines.append("  see: \(docs.reference(for: finding.rule))")
        return lines
    }
}
