import Foundation
import PatchgateReport
import PatchgateRules
import Testing

/// The review formats: Markdown for a merge-request comment (rendered with GitHub's cmark-gfm
/// through `Tests/Reports/render_check.py`) and the self-contained HTML page (opened in headless
/// Chromium). Golden files in `fixtures/golden/`; `PATCHGATE_RECORD=1` rewrites them.
@Suite(.serialized)
struct ReviewReporterTests {
    static func checked(_ paths: [String]) throws -> CheckResult { try FixtureStats.checked(paths) }

    static func examples() throws -> CheckResult { try FixtureStats.examples() }

    static func xss() throws -> CheckResult { try checked(["fixtures/xss/xss.sql"]) }

    // MARK: golden files and determinism

    @Test(arguments: ["examples.md", "examples.html"])
    func examplesMatchGolden(golden: String) throws {
        let result = try Self.examples()
        let rendered = golden.hasSuffix(".md") ? MarkdownReporter.render(result) : HTMLReporter.render(result)
        let url = TestSupport.repositoryRoot.appendingPathComponent("fixtures/golden/\(golden)")
        if ProcessInfo.processInfo.environment["PATCHGATE_RECORD"] == "1" {
            try Data(rendered.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == expected, "regenerate with PATCHGATE_RECORD=1 swift test if the change is intended")
    }

    @Test func sameInputSameBytesWhateverTheFileOrder() throws {
        let result = try Self.examples()
        let reversed = CheckResult(files: result.files.reversed(), inputErrors: [])
        #expect(MarkdownReporter.render(result) == MarkdownReporter.render(reversed))
        #expect(HTMLReporter.render(result) == HTMLReporter.render(reversed))
        let both = MarkdownReporter.render(result) + HTMLReporter.render(result)
        #expect(!both.contains(TestSupport.repositoryRoot.path), "no absolute paths")
    }

    // MARK: Markdown through GitHub's renderer

    /// One row of an effects table as GitHub shows it: file, then the nine cells (the estimate
    /// from fixtures/stats.json).
    @Test(arguments: [
        ("05-blocking-index.sql", ["1", "CREATE INDEX order_line_created_idx ON order_line (created_at)",
                                   "public.order_line", "ShareLock", "writes", "—", "—", "public.order_line_created_idx", "22 min 45 s"]),
        ("01-create-index-concurrently.sql", ["3", "CREATE INDEX CONCURRENTLY IF NOT EXISTS order_line_product_idx ON order_line (product_id)",
                                              "public.order_line", "ShareUpdateExclusiveLock", "—", "—", "—",
                                              "public.order_line_product_idx, concurrently", "22 min 45 s (live)"]),
        ("04-volatile-default.sql", ["2", "ALTER TABLE order_line ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp()",
                                     "public.order_line", "AccessExclusiveLock", "reads, writes", "rewrite", "—", "every index, rebuilt", "1 h 28 min"]),
        ("09-not-null-in-one-go.sql", ["4", "ALTER TABLE customer VALIDATE CONSTRAINT customer_email_not_null",
                                       "public.customer", "ShareUpdateExclusiveLock", "—", "—", "scan", "—", "0.12 s"]),
        ("10-psql-script.sql", ["3", "SET lock_timeout = '1s'", "—", "—", "—", "—", "—", "—", "0.05 s"]),
    ])
    func effectsTableRendersOnGitHub(file: String, row: [String]) throws {
        let result = try Self.checked(["fixtures/examples/\(file)"])
        let rendered = try GFM.render(MarkdownReporter.render(result))
        let table = try #require(rendered.effectsTables.first)
        #expect(table.header == ["line", "statement", "table", "lock mode", "blocks", "rewrite", "scan", "index build", "estimate"])
        #expect(table.rows.contains(row), "rows: \(table.rows)")
    }

    @Test func findingsLinkToTheirRulePages() throws {
        let rendered = try GFM.render(MarkdownReporter.render(try Self.examples()))
        // rules/<id>.md is not in the user's repository: without ruleDocsUrl the command is named.
        #expect(rendered.text.contains("require-concurrent-index-creation (patchgate explain require-concurrent-index-creation)"))
        #expect(rendered.text.contains("help: use CREATE INDEX CONCURRENTLY, in a file of its own, outside a transaction"))
        #expect(rendered.headings.contains("❌ rejected: fixtures/examples/05-blocking-index.sql"))
        #expect(rendered.headings.contains("✅ hot: fixtures/examples/01-create-index-concurrently.sql"))
    }

    @Test func patchTextStaysLiteralOnGitHub() throws {
        let markdown = MarkdownReporter.render(try Self.xss())
        let rendered = try GFM.render(markdown)
        // Only what the reporter writes itself: no element a patch could have opened.
        let allowed: Set = ["a", "blockquote", "br", "code", "del", "details", "em", "h2", "h3", "li", "p", "pre", "strong",
                            "summary", "table", "tbody", "td", "th", "thead", "tr", "ul"]
        #expect(Set(rendered.elements).isSubset(of: allowed), "elements: \(rendered.elements)")
        let cells = rendered.tables.flatMap { $0.rows.flatMap { $0 } }
        #expect(rendered.effectsTables.allSatisfy { table in table.rows.allSatisfy { $0.count == 9 } })
        #expect(rendered.tables.first?.rows.allSatisfy { $0.count == 4 } == true, "the summary table")
        #expect(cells.contains("CREATE TABLE \"t|<script>alert(1)</script>\" (id bigint PRIMARY KEY, note text)"))
        #expect(cells.contains("public.order|line"))
        #expect(cells.contains("public.i`<img src=x onerror=alert(1)>"))
        #expect(cells.contains("UPDATE \"x<y>\"\" onmouseover=\"\"alert(1)\" SET n = '</script><script>|`y`'"))
        #expect(cells.contains("COMMENT ON TABLE customer IS '~~s~~ $x$ *e* _u_ [l](/x) &amp;'"))
        #expect(rendered.text.contains("every row of public.x<y>\" onmouseover=\"alert(1) in one transaction"))
    }

    @Test func suppressedFindingsStayVisibleWithTheirReason() throws {
        let result = try Self.xss()
        let rendered = try GFM.render(MarkdownReporter.render(result))
        #expect(rendered.text.contains("suppressed because: reviewed: <b>tiny</b> | `lookup` & \"small\""))
        #expect(rendered.strikethrough.contains { $0.hasPrefix("warning require-concurrent-index-creation (patchgate explain require-concurrent-index-creation) · line 6") })
        let html = HTMLReporter.render(result)
        #expect(html.contains("<em>suppressed because:</em> reviewed: &lt;b&gt;tiny&lt;/b&gt; | `lookup` &amp; &quot;small&quot;"))
        #expect(html.contains("<mark class=\"suppressed\""))
    }

    /// Inputs with no statements, no text, or text that could move what a reviewer sees.
    @Test(arguments: [
        ("empty", Array("".utf8)),
        ("not UTF-8", [0x53, 0x45, 0x4C, 0xFF, 0x3B]),
        ("NUL byte", Array("SELECT 1;\0".utf8)),
        ("CRLF and tabs", Array("CREATE INDEX i ON t (c);\r\n\tDROP TABLE t;\r\n".utf8)),
        ("bidi control", Array("UPDATE t SET c = 'a\u{202E}b|`';\n".utf8)),
        ("error at the end", Array("SELECT (".utf8)),
    ])
    func oddInputsRenderCompletely(name: String, bytes: [UInt8]) throws {
        let file = TestSupport.onLargeStack { Checker.check(path: "odd/\(name).sql", bytes: bytes, options: CheckOptions()) }
        let result = CheckResult(files: [file], inputErrors: [.unreadable(path: "missing<1>.sql", reason: "no such file")])
        let html = HTMLReporter.render(result)
        let targets = Set(Self.values(of: "href=\"#", in: html)), ids = Set(Self.values(of: "id=\"", in: html))
        #expect(targets.isSubset(of: ids), "missing: \(targets.subtracting(ids).sorted())")
        #expect(html.contains("missing&lt;1&gt;.sql: cannot read: no such file"))
        #expect(html.contains("<strong class=\"verdict\">\(file.verdict.rawValue)</strong>"))
        let hidden = html.unicodeScalars.filter { HTMLTextProbe.isHidden($0) }
        #expect(hidden.isEmpty, "hidden characters: \(hidden.map { $0.value })")
        let markdown = MarkdownReporter.render(result)
        #expect(markdown.unicodeScalars.allSatisfy { !HTMLTextProbe.isHidden($0) })
        let rendered = try GFM.render(markdown)
        #expect(rendered.text.contains("missing<1>.sql: cannot read: no such file"))
        #expect(rendered.effectsTables.allSatisfy { $0.rows.allSatisfy { $0.count == 9 } })
        #expect(rendered.effectsTables.flatMap(\.rows).count == EffectRowCount.of(file))
    }

    // MARK: HTML

    @Test func htmlEscapesEverythingFromThePatch() throws {
        let html = HTMLReporter.render(try Self.xss())
        for raw in ["<script", "<img", "<b>", "onmouseover=\""] {
            #expect(!html.lowercased().contains(raw), "raw \(raw) in the HTML")
        }
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("public.x&lt;y&gt;&quot; onmouseover=&quot;alert(1)"))
        #expect(html.contains("&#39;single&#39;"))
        // Every `onerror=` is inside an escaped `<img` from the patch.
        let onerror = html.components(separatedBy: "onerror=").count - 1
        let escaped = html.components(separatedBy: "&lt;img src=x onerror=").count - 1
        #expect(onerror == escaped && onerror > 0)
    }

