import PatchgateRules
import PatchgateSource

/// Compiler-style text: `path:line:col: severity[rule]: message`, the source line with a caret
/// underline, help and the rule page; then each file's verdict and its reasons.
public struct TextReporter: Sendable {
    public let style: TextStyle
    /// Hide info findings and hot files' verdict lines.
    public let isQuiet: Bool

    public init(style: TextStyle, isQuiet: Bool) {
        self.style = style
        self.isQuiet = isQuiet
    }

    public func render(_ result: CheckResult) -> String {
        result.files.map { renderFile($0) }.joined() + summary(result.summary, inputErrors: result.inputErrors)
    }

    /// With `sink`, the findings are handed to it in pieces as they are rendered and the rest
    /// returned, so the report of a big file is never held whole.
    public func renderFile(_ file: FileResult, piecesTo sink: ((String) -> Void)? = nil) -> String {
        var text = ""
        let path = SourceExcerpt.sanitize(file.path)
        for finding in file.findings where isShown(finding) {
            text += renderFinding(finding, path: path, source: file.source, docs: file.ruleDocs)
            if let sink, text.utf8.count >= JSONReporter.pieceSize {
                sink(text)
                text = ""
            }
        }
        if !(isQuiet && file.verdict == .hot) {
            let suppressed = file.findings.count(where: \.isSuppressed)
            var notes = suppressed > 0 ? ["\(suppressed) suppressed"] : []
            if file.clock.hasDowntime, file.verdict == .downtime || file.verdict == .rejected { notes.append(EstimateText.clock(file.clock)) }
            if file.clock.hasLiveWork, file.verdict != .invalid { notes.append(EstimateText.liveWork(file.clock)) }
            // The notes name tables: as safe as the patch's text.
            let note = notes.isEmpty ? "" : " (\(SourceExcerpt.sanitize(notes.joined(separator: "; "))))"
            text += "\(style.bold)\(path)\(style.reset): verdict \(style.paint(file.verdict.rawValue, style.verdict[file.verdict]))\(note)\n"
            text += reasonLines(file.reasons)
            text += estimateLines(file)
            if let application = file.application, application.runner != nil {
                for unit in application.units { text += "  applied: \(SourceExcerpt.sanitize(unit.reason))\n" }
            }
        }
        return text
    }

    private func isShown(_ finding: Finding) -> Bool {
        !finding.isSuppressed && !(isQuiet && finding.severity == .info)
    }

    /// The findings that decide the verdict, each rule once with its lines: their messages are
    /// printed above (only a reason hidden there, an info finding under --quiet, keeps its own).
    private func reasonLines(_ reasons: [Finding]) -> String {
        var order: [String] = []
        var lines: [String: [Int]] = [:]
        var text = ""
        for reason in reasons {
            guard isShown(reason) else {
                text += "  - \(reason.rule) (line \(reason.start.line)): \(SourceExcerpt.sanitize(reason.message))\n"
                continue
            }
            if lines[reason.rule] == nil { order.append(reason.rule) }
            if lines[reason.rule]?.last != reason.start.line { lines[reason.rule, default: []].append(reason.start.line) }
        }
        let listed = order.map { rule in
            let numbers = lines[rule] ?? []
            return "\(rule) (\(numbers.count == 1 ? "line" : "lines") \(numbers.map(String.init).joined(separator: ", ")))"
        }
        return (listed.isEmpty ? "" : "  because: \(listed.joined(separator: ", "))\n") + text
    }

    /// `path` is already sanitized: a file name is shown as safely as the patch's text.
    func renderFinding(_ finding: Finding, path: String, source: SourceFile?, docs: RuleDocs) -> String {
        let severity = style.paint(finding.severity.rawValue, style.severity[finding.severity])
        var text = "\(style.bold)\(path):\(finding.start.line):\(finding.start.column)\(style.reset): "
        text += "\(severity)[\(finding.rule)]: \(SourceExcerpt.sanitize(finding.message))\n"
        if let source { text += excerpt(finding, source: source) }
        if !finding.help.isEmpty { text += "   = help: \(SourceExcerpt.sanitize(finding.help))\n" }
        text += "   = see: \(SourceExcerpt.sanitize(docs.reference(for: finding.rule)))\n"
        return text
    }

    private func excerpt(_ finding: Finding, source: SourceFile) -> String {
        let line = finding.start.line
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let window = LineWindow(source, line: line, span: finding.span)
        let carets = String(repeating: "^", count: window.caretWidth)
        let more = finding.end.line > line ? " (\(FileBanner.counted(finding.end.line - line, "more line")))" : ""
        return """
        \(gutter) |
        \(number) | \(window.text)
        \(gutter) | \(String(repeating: " ", count: window.caretOffset))\(style.paint(carets, style.severity[finding.severity]))\(more)

        """
    }

    /// The statements that keep tables blocked while they work on data, with their inputs.
    private func estimateLines(_ file: FileResult) -> String {
        FileBanner.estimateLines(file).map { "  ~ " + SourceExcerpt.sanitize($0) + "\n" }.joined()
    }

    public func summary(_ summary: RunSummary, inputErrors: [InputError]) -> String {
        var text = ""
        for error in inputErrors {
            text += "\(style.paint("error", style.severity[.error])): \(SourceExcerpt.sanitize(error.message))\n"
        }
        let verdicts = Verdict.allCases.map { "\(summary.count($0)) \($0.rawValue)" }
        // A commit without SQL (the pre-commit hook runs with --quiet) has nothing to say.
        if isQuiet, summary.files == 0, inputErrors.isEmpty { return "" }
        text += "\(FileBanner.counted(summary.files, "file")), \(FileBanner.counted(summary.statements, "statement")): "
        text += "\(FileBanner.counted(summary.count(.error), "error")), \(FileBanner.counted(summary.count(.warning), "warning")); "
        text += "verdicts: \(verdicts.joined(separator: ", "))\n"
        if !summary.skipped.isEmpty {
            text += "\(summary.skipped.count) not checked: \(SourceExcerpt.sanitize(summary.skipped[0].path)) (\(summary.skipped[0].reason))"
            text += summary.skipped.count > 1 ? " and \(summary.skipped.count - 1) more (listed in --format json)\n" : "\n"
        }
        if summary.downtimeSeconds > 0 || !summary.isWindowKnown {
            let budget = DurationText.format(summary.windowBudgetSeconds)
            let window = summary.isWindowKnown ? "downtime window: about \(DurationText.format(summary.downtimeSeconds)) of the \(budget) budget"
                : "downtime window: unknown (\(FileBanner.counted(summary.filesOfUnknownDowntime, "file")) of unknown downtime): cannot be held to the \(budget) budget"
            let verdict = summary.isOverWindowBudget ? window + ": over budget" : window
            text += summary.isOverWindowBudget || !summary.isWindowKnown ? style.paint(verdict, style.severity[.error]) + "\n" : verdict + "\n"
        }
        return text
    }
}
