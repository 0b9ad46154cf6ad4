import PatchgateEffects
import PatchgateRules
import PatchgateSource

/// A merge-request comment (GitHub and GitLab Markdown): a summary, then per file a verdict
/// banner, the effects table and the findings with help and rule page. The same input gives the
/// same bytes, so a bot that re-runs can edit its comment in place; the first line marks it.
public enum MarkdownReporter {
    public static let marker = "<!-- patchgate report -->"

    /// The summary and its table, then each file in review order (rework first, hot files
    /// folded away), cut to GitHub's comment limit with a note when they do not all fit.
    public static func render(_ result: CheckResult) -> String {
        var text = "\(marker)\n" + summary(result)
        let files = result.filesForReview
        var shown = 0, isFolding = false
        for file in files {
            let opening = file.verdict == .hot && !isFolding ? hotFilesOpening(files.count { $0.verdict == .hot }) : ""
            let room = CommentLimit.characters - CommentLimit.reserve - CommentLimit.size(text) - CommentLimit.size(opening)
            guard let section = [renderFile(file), renderFile(file, isCompact: true)].first(where: { CommentLimit.size($0) + 1 <= room })
            else { break }
            text += opening + "\n" + section
            isFolding = isFolding || !opening.isEmpty
            shown += 1
        }
        if isFolding { text += "\n</details>\n" }
        if shown < files.count { text += CommentLimit.note(omitted: files[shown...]) }
        return text
    }

    /// Hot files need no action: they are listed, folded, after the files that do.
    private static func hotFilesOpening(_ count: Int) -> String {
        "\n<details>\n<summary>\(Verdict.hot.symbol) \(FileBanner.counted(count, "hot file")): safe to apply while the application runs</summary>\n"
    }

    static func summary(_ result: CheckResult) -> String {
        let summary = result.summary
        let verdicts = Verdict.allCases.map { "\($0.symbol) \(summary.count($0)) \($0.rawValue)" }
        let severities = Severity.allCases.reversed().map { FileBanner.counted(summary.count($0), $0.rawValue) }
        var text = "## patchgate: \(FileBanner.counted(summary.files, "file")), \(FileBanner.counted(summary.statements, "statement"))\n\n"
        text += verdicts.joined(separator: " · ") + " — " + severities.joined(separator: ", ") + "\n"
        if !result.inputErrors.isEmpty {
            text += "\n**Input that could not be checked**\n\n"
            for error in result.inputErrors { text += "- \(MarkdownText.inline(error.message))\n" }
        }
        let table = MarkdownFileTable.render(result.filesForReview)
        return table.isEmpty ? text : text + "\n" + table
    }

    /// A file's section; compact leaves out the effects table and the estimate lines, for a
    /// report near the comment limit.
    static func renderFile(_ file: FileResult, isCompact: Bool = false) -> String {
        let banner = FileBanner(file)
        var text = "### \(file.verdict.symbol) \(file.verdict.rawValue): \(MarkdownText.code(file.path))\n\n"
        text += "> **\(file.verdict.rawValue)**: \(MarkdownText.inline(banner.headline))\\\n"
        text += "> " + banner.facts.map(MarkdownText.inline).joined(separator: " · ") + "\n"
        let rows = isCompact ? [] : EffectRow.rows(of: file)
        if !rows.isEmpty { text += "\n" + table(rows) }
        if !banner.estimates.isEmpty, !isCompact {
            text += "\n**Estimate**\n\n" + banner.estimates.map { "- " + MarkdownText.inline($0) + "\n" }.joined()
        }
        if !file.findings.isEmpty {
            text += "\n**Findings**\n\n"
            text += file.findings.map { renderFinding($0, docs: file.ruleDocs) }.joined()
        }
        return text
    }

    static func table(_ rows: [EffectRow]) -> String {
        var text = "| line | statement | table | lock mode | blocks | rewrite | scan | index build | estimate |\n"
        text += "| ---: | --- | --- | --- | --- | --- | --- | --- | ---: |\n"
        for row in rows {
            let cells = [
                row.isFirst ? String(row.line) : "",
                row.isFirst ? MarkdownText.code(row.sql) : "",
                row.relation.map { MarkdownText.inline($0.description) } ?? "—",
                row.lock.map { $0.mode.pgLocksName } ?? "—",
                row.blocks,
                row.isRewritten ? "rewrite" : "—",
                row.isScanned ? "scan" : "—",
                MarkdownText.inline(row.indexBuildText),
                row.secondsText,
            ]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// A list item: what, where, the rule page, the verdict it forces; then message and help.
    /// A suppressed finding stays, struck through, with the reason it was excused.
    static func renderFinding(_ finding: Finding, docs: RuleDocs) -> String {
        let rule = docs.url(for: finding.rule).map { "[\(MarkdownText.inline(finding.rule))](\(HTMLText.urlTarget($0)))" }
            ?? "\(MarkdownText.code(finding.rule)) (\(MarkdownText.code(docs.reference(for: finding.rule))))"
        let place = "line \(finding.start.line), column \(finding.start.column)"
        var head = "**\(finding.severity.rawValue)** \(rule) · \(place)"
        if finding.verdict > .hot { head += " · \(finding.isSuppressed ? "would force" : "forces") \(finding.verdict.rawValue)" }
        var lines = [finding.isSuppressed ? "🔕 **suppressed** ~~\(head)~~" : head, MarkdownText.inline(finding.message)]
        if !finding.help.isEmpty { lines.append("*help:* " + MarkdownText.inline(finding.help)) }
        if let reason = finding.suppressionReason { lines.append("*suppressed because:* " + MarkdownText.inline(reason)) }
        // A backslash before the line break is a hard break on both renderers; list items keep
        // their lines with a two-space indent.
        var item = "- " + lines.joined(separator: "\\\n  ") + "\n"
        if let rewrite = finding.rewrite, !finding.isSuppressed {
            item += "\n  *safe SQL, to \(MarkdownText.inline(rewrite.summary)):*\n\n" + MarkdownText.codeBlock(rewrite.text, indent: "  ")
        }
        return item
    }
}