    @Test func htmlIsSelfContained() throws {
        let html = HTMLReporter.render(try Self.examples())
        let withoutSVGNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        for forbidden in ["http://", "https://", "<script", "<link", "src=", "url(", "@import", "@font-face"] {
            #expect(!withoutSVGNamespace.contains(forbidden), "\(forbidden) in the HTML report")
        }
    }

    @Test func everyInPageLinkHasItsTarget() throws {
        for result in [try Self.examples(), try Self.xss()] {
            let html = HTMLReporter.render(result)
            let targets = Set(Self.values(of: "href=\"#", in: html))
            let ids = Set(Self.values(of: "id=\"", in: html))
            #expect(!targets.isEmpty && targets.isSubset(of: ids), "missing: \(targets.subtracting(ids).sorted())")
            let findings = result.files.reduce(0) { $0 + $1.findings.count }
            #expect(targets.count(where: { $0.contains("-m") }) == findings, "each finding links to its highlight")
        }
    }

    @Test func findingsAreHighlightedInTheSQL() throws {
        let html = HTMLReporter.render(try Self.checked(["fixtures/examples/05-blocking-index.sql"]))
        let title = "warning[require-concurrent-index-creation]: CREATE INDEX blocks writes to public.order_line until the whole index is built"
        #expect(html.contains(title))
        #expect(html.contains("<span class=\"anchor\" id=\"f1-m0\"></span><span class=\"anchor\" id=\"f1-m1\"></span><mark class=\"sev-error\" title=\"error[over-budget]: "))
        #expect(html.contains(">CREATE INDEX order_line_created_idx ON order_line (created_at)</mark>;"))
    }

