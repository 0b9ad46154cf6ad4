import Foundation
import Testing
import PatchgateEffects
@testable import PatchgateReport
import PatchgateRules
import PatchgateSyntax

/// How every format says a time: an unknown one as unknown (never as a number within the
/// budget), live work apart from downtime, and the lock timeline drawn to time.
struct EstimateReportTests {
    static let plainIndex = "CREATE INDEX orders_created_idx ON orders (created_at);\n"
    static let volatileDefault = "ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();\n"

    static func result(_ file: FileResult) -> CheckResult { CheckResult(files: [file], inputErrors: []) }

    /// Every format's text for one file.
    static func reports(_ file: FileResult) -> [(format: String, text: String)] {
        let result = result(file)
        return [("text", TextReporter(style: .plain, isQuiet: false).render(result)), ("markdown", MarkdownReporter.render(result)),
                ("html", HTMLReporter.render(result)), ("json", JSONReporter.render(result))]
    }

    @Test(arguments: [plainIndex, volatileDefault])
    func anUnknownSizeReadsAsUnknownEverywhere(sql: String) throws {
        let file = TestSupport.check(sql)
        #expect(file.verdict == .rejected)
        #expect(!file.clock.isDowntimeKnown && !file.clock.isWithinBudget)
        #expect(file.clock.unknownSizes == [QualifiedName(schema: "public", name: "orders")])
        for (format, report) in Self.reports(file) where format != "json" {
            // The statement overhead is the only number known: it must not pass for the time
            // (the timeline's scale names 0.05 s as its unit).
            let text = report.replacingOccurrences(of: HTMLText.escape(LockTimelineSVG.axisTitle), with: "")
            #expect(!text.contains("0.05 s"), "\(format): \(text)")
            #expect(!text.contains("within the"), "\(format)")
            #expect(!text.contains("downtime about"), "\(format)")
            #expect(text.contains("downtime unknown, no size for public.orders"), "\(format)")
        }
        let markdown = MarkdownReporter.render(Self.result(file))
        #expect(markdown.contains("| unknown |"), "the effects table's estimate cell")
        let html = HTMLReporter.render(Self.result(file))
        #expect(html.contains("? size unknown"), "the timeline marks the bar")
    }

    @Test func jsonKeepsItsNumbersAndSaysWhatIsMissing() throws {
        let file = TestSupport.check(Self.plainIndex)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter.render(Self.result(file)).utf8)) as? [String: Any])
        let entry = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(entry["estimatedSeconds"] is Double || entry["estimatedSeconds"] is Int, "still a number")
        #expect(entry["estimateComplete"] as? Bool == false)
        #expect(entry["downtimeKnown"] as? Bool == false)
        #expect(entry["unknownSizes"] as? [String] == ["public.orders"])
        let statement = try #require((entry["statements"] as? [[String: Any]])?.first?["estimate"] as? [String: Any])
        #expect(statement["complete"] as? Bool == false)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["windowKnown"] as? Bool == true, "a rejected file is not in the window")

        let known = TestSupport.check(Self.plainIndex, options: EstimateTests.options(["orders": EstimateTests.megabyte]))
        let knownJSON = JSONReporter.render(Self.result(known))
        #expect(knownJSON.contains(#""estimateComplete":true,"unknownSizes":[],"downtimeKnown":true"#))
    }

    /// With `size-unknown` turned off the file needs downtime of unknown length: the window's
    /// length is unknown too, never a sum of known parts.
    @Test func theWindowIsUnknownWhenAFileOfUnknownDowntimeIsInIt() {
        var options = CheckOptions()
        options.ruleLevels = ["size-unknown": .off]
        let file = TestSupport.check(Self.volatileDefault, options: options)
        #expect(file.verdict == .downtime)
        let summary = Self.result(file).summary
        #expect(!summary.isWindowKnown)
        let text = TextReporter(style: .plain, isQuiet: false).render(Self.result(file))
        #expect(text.contains("downtime window: unknown (1 file of unknown downtime): cannot be held to the 5 min budget"), "\(text)")
    }

    @Test func theBannerSaysFirstWhyAFileIsRejected() {
        let file = TestSupport.check(Self.plainIndex)
        let markdown = MarkdownReporter.render(Self.result(file))
        #expect(markdown.contains("> **rejected**: the size of public.orders is unknown, so the index build cannot be timed while public.orders stays blocked (size-unknown, line 1)\\\n"))
        #expect(!markdown.contains(Verdict.rejected.meaning))
        let html = HTMLReporter.render(Self.result(file))
        #expect(html.contains("<strong class=\"verdict\">rejected</strong> the size of public.orders is unknown"))
    }

    @Test func liveWorkIsNotDowntime() {
        let sql = "CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);\n"
        var options = EstimateTests.options(["orders": 200_000 * EstimateTests.megabyte])
        options.transactionMode = .none
        let file = TestSupport.check(sql, options: options)
        #expect(file.verdict == .hot)
        #expect(file.clock.downtimeSeconds == 0 && file.clock.liveSeconds > 1300)
        for (format, text) in Self.reports(file) where format != "json" {
            #expect(!text.contains("in all"), "\(format)")
            #expect(!text.contains("within the"), "\(format)")
            #expect(text.contains("live work about 22 min 13 s, not downtime"), "\(format): \(text)")
        }
        #expect(MarkdownReporter.render(Self.result(file)).contains("| 22 min 13 s (live) |"))
        #expect(JSONReporter.render(Self.result(file)).contains(#""estimatedSeconds":0,"#))
    }

    /// A 3-minute build is drawn wider than a 0.05 s statement, and a longer one wider still.
    @Test func theTimelineIsDrawnToTime() {
        let sql = "SET lock_timeout = '2s';\nCREATE INDEX a_idx ON small (c);\nCREATE INDEX b_idx ON medium (c);\nCREATE INDEX c_idx ON large (c);\n"
        // 150 MB/s: 27,000 MB is 3 min, 270,000 MB 30 min.
        let file = TestSupport.check(sql, options: EstimateTests.options(["small": 1, "medium": 27_000 * EstimateTests.megabyte,
                                                                          "large": 270_000 * EstimateTests.megabyte], patchBudget: 36_000))
        let widths = LockTimeline(file).slots.map(\.width)
        #expect(widths.count == 5, "four statements and the COMMIT")
        #expect(abs(widths[1] - LockTimeline.TimeScale.minimumWidth) < 0.01)
        #expect(widths[2] > widths[1] * 4, "3 min against 0.05 s: \(widths)")
        #expect(widths[3] > widths[2] + 40, "ten times longer: one more step on the log scale")
        let svg = LockTimelineSVG.render(LockTimeline(file), file: 1)
        #expect(svg.contains(LockTimelineSVG.axisTitle))
    }
}
