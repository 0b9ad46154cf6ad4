import PatchgateEffects
import PatchgateRules
import PatchgateSource

/// One self-contained HTML page for a CI artifact: the Markdown report's content, plus each
/// file's SQL with its findings highlighted in place and a lock timeline. No script, no network:
/// the page's own Content-Security-Policy forbids both, so a patch that slipped past escaping
/// could still not run anything.
public enum HTMLReporter {
    public static func render(_ result: CheckResult) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>patchgate report</title>
        <style>
        \(HTMLStylesheet.css)</style>
        </head>
        <body>

        """
        let files = result.filesForReview
        html += header(result, files: files)
        // Hot files need no action: folded, after the files that do.
        let hot = files.count { $0.verdict == .hot }
        for (index, file) in files.enumerated() {
            if file.verdict == .hot, index == files.count - hot {
                html += "<details class=\"hot-files\">\n<summary>\(FileBanner.counted(hot, "hot file")): safe to apply while the application runs</summary>\n"
            }
            html += renderFile(file, index: index + 1)
        }
        if hot > 0 { html += "</details>\n" }
        return html + "</body>\n</html>\n"
    }

    static func header(_ result: CheckResult, files: [FileResult]) -> String {
        let summary = result.summary
        let severities = Severity.allCases.reversed().map { FileBanner.counted(summary.count($0), $0.rawValue) }
        var html = "<header>\n<h1>patchgate report</h1>\n"
        html += "<p class=\"summary\">\(FileBanner.counted(summary.files, "file")), \(FileBanner.counted(summary.statements, "statement")): "
        html += Verdict.allCases.map { "<span class=\"badge badge-\($0.rawValue)\">\(summary.count($0)) \($0.rawValue)</span>" }.joined(separator: " ")
        html += " · \(severities.joined(separator: ", "))</p>\n"
        if !result.inputErrors.isEmpty {
            html += "<h2>Input that could not be checked</h2>\n<ul class=\"input-errors\">\n"
            for error in result.inputErrors { html += "<li>\(HTMLText.line(error.message))</li>\n" }
            html += "</ul>\n"
        }
        if !files.isEmpty {
            html += "<nav>\n<div class=\"table-scroll\">\n<table class=\"files\">\n"
            html += "<thead><tr><th>file</th><th>verdict</th><th>reason</th><th>time</th><th>findings</th></tr></thead>\n<tbody>\n"
            for (index, file) in files.enumerated() {
                html += "<tr><td class=\"path\"><a href=\"#f\(index + 1)\"><code>\(HTMLText.line(file.path))</code></a></td>"
                html += "<td><span class=\"badge badge-\(file.verdict.rawValue)\">\(file.verdict.rawValue)</span></td>"
                html += "<td class=\"reason\">\(file.verdict == .hot ? "—" : HTMLText.line(FileBanner.headline(file)))</td>"
                html += "<td class=\"time\">\(HTMLText.line(FileBanner.timeSummary(file)))</td>"
                html += "<td>\(file.findings.count)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n</div>\n</nav>\n"
        }
        return html + "</header>\n"
    }

    static func renderFile(_ file: FileResult, index: Int) -> String {
        let banner = FileBanner(file)
        var html = "<section class=\"file\" id=\"f\(index)\">\n<h2><code>\(HTMLText.line(file.path))</code></h2>\n"
        html += "<div class=\"banner banner-\(file.verdict.rawValue)\">\n"
        html += "<p><strong class=\"verdict\">\(file.verdict.rawValue)</strong> \(HTMLText.line(banner.headline))</p>\n"
        html += "<p class=\"facts\">\(banner.facts.map(HTMLText.line).joined(separator: " · "))</p>\n</div>\n"
        let rows = EffectRow.rows(of: file)
        if !rows.isEmpty { html += "<h3>Statements</h3>\n" + HTMLEffectTable.render(rows, file: index) }
        if !banner.estimates.isEmpty {
            html += "<h3>Estimate</h3>\n<ul class=\"estimate\">\n" + banner.estimates.map { "<li>\(HTMLText.line($0))</li>\n" }.joined() + "</ul>\n"
        }
        if !file.findings.isEmpty { html += "<h3>Findings</h3>\n" + findings(file.findings, file: index, isListed: file.source != nil, docs: file.ruleDocs) }
        let timeline = LockTimeline(file)
        if !timeline.isEmpty { html += "<h3>Lock timeline</h3>\n" + LockTimelineSVG.figure(timeline, file: index) }
        if let source = file.source {
            html += "<h3>SQL</h3>\n" + HTMLSourceListing.render(source, findings: file.findings, file: index)
        }
        return html + "</section>\n"
    }

    /// The findings in order; each links to its highlight when the SQL is listed (text that is
    /// not UTF-8 is not).
    static func findings(_ findings: [Finding], file: Int, isListed: Bool, docs: RuleDocs) -> String {
        var html = "<ol class=\"findings\">\n"
        for (index, finding) in findings.enumerated() {
            html += "<li id=\"f\(file)-finding-\(index)\" class=\"\(markClass(finding))\">\n<p class=\"finding-head\">"
            if finding.isSuppressed { html += "<span class=\"badge badge-suppressed\">suppressed</span> " }
            html += "<strong class=\"severity\">\(finding.severity.rawValue)</strong> "
            html += HTMLText.ruleReference(finding.rule, docs: docs) + " · "
            let place = "line \(finding.start.line), column \(finding.start.column)"
            html += isListed ? "<a href=\"#f\(file)-m\(index)\">\(place)</a>" : place
            if finding.verdict > .hot { html += " · \(finding.isSuppressed ? "would force" : "forces") <span class=\"badge badge-\(finding.verdict.rawValue)\">\(finding.verdict.rawValue)</span>" }
            html += "</p>\n<p class=\"message\">\(HTMLText.line(finding.message))</p>\n"
            if !finding.help.isEmpty { html += "<p class=\"help\"><em>help:</em> \(HTMLText.line(finding.help))</p>\n" }
            if let rewrite = finding.rewrite, !finding.isSuppressed {
                html += "<p class=\"rewrite-title\"><em>safe SQL, to \(HTMLText.line(rewrite.summary)):</em></p>\n"
                html += "<pre class=\"rewrite\"><code>\(HTMLText.escape(rewrite.text))</code></pre>\n"
            }
            if let reason = finding.suppressionReason {
                html += "<p class=\"reason\"><em>suppressed because:</em> \(HTMLText.line(reason))</p>\n"
            }
            html += "</li>\n"
        }
        return html + "</ol>\n"
    }

    /// The class a finding's list item and highlight share.
    static func markClass(_ finding: Finding) -> String {
        finding.isSuppressed ? "suppressed" : "sev-\(finding.severity.rawValue)"
    }
}