    @Test func timelineHoldsLocksUntilCommitOnlyInATransaction() throws {
        let inTransaction = HTMLReporter.render(try Self.checked(["fixtures/examples/09-not-null-in-one-go.sql"]))
        #expect(inTransaction.contains("statements by line, drawn to a log scale of time"))
        #expect(inTransaction.contains(">COMMIT<title>end of file: the transaction commits</title>"))
        #expect(inTransaction.contains("<rect class=\"held\" data-mode=\"AccessExclusiveLock\""))
        #expect(inTransaction.contains("public.customer: AccessExclusiveLock, held until COMMIT"))
        let autocommit = HTMLReporter.render(try Self.checked(["fixtures/examples/01-create-index-concurrently.sql"]))
        #expect(autocommit.contains("<rect class=\"taken\" data-mode=\"ShareUpdateExclusiveLock\""))
        #expect(!autocommit.contains("COMMIT<title>") && !autocommit.contains("class=\"held\""))
    }

    @Test(.enabled(if: Chromium.executable != nil, "chromium is not installed (apt-get install chromium): browser check skipped"))
    func htmlRendersInChromiumWithoutConsoleErrors() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The console check must be able to fail: a page with a script error is seen.
        let control = directory.appendingPathComponent("control.html")
        try Data("<!DOCTYPE html><p>x</p><script>undefinedFunction()</script>".utf8).write(to: control)
        #expect(!(try Chromium.run(control, directory: directory, screenshot: nil).consoleErrors.isEmpty))

