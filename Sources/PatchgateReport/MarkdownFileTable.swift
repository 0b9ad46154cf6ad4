import PatchgateRules

/// The summary table at the top of a Markdown report: one row per file in review order, with
/// the reason for its verdict and its time, so a reviewer sees what to rework before scrolling.
enum MarkdownFileTable {
    /// Past this many UTF-16 units the remaining files are counted, not listed: the table must
    /// leave room under GitHub's comment limit for the files' own sections.
    static let budget = 20_000

    static func render(_ files: [FileResult]) -> String {
        guard !files.isEmpty else { return "" }
        var text = "| file | verdict | reason | time |\n| --- | --- | --- | --- |\n"
        var listed = 0
        for file in files {
            let row = "| " + [MarkdownText.code(file.path), "\(file.verdict.symbol) \(file.verdict.rawValue)",
                              file.verdict == .hot ? "—" : MarkdownText.inline(FileBanner.headline(file)),
                              MarkdownText.inline(FileBanner.timeSummary(file))].joined(separator: " | ") + " |\n"
            guard text.utf16.count + row.utf16.count <= budget else { break }
            text += row
            listed += 1
        }
        if listed < files.count { text += "\n*\(CommentLimit.unlisted(files[listed...])) not listed here.*\n" }
        return text
    }
}
