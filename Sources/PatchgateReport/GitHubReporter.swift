import PatchgateRules
import PatchgateSource

/// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per
/// unsuppressed finding, which the runner turns into an annotation on the pull request's diff.
/// Paths that could not be read are `::error` lines on the path alone.
public enum GitHubReporter {
    public static func render(_ result: CheckResult) -> String {
        document(files: result.files.map(fileCommands), inputErrors: result.inputErrors)
    }

    /// The whole output from files rendered one by one (in the run's order).
    public static func document(files: [String], inputErrors: [InputError]) -> String {
        files.joined() + inputErrors.map { error in
            WorkflowCommand.line("error", properties: [("file", error.path), ("title", "input-error")], message: [error.message]) + "\n"
        }.joined()
    }

    /// One file's commands, a line each; safe to render on a worker.
    public static func fileCommands(_ file: FileResult) -> String {
        file.findings.filter { !$0.isSuppressed }.map { command(for: $0, path: file.path, docs: file.ruleDocs) + "\n" }.joined()
    }

    static func command(for finding: Finding, path: String, docs: RuleDocs) -> String {
        let properties = [
            ("file", path),
            ("line", String(finding.start.line)),
            ("col", String(finding.start.column)),
            ("endLine", String(finding.end.line)),
            ("endColumn", String(finding.end.column)),
            ("title", finding.rule),
        ]
        var message = [finding.message]
        if !finding.help.isEmpty { message.append("help: \(finding.help)") }
        message.append("see: \(docs.reference(for: finding.rule))")
        return WorkflowCommand.line(name(finding.severity), properties: properties, message: message)
    }

    static func name(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }
}