        // PATCHGATE_SCREENSHOT=/some/dir/report.png keeps the screenshot and the page beside it,
        // to look at.
        let screenshot = ProcessInfo.processInfo.environment["PATCHGATE_SCREENSHOT"].map(URL.init(fileURLWithPath:))
            ?? directory.appendingPathComponent("report.png")
        let page = screenshot.deletingLastPathComponent().appendingPathComponent("report.html")
        let result = try Self.checked(["fixtures/examples/09-not-null-in-one-go.sql", "fixtures/xss/xss.sql"])
        try Data(HTMLReporter.render(result).utf8).write(to: page)
        let run = try Chromium.run(page, directory: directory, screenshot: screenshot)
        #expect(run.consoleErrors.isEmpty, "console: \(run.consoleErrors)")
        #expect(run.dom.contains("<strong class=\"verdict\">rejected</strong>"))
        #expect(run.dom.contains("&lt;/script&gt;&lt;script&gt;alert(1)"))
        #expect(run.dom.contains("\"t|&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(!run.dom.lowercased().contains("<script") && !run.dom.lowercased().contains("<img"))
        #expect(run.dom.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""))
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "a screenshot with content")
    }

    /// The page is never wider than the window, at a desktop and at a narrow width: wide tables
    /// and charts scroll in their own boxes. PATCHGATE_SCREENSHOT=/some/dir/report.png also keeps
    /// `report-1400.png` and `report-800.png` beside it, to look at.
    @Test(.enabled(if: Chromium.executable != nil, "chromium is not installed (apt-get install chromium): browser check skipped"),
          arguments: [1400, 800])
    func htmlFitsTheWindowInChromium(width: Int) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The measurement must be able to fail: a page with a wide element is seen.
        let control = "<!DOCTYPE html><body><div style=\"width: 2000px\">x</div></body>"
        #expect(try Chromium.pageWidth(of: control, window: width, directory: directory) > width)

        var files = try FixtureStats.examples().files + Self.xss().files
        let wide = "CREATE INDEX " + String(repeating: "a_very_long_index_name_", count: 2) + " ON "
            + String(repeating: "a_table_with_a_long_name_", count: 2) + " (" + (1...12).map { "column_number_\($0)" }.joined(separator: ", ") + ");\n"
        files.append(TestSupport.check(String(repeating: wide, count: 30), path: "patches/" + String(repeating: "very-long-directory-name/", count: 6) + "wide.sql"))
        let html = HTMLReporter.render(CheckResult(files: files, inputErrors: []))
        #expect(try Chromium.pageWidth(of: html, window: width, directory: directory) <= width)

        if let kept = ProcessInfo.processInfo.environment["PATCHGATE_SCREENSHOT"].map(URL.init(fileURLWithPath:)) {
            let page = kept.deletingLastPathComponent().appendingPathComponent("report-\(width).html")
            try Data(html.utf8).write(to: page)
            let shot = kept.deletingLastPathComponent().appendingPathComponent("report-\(width).png")
            let run = try Subprocess.run(try #require(Chromium.executable), Chromium.flags(directory) + [
                "--hide-scrollbars", "--window-size=\(width),3000", "--screenshot=\(shot.path)", page.absoluteString])
            #expect(run.status == 0)
        }
    }

    /// Attribute values after `prefix` (up to the closing quote), in document order.
    static func values(of prefix: String, in html: String) -> [String] {
        html.components(separatedBy: prefix).dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}

extension ReviewReporterTests {
    /// Characters no report may pass through: C0 (but line break and tab), DEL, C1, bidi controls.
    enum HTMLTextProbe {
        static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
    }

