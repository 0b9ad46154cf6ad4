import Foundation
import Testing
import PatchgateEffects
import PatchgateRules
import PatchgateRunners
import PatchgateSyntax

/// The rule pages in rules/ are documentation and tests at once: every `sql bad` block must
/// trigger its rule (and no other beyond its `-- expect:` line), every `sql good` block must
/// not, so the docs cannot drift from the code.
struct RulePageTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let rule: String
        let isBad: Bool
        let sql: String
        /// The page's `sql schema` block, if any: the schema the example runs against.
        let schema: String?
        /// The page's `json stats` block, if any: table sizes in the `--stats` format. Without
        /// one the examples run with `--assume-small`, so that only the page's rule speaks.
        let stats: String?
        let expected: Set<String>
        /// From a first line `-- patchgate-test: profile=launchpad file=patch-2300-01-1.sql`:
        /// the profile and file name the example is checked with (the line itself is not).
        var setting = ExampleSetting()
        /// `rules/<id>.md:<line>` of the block, for failure messages.
        let location: String
        var testDescription: String { location }
    }

    static let rulesDirectory = TestSupport.repositoryRoot.appendingPathComponent("rules")

    /// A page that cannot be read is a failure, not a page without examples.
    static func pageIDs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func examples() throws -> [Example] { try pageIDs().flatMap(examples(in:)) }

    static func examples(in id: String) throws -> [Example] {
        let text = try String(contentsOf: rulesDirectory.appendingPathComponent("\(id).md"), encoding: .utf8)
        var found: [Example] = []
        var schema: String?
        var current: (isBad: Bool, line: Int, lines: [String])?
        var schemaLines: [String]?
        var stats: String?
        var statsLines: [String]?
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, schemaLines == nil, line == "```sql schema" {
                schemaLines = []
            } else if current == nil, statsLines == nil, line == "```json stats" {
                statsLines = []
            } else if let lines = schemaLines {
                if line == "```" { schema = lines.joined(separator: "\n"); schemaLines = nil } else { schemaLines?.append(line) }
            } else if let lines = statsLines {
                if line == "```" { stats = lines.joined(separator: "\n"); statsLines = nil } else { statsLines?.append(line) }
            } else if current == nil, line == "```sql bad" || line == "```sql good" {
                current = (line.hasSuffix("bad"), number + 1, [])
            } else if let block = current, line == "```" {
                let expected = block.lines.filter { $0.hasPrefix("-- expect:") }
                    .flatMap { $0.dropFirst("-- expect:".count).split(separator: " ").map(String.init) }
                let setting = ExampleSetting(firstLine: block.lines.first)
                let sql = setting == nil ? block.lines : Array(block.lines.dropFirst())
                found.append(Example(rule: id, isBad: block.isBad, sql: sql.joined(separator: "\n") + "\n",
                                     schema: schema, stats: stats, expected: Set(expected), setting: setting ?? ExampleSetting(),
                                     location: "rules/\(id).md:\(block.line)"))
                current = nil
            } else if current != nil {
                current?.lines.append(line)
            }
        }
        return found
    }

    /// The findings that count: suppressed ones are shown but do not.
    static func findings(_ sql: String, schema: String? = nil, stats: String? = nil,
                         setting: ExampleSetting = ExampleSetting()) throws -> [Finding] {
        var options = CheckOptions(catalog: schema.map { TestSupport.catalog($0) })
        options.statistics = try stats.map(FixtureStats.parse)
        options.assumeSmall = stats == nil
        options.profile = setting.profile
        options.launchpadRequiresConcurrently = setting.launchpadRequiresConcurrently
        if let runner = setting.runner { options.runner = DetectedRunner(runner.runner(forFile: setting.fileName)) }
        if setting.detectsRunner { options.runner = DirectiveDetectedRunner() }
        return TestSupport.check(sql, path: setting.fileName, options: options).findings.filter { !$0.isSuppressed }
    }

    static func findings(_ sql: String, of example: Example) throws -> [Finding] {
        try findings(sql, schema: example.schema, stats: example.stats, setting: example.setting)
    }

    /// `patchgate explain` prints the embedded copy: regenerate with scripts/gen-rule-pages.py.
    @Test(arguments: try pageIDs())
    func embeddedPageIsFresh(id: String) throws {
        var text = try String(contentsOf: Self.rulesDirectory.appendingPathComponent("\(id).md"), encoding: .utf8)
        while text.hasSuffix("\n") { text.removeLast() }
        #expect(RuleRegistry.page(for: id) == text, "rules/\(id).md changed: run scripts/gen-rule-pages.py")
    }

    @Test func explainWorksFromTheBinaryAlone() throws {
        let directory = try TestSupport.temporaryDirectory()
        let copy = directory.appendingPathComponent("patchgate")
        try FileManager.default.copyItem(at: TestSupport.binary, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["explain", "table-rewrite"]
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.hasPrefix("# table-rewrite\n"))
        let rules = try TestSupport.run(["rules"])
        #expect(rules.stdout.split(separator: "\n").count == RuleRegistry.all.count)
    }

    @Test func invalidFindingsCannotBeSuppressed() {
        let result = TestSupport.check("-- patchgate: ignore-file syntax-error -- trust me\nSELEC 1;\n")
        #expect(result.verdict == .invalid)
        #expect(result.findings.contains { $0.rule == "invalid-suppression" })
    }

    @Test func statementSuppressionCoversOnlyTheNextStatement() {
        let result = TestSupport.check("""
            -- patchgate: ignore dml-without-where size-unknown -- five rows
            UPDATE invoice_status SET label = upper(label);
            UPDATE invoice SET paid = true;
            """)
        let rules = result.findings.map { "\($0.rule):\($0.start.line):\($0.isSuppressed)" }
        #expect(rules == ["dml-without-where:2:true", "size-unknown:2:true", "dml-without-where:3:false", "size-unknown:3:false"])
        #expect(result.verdict == .rejected)
    }

    @Test func pagesRulesAndSourcesNameTheSameIDs() throws {
        let registered = RuleRegistry.all.map(\.id)
        let sourceDirectory = TestSupport.repositoryRoot.appendingPathComponent("Sources/PatchgateRules/Rules")
        var declared: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: sourceDirectory.path).sorted() {
            let text = try String(contentsOf: sourceDirectory.appendingPathComponent(file), encoding: .utf8)
            guard let range = text.range(of: #"static let id = "([a-z0-9-]+)""#, options: .regularExpression) else { continue }
            let id = String(text[range].split(separator: "\"")[1])
            declared.append(id)
            let typeName = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(file.lowercased() == "\(typeName).swift".lowercased(), "rule \(id) lives in \(file)")
        }
        #expect(registered == (try Self.pageIDs()))
        #expect(registered == declared.sorted())
    }

    /// The header line is the code's (`RuleDescriptor.pageHeader`); `PATCHGATE_RECORD=1` writes
    /// it into the page.
    @Test(arguments: try pageIDs())
    func pageHeaderMatchesTheRule(id: String) throws {
        let url = Self.rulesDirectory.appendingPathComponent("\(id).md")
        var text = try String(contentsOf: url, encoding: .utf8)
        let descriptor = try #require(RuleRegistry.all.first { $0.id == id })
        var lines = text.components(separatedBy: "\n")
        if ProcessInfo.processInfo.environment["PATCHGATE_RECORD"] == "1", lines.count > 2, lines[2] != descriptor.pageHeader {
            lines[2] = descriptor.pageHeader
            text = lines.joined(separator: "\n")
            try Data(text.utf8).write(to: url)
        }
        #expect(text.hasPrefix("# \(id)\n\n\(descriptor.pageHeader)\n\n"), "rules/\(id).md:3 is not the rule's header: record it with PATCHGATE_RECORD=1")
        #expect(text.contains("https://www.postgresql.org/docs/15/") || ["empty-patch", "binary-file", "invalid-utf8", "launchpad-file-name", "launchpad-in-baseline"].contains(id))
        for section in ["## Why", "## Safe alternative", "## Examples"] {
            #expect(text.contains(section), "rules/\(id).md lacks \(section)")
        }
    }

    /// A bad example's findings are reported with the severity and verdict the page's header
    /// (and `patchgate rules`, and SARIF) gives the rule.
    @Test(arguments: try examples().filter(\.isBad))
    func badExampleIsReportedAsTheHeaderSays(example: Example) throws {
        let descriptor = try #require(RuleRegistry.all.first { $0.id == example.rule })
        for finding in try Self.findings(example.sql, of: example) where finding.rule == example.rule {
            let untimed = descriptor.isTimeBound && finding.severity == .error && finding.verdict == .rejected
            #expect(untimed || finding.severity == descriptor.severity && finding.verdict == descriptor.verdict,
                    "\(example.location): reported \(finding.severity.rawValue)/\(finding.verdict.rawValue), header says \(descriptor.pageHeader)")
        }
    }

    @Test(arguments: try examples())
    func exampleBehavesAsDocumented(example: Example) throws {
        #expect(example.setting.unknownWords.isEmpty, "\(example.location): unknown patchgate-test words \(example.setting.unknownWords)")
        let findings = try Self.findings(example.sql, of: example)
        let rules = Set(findings.map(\.rule))
        if example.isBad {
            #expect(rules.contains(example.rule), "\(example.location): bad example does not trigger \(example.rule)")
            #expect(rules.subtracting([example.rule]).subtracting(example.expected).isEmpty,
                    "\(example.location): also triggers \(rules.subtracting([example.rule]).sorted())")
        } else {
            #expect(!rules.contains(example.rule), "\(example.location): good example triggers \(example.rule)")
            // A typo that makes the good example a syntax error must not pass as "no finding".
            let invalid = Set(findings.filter { $0.verdict == .invalid }.map(\.rule)).subtracting(example.expected)
            #expect(invalid.isEmpty, "\(example.location): good example is invalid: \(invalid.sorted())")
            // The good example is the help applied to the bad one: following the help must not
            // trade this rule's finding for another rule's rejection.
            let rejected = Set(findings.filter { $0.verdict == .rejected }.map(\.rule)).subtracting(example.expected)
            #expect(rejected.isEmpty, "\(example.location): good example is rejected by \(rejected.sorted())")
        }
    }

    /// A bad example commented out no longer triggers its rule: rules read syntax, not text.
    @Test(arguments: try examples().filter(\.isBad))
    func commentedOutBadExampleIsSilent(example: Example) throws {
        let commented = example.sql.split(separator: "\n", omittingEmptySubsequences: false).map { "-- " + $0 }.joined(separator: "\n")
        #expect(!(try Self.findings(commented, of: example)).contains { $0.rule == example.rule }, "\(example.location)")
    }

    /// A reviewed suppression turns the bad example's finding off (suppression rules aside, and
    /// rules that make a file invalid, which cannot be suppressed).
    static func suppressibleBadExamples() throws -> [Example] {
        let invalid = Set(RuleRegistry.all.filter { $0.verdict == .invalid }.map(\.id))
        return try examples().filter { $0.isBad && !$0.rule.hasSuffix("-suppression") && !invalid.contains($0.rule) }
    }

    @Test(arguments: try suppressibleBadExamples())
    func suppressedBadExampleIsSilent(example: Example) throws {
        let suppressed = "-- patchgate: ignore-file \(example.rule) -- reviewed for the rule page\n" + example.sql
        #expect(!(try Self.findings(suppressed, of: example)).contains { $0.rule == example.rule }, "\(example.location)")
    }

    /// After a multibyte line the finding moves down one line and keeps its column.
    @Test(arguments: try examples().filter(\.isBad))
    func findingMovesWithTheText(example: Example) throws {
        let before = try #require(try Self.findings(example.sql, of: example).first { $0.rule == example.rule })
        let shifted = try #require(try Self.findings("-- é日本語 ünïcödé\n" + example.sql, of: example).first { $0.rule == example.rule })
        #expect(shifted.start.line == before.start.line + 1, "\(example.location)")
        #expect(shifted.start.column == before.start.column, "\(example.location)")
    }
}
