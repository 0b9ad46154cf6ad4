import Foundation
import Testing
@testable import PatchgateReport
import PatchgateRules

/// What a reviewer reads first: the files to rework and why, the clause that matters in each
/// statement, and a Markdown comment GitHub accepts however many files there are.
@Suite(.serialized)
struct ReviewOrderTests {
    typealias GFM = ReviewReporterTests.GFM

    @Test func reviewFormatsLeadWithTheFilesToRework() throws {
        let result = try FixtureStats.examples()
        let rendered = try GFM.render(MarkdownReporter.render(result))
        let verdicts = rendered.headings.dropFirst().map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "" }
        #expect(verdicts == ["rejected:", "rejected:", "rejected:", "rejected:", "invalid:", "invalid:",
                             "downtime:", "downtime:", "downtime:", "downtime:", "downtime:", "downtime:",
                             "hot:", "hot:", "hot:", "hot:"], "\(rendered.headings)")
        #expect(rendered.elements.contains("details") && rendered.elements.contains("summary"), "hot files folded")
        let summary = try #require(rendered.tables.first)
        #expect(summary.header == ["file", "verdict", "reason", "time"])
        #expect(summary.rows.first == ["fixtures/examples/04-volatile-default.sql", "❌ rejected",
                                       "the file needs about 1 h 28 min of downtime (public.order_line is blocked the longest), over the 5 min budget; costliest: line 2 1 h 28 min (over-budget, line 2)",
                                       "downtime 1 h 28 min"])
        #expect(summary.rows.contains(["fixtures/examples/14-unknown-size.sql", "❌ rejected",
                                       "the size of public.invoice is unknown, so the index build, rewrite cannot be timed while public.invoice stays blocked (size-unknown, line 3)",
                                       "downtime unknown"]))
        #expect(summary.rows.contains(["fixtures/examples/01-create-index-concurrently.sql", "✅ hot", "—", "live work 22 min 45 s"]))
        let html = HTMLReporter.render(result)
        let firstSection = try #require(html.range(of: "<section class=\"file\" id=\"f1\">"))
        #expect(html[firstSection.upperBound...].hasPrefix("\n<h2><code>fixtures/examples/04-volatile-default.sql</code></h2>"))
        #expect(html.contains("<th>reason</th><th>time</th>"))
        #expect(html.contains("<details class=\"hot-files\">\n<summary>4 hot files"))
        // Text and JSON keep the run's order.
        let json = JSONReporter.render(result)
        let first = try #require(json.range(of: "01-create-index-concurrently.sql")), second = try #require(json.range(of: "04-volatile-default.sql"))
        #expect(first.lowerBound < second.lowerBound)
    }

    /// A statement longer than a cell keeps its head and the clause that matters, here the
    /// volatile default at its end (cut after 72 characters it read `… DEFAULT clock…`).
    @Test func statementCellsShowTheClauseThatMatters() throws {
        let sql = "ALTER TABLE order_line_archive_partition_2026 ADD COLUMN imported_from_the_legacy_warehouse_at timestamp with time zone DEFAULT clock_timestamp();\n"
        let file = TestSupport.check(sql)
        let rendered = try GFM.render(MarkdownReporter.render(CheckResult(files: [file], inputErrors: [])))
        let cell = try #require(rendered.effectsTables.first?.rows.first?[1])
        #expect(cell.hasPrefix("ALTER TABLE order_line_archive_partition"))
        #expect(cell.hasSuffix("DEFAULT clock_timestamp()"), "\(cell)")
        #expect(cell.count <= EffectRow.cellLimit + 2)
    }

    /// Many rejected files with long findings: the comment stays under GitHub's limit, rework
    /// first, and says what it left out.
    @Test func aMarkdownReportKeepsUnderGitHubsCommentLimit() throws {
        let statement = "ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();\n"
        let files = (0..<400).map { number in
            TestSupport.check(String(repeating: statement, count: 2) + "ALTER TABLE customer DROP COLUMN fax_\(number);\n",
                              path: "patches/\(String(1000 + number)).sql")
        } + [TestSupport.check("SELECT 1;\n", path: "patches/0000-hot.sql")]
        let markdown = MarkdownReporter.render(CheckResult(files: files, inputErrors: []))
        #expect(markdown.utf16.count <= CommentLimit.characters, "\(markdown.utf16.count)")
        #expect(markdown.contains("**Cut to fit GitHub's 65536-character comment limit:**"))
        let rendered = try GFM.render(markdown)
        let shown = rendered.headings.count - 1
        #expect(rendered.headings.dropFirst().allSatisfy { $0.contains("rejected") })
        #expect(shown > 5, "as many files as fit")
        #expect(markdown.contains("\(401 - shown) more files (\(400 - shown) rejected, 1 hot) not shown here."), "the hot file is counted, not shown")
        #expect(markdown.utf16.count > CommentLimit.characters - 20_000, "the room is used")
        // A report that fits is not cut.
        let small = MarkdownReporter.render(CheckResult(files: Array(files.prefix(3)), inputErrors: []))
        #expect(!small.contains("Cut to fit"))
    }
}