    /// Rows the effects table should have: one per relation a statement touches, at least one.
    enum EffectRowCount {
        static func of(_ file: FileResult) -> Int {
            file.source == nil ? 0 : file.statements.reduce(0) { total, statement in
                let effects = statement.effects
                let touched = Set(effects.locks.map(\.relation) + effects.rewrites + effects.scans + effects.indexBuilds.compactMap(\.table))
                let unplaced = effects.indexBuilds.contains { $0.table == nil }
                return total + max(1, touched.count + (unplaced ? 1 : 0))
            }
        }
    }

    /// GitHub's renderer, through `Tests/Reports/render_check.py`.
    enum GFM {
        struct Rendered: Decodable {
            struct Table: Decodable {
                let header: [String]
                let rows: [[String]]
            }

            let elements: [String]
            let tables: [Table]
            let links: [[String]]
            let headings: [String]
            let strikethrough: [String]
            let text: String

            /// The files' effects tables, without the summary table above them.
            var effectsTables: [Table] { tables.filter { $0.header.first == "line" } }
        }

        static func render(_ markdown: String) throws -> Rendered {
            let script = TestSupport.repositoryRoot.appendingPathComponent("Tests/Reports/render_check.py")
            let run = try Subprocess.run("/usr/bin/env", ["python3", script.path], stdin: Data(markdown.utf8))
            guard run.status == 0 else {
                throw Subprocess.Failure(description: "render_check.py failed (pip install -r Tests/Reports/requirements-review.txt?): \(run.stderr)")
            }
            return try JSONDecoder().decode(Rendered.self, from: Data(run.stdout.utf8))
        }
    }

    /// Debian's headless Chromium, as CI installs it (`apt-get install chromium`).
    enum Chromium {
        static let executable: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
            .split(separator: ":").map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }

        struct Run {
            let dom: String
            let consoleErrors: [String]
        }

        static func flags(_ directory: URL) -> [String] {
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory.appendingPathComponent("profile-\(UUID().uuidString)").path)"]
        }

        /// The width the page's content takes in a window `window` pixels wide: a copy of the
        /// page, without its policy against scripts, writes `scrollWidth` where --dump-dom shows it.
        static func pageWidth(of html: String, window: Int, directory: URL) throws -> Int {
            guard let executable else { throw Subprocess.Failure(description: "chromium not found") }
            let policy = #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#
            let probe = "<script>document.title = 'scrollWidth=' + document.documentElement.scrollWidth;</script>"
            let page = directory.appendingPathComponent("width-\(window).html")
            let measured = html.replacingOccurrences(of: policy, with: "").replacingOccurrences(of: "</body>", with: probe + "</body>")
            try Data(measured.utf8).write(to: page)
            let run = try Subprocess.run(executable, flags(directory) + ["--hide-scrollbars", "--window-size=\(window),900", "--dump-dom", page.absoluteString])
            guard let range = run.stdout.range(of: "<title>scrollWidth="),
                  let width = Int(run.stdout[range.upperBound...].prefix { $0.isNumber }) else {
                throw Subprocess.Failure(description: "no width measured: \(run.stderr.suffix(500))")
            }
            return width
        }

        /// Dumps the DOM (console messages go to stderr), then takes a screenshot if asked.
        static func run(_ page: URL, directory: URL, screenshot: URL?) throws -> Run {
            guard let executable else { throw Subprocess.Failure(description: "chromium not found") }
            let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)").path
            let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
                          "--enable-logging=stderr", "--v=0"]
            let dump = try Subprocess.run(executable, common + ["--dump-dom", page.absoluteString])
            let console = dump.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
            if let screenshot {
                let shot = try Subprocess.run(executable, common + ["--hide-scrollbars", "--window-size=1280,2400",
                                                                    "--screenshot=\(screenshot.path)", page.absoluteString])
                #expect(shot.status == 0, "chromium --screenshot: \(shot.stderr)")
            }
            #expect(dump.status == 0, "chromium --dump-dom: \(dump.stderr)")
            return Run(dom: dump.stdout, consoleErrors: console.map(String.init))
        }
    }

    /// A child process, killed after two minutes.
    enum Subprocess {
        struct Failure: Error, CustomStringConvertible { let description: String }

        static func run(_ executable: String, _ arguments: [String], stdin: Data = Data()) throws -> TestSupport.Run {
            try TestSupport.runProcess(URL(fileURLWithPath: executable), arguments, stdin: stdin, timeout: 120)
        }
    }
}
