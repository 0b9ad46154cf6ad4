import Foundation
import PatchgateRules
import PatchgateSource
import Testing

@testable import PatchgateReport

/// The CI formats (SARIF, GitLab Code Quality, JUnit XML, GitHub workflow commands): golden files
/// of the bundled examples, each format read back by a real consumer (the SARIF 2.1.0 schema,
/// junitparser) or by its own grammar, line-free fingerprints, and escaping of patch text.
/// The Python packages are in Tests/Reports/requirements.txt.
@Suite(.serialized)
struct CIReporterTests {
    struct Format: CustomTestStringConvertible, Sendable {
        let name: String
        let golden: String
        let render: @Sendable (CheckResult) -> String
        var testDescription: String { name }
    }

    static let formats = [
        Format(name: "sarif", golden: "examples.sarif", render: { SARIFReporter.render($0) }),
        Format(name: "gitlab", golden: "examples.gitlab.json", render: { GitLabReporter.render($0) }),
        Format(name: "junit", golden: "examples.junit.xml", render: { JUnitReporter.render($0) }),
        Format(name: "github", golden: "examples.github.txt", render: { GitHubReporter.render($0) }),
    ]

    // MARK: golden files and determinism

    @Test(arguments: formats)
    func examplesMatchGolden(format: Format) throws {
        let output = format.render(try CIFixtures.examples())
        let url = TestSupport.repositoryRoot.appendingPathComponent("fixtures/golden/\(format.golden)")
        if ProcessInfo.processInfo.environment["PATCHGATE_RECORD"] == "1" {
            try Data(output.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "regenerate with PATCHGATE_RECORD=1 swift test if the change is intended")
    }

    @Test(arguments: formats)
    func sameInputGivesSameBytesWithoutAbsolutePaths(format: Format) throws {
        let first = format.render(try CIFixtures.examples())
        let second = format.render(try CIFixtures.examples())
        #expect(first == second)
        #expect(!first.contains(TestSupport.repositoryRoot.path))
        #expect(first.contains("fixtures/examples/05-blocking-index.sql"))
    }

    // MARK: SARIF

    @Test(arguments: ["examples", "special"])
    func sarifIsValidAgainstTheSchema(input: String) throws {
        let result = input == "examples" ? try CIFixtures.examples() : CIFixtures.special()
        let check = try Python.run(CIFixtures.validateSARIF, input: SARIFReporter.render(result),
                                   arguments: [CIFixtures.sarifSchema.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "valid\n")
    }

    /// With `--rule-docs-url` every rule links its page, and the log still validates.
    @Test func sarifLinksRulePagesWhenTheirURLIsGiven() throws {
        var result = try CIFixtures.examples()
        result.ruleDocsBaseURL = "https://example.org/patchgate/rules"
        let sarif = SARIFReporter.render(result)
        let check = try Python.run(CIFixtures.validateSARIF, input: sarif, arguments: [CIFixtures.sarifSchema.path])
        #expect(check.stdout == "valid\n", "\(check.stderr)")
        let tool = try CIFixtures.sarifRun(result)["tool"] as? [String: Any]
        let rules = (tool?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(!rules.isEmpty)
        for rule in rules {
            #expect(rule["helpUri"] as? String == "https://example.org/patchgate/rules/\(rule["id"] as? String ?? "").md")
        }
        let bad = try TestSupport.run(["check", "--format", "sarif", "--rule-docs-url", "rules/", "fixtures/examples"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("not an absolute URL"))
    }

    /// The validation above can fail: a relative `helpUri` (the schema wants an absolute URI,
    /// which is why the reporter puts the rule page into `help`) and a level outside the enum.
    @Test(arguments: [
        ("\"name\":\"RequireConcurrentIndexCreation\"", "\"name\":\"RequireConcurrentIndexCreation\",\"helpUri\":\"rules/x.md\"", "helpUri"),
        ("\"level\":\"note\"", "\"level\":\"info\"", "level"),
    ])
    func sarifValidatorRejectsWhatTheSchemaForbids(original: String, replacement: String, field: String) throws {
        let sarif = SARIFReporter.render(try CIFixtures.examples())
        let broken = sarif.replacingOccurrences(of: original, with: replacement)
        #expect(broken != sarif)
        let check = try Python.run(CIFixtures.validateSARIF, input: broken, arguments: [CIFixtures.sarifSchema.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains(field), "\(check.stdout)")
    }

    @Test func sarifCarriesRegionsLevelsVerdictsAndRules() throws {
        let result = try CIFixtures.examples()
        let run = try CIFixtures.sarifRun(result)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        #expect(artifacts.map { ($0["properties"] as? [String: Any])?["verdict"] as? String } == result.files.map(\.verdict.rawValue))
        let rules = try #require((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        let findings = result.files.flatMap { file in file.findings.map { (file, $0) } }
        #expect(results.count == findings.count)
        #expect(rules.compactMap { $0["id"] as? String } == Set(findings.map(\.1.rule)).sorted())
        for (sarif, (file, finding)) in zip(results, findings) {
            #expect(sarif["ruleId"] as? String == finding.rule)
            let rule = try #require(rules.first { $0["id"] as? String == finding.rule })
            #expect((rule["help"] as? [String: Any])?["markdown"] as? String == RuleRegistry.page(for: finding.rule))
            #expect(sarif["level"] as? String == ["error": "error", "warning": "warning", "info": "note"][finding.severity.rawValue])
            let location = try #require((sarif["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == file.path)
            let region = try #require(location["region"] as? [String: Int])
            #expect(region["startLine"] == finding.start.line && region["startColumn"] == finding.start.column)
            #expect(region["endLine"] == finding.end.line && region["endColumn"] == finding.end.column)
            #expect((sarif["properties"] as? [String: Any])?["verdict"] as? String == finding.verdict.rawValue)
        }
    }

    @Test func sarifColumnsCountCodePoints() throws {
        // `SELECT 'żółw'; ` is 15 characters in 18 bytes; the index statement ends before its `;`
        let result = CheckResult(files: [TestSupport.check("SELECT 'żółw'; CREATE INDEX i ON t (c);\n")], inputErrors: [])
        let sarif = SARIFReporter.render(result)
        #expect(sarif.contains("\"region\":{\"startLine\":1,\"startColumn\":16,\"endLine\":1,\"endColumn\":39,\"byteOffset\":18,\"byteLength\":23}"),
                "\(sarif)")
    }

    @Test func sarifKeepsSuppressedFindingsWithTheirReason() throws {
        let results = try #require(try CIFixtures.sarifRun(CIFixtures.special())["results"] as? [[String: Any]])
        let suppressed = results.filter { !(($0["suppressions"] as? [Any])?.isEmpty ?? true) }
        #expect(suppressed.count == 1)
        let suppression = (suppressed.first?["suppressions"] as? [[String: String]])?.first
        #expect(suppression == ["kind": "inSource", "justification": CIFixtures.reason])
        #expect(results.allSatisfy { $0["suppressions"] is [Any] })
    }

    @Test func sarifReportsUnreadablePathsAsNotifications() throws {
        let run = try CIFixtures.sarifRun(CIFixtures.special())
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = (invocation["toolExecutionNotifications"] as? [[String: Any]])?.first
        #expect((notification?["message"] as? [String: String])?["text"] == CIFixtures.missing.message)
    }

    // MARK: GitLab Code Quality

    @Test func gitlabIssuesHaveTheRequiredFields() throws {
        let result = try CIFixtures.examples()
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(GitLabReporter.render(result).utf8)) as? [[String: Any]])
        let findings = result.files.flatMap { file in file.findings.filter { !$0.isSuppressed }.map { (file, $0) } }
        #expect(issues.count == findings.count)
        for (issue, (file, finding)) in zip(issues, findings) {
            #expect(issue["description"] as? String == finding.message)
            #expect(issue["check_name"] as? String == finding.rule)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
            let location = issue["location"] as? [String: Any]
            #expect(location?["path"] as? String == file.path)
            #expect((location?["lines"] as? [String: Int])?["begin"] == finding.start.line)
            #expect((issue["fingerprint"] as? String)?.count == 64)
        }
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == fingerprints.count)
        #expect(issues.map { $0["severity"] as? String }.contains("critical"))
        #expect(issues.map { $0["severity"] as? String }.contains("minor"))
        #expect(issues.map { $0["severity"] as? String }.contains("info"))
    }

    @Test(arguments: ["\n\n\n", "-- a comment above\n", "SELECT 1;\n", "\u{FEFF}"])
    func fingerprintSurvivesLinesInsertedAbove(prefix: String) throws {
        let sql = "CREATE INDEX order_line_created_idx ON order_line (created_at);\n"
        let before = try CIFixtures.fingerprint(of: "require-concurrent-index-creation", sql: sql)
        #expect(try CIFixtures.fingerprint(of: "require-concurrent-index-creation", sql: prefix + sql) == before)
        let reindented = "CREATE INDEX order_line_created_idx\n    ON order_line (created_at);\n"
        #expect(try CIFixtures.fingerprint(of: "require-concurrent-index-creation", sql: reindented) == before)
    }

    @Test func fingerprintDiffersByFileRuleStatementAndOccurrence() throws {
        let sql = "CREATE INDEX order_line_created_idx ON order_line (created_at);\n"
        let fingerprints = try [
            CIFixtures.fingerprint(of: "require-concurrent-index-creation", sql: sql),
            CIFixtures.fingerprint(of: "require-concurrent-index-creation", sql: sql, path: "patches/b.sql"),
            CIFixtures.fingerprint(of: "require-concurrent-index-creation", sql: "CREATE INDEX other_idx ON order_line (created_at);\n"),
            CIFixtures.fingerprint(of: "dml-without-where", sql: "DELETE FROM t;\n"),
            // the same statement twice: told apart by occurrence
            CIFixtures.fingerprint(of: "dml-without-where", sql: "DELETE FROM t;\nDELETE FROM t;\n", occurrence: 1),
        ]
        #expect(Set(fingerprints).count == fingerprints.count)
        #expect(try CIFixtures.fingerprint(of: "dml-without-where", sql: "DELETE FROM t;\nDELETE FROM t;\n") == fingerprints[3])
    }

    /// FIPS 180-2 vectors and padding edges (55, 56 and 64 bytes), repeated `count` times.
    @Test(arguments: [
        ("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("a", 1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ("a", 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        ("a", 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        ("a", 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
    func sha256MatchesKnownDigests(message: String, count: Int, digest: String) {
        #expect(SHA256.hex(String(repeating: message, count: count).utf8) == digest)
    }

    // MARK: JUnit

    @Test(arguments: ["examples", "special"])
    func junitReadsBackWithJunitparser(input: String) throws {
        let result = input == "examples" ? try CIFixtures.examples() : CIFixtures.special()
        let read = try Python.run(CIFixtures.readJUnit, input: JUnitReporter.render(result))
        #expect(read.status == 0, "\(read.stderr)")
        let parsed = try CIFixtures.json(read.stdout)
        let failing = result.files.filter { $0.verdict == .rejected || $0.verdict == .invalid }
        #expect(parsed["tests"] as? Int == result.files.count + result.inputErrors.count)
        #expect(parsed["failures"] as? Int == failing.count)
        #expect(parsed["errors"] as? Int == result.inputErrors.count)
        let cases = try #require(parsed["cases"] as? [[String: String]])
        let expected = result.files.map { file -> [String: String] in
            let outcome = failing.contains { $0.path == file.path } ? "Failure" : "passed"
            return ["classname": "patchgate", "name": file.path, "outcome": outcome, "type": outcome == "passed" ? "" : file.verdict.rawValue]
        } + result.inputErrors.map { ["classname": "patchgate", "name": $0.path, "outcome": "Error", "type": "input-error"] }
        #expect(cases.map { $0.filter { ["classname", "name", "outcome", "type"].contains($0.key) } } == expected)
        if input == "examples" { #expect(failing.count >= 2 && failing.count < result.files.count) }
    }

    // MARK: GitHub workflow commands

    @Test func githubWritesOneCommandPerUnsuppressedFinding() throws {
        let result = try CIFixtures.examples()
        let lines = GitHubReporter.render(result).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let findings = result.files.flatMap { file in file.findings.filter { !$0.isSuppressed }.map { (file, $0) } }
        #expect(lines.count == findings.count)
        for (line, (file, finding)) in zip(lines, findings) {
            let command = try #require(CIFixtures.WorkflowLine(String(line)))
            #expect(command.name == ["error": "error", "warning": "warning", "info": "notice"][finding.severity.rawValue])
            #expect(command.properties == [
                "file": file.path, "line": "\(finding.start.line)", "col": "\(finding.start.column)",
                "endLine": "\(finding.end.line)", "endColumn": "\(finding.end.column)", "title": finding.rule,
            ])
            #expect(command.message.hasPrefix(finding.message + "\nhelp: "))
        }
    }

    @Test func githubLeavesSuppressedFindingsOut() throws {
        let result = CIFixtures.special()
        let lines = GitHubReporter.render(result).split(separator: "\n")
        #expect(lines.count == result.files.reduce(0) { $0 + $1.findings.count { !$0.isSuppressed } } + 1)
        #expect(!lines.contains { $0.contains("file=patches/suppressed.sql,") && $0.contains("title=require-concurrent-index-creation") })
    }

    // MARK: escaping of patch text

    @Test func specialCharactersReachTheFindings() {
        let result = CIFixtures.special()
        let messages = result.files.flatMap { $0.findings.map(\.message) }
        #expect(messages.contains { $0.contains(CIFixtures.nastyTable) }, "\(messages)")
        #expect(result.files.contains { $0.path == CIFixtures.nastyPath })
    }

    @Test func sarifAndGitLabRoundTripPatchText() throws {
        let result = CIFixtures.special()
        let sarif = SARIFReporter.render(result), gitlab = GitLabReporter.render(result)
        for document in [sarif, gitlab] {
            #expect(!document.dropLast().contains("\n"), "a raw newline from the patch")
            _ = try JSONSerialization.jsonObject(with: Data(document.utf8))
        }
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(gitlab.utf8)) as? [[String: Any]])
        #expect(issues.contains { ($0["location"] as? [String: Any])?["path"] as? String == CIFixtures.nastyPath })
        #expect(issues.contains { ($0["description"] as? String)?.contains(CIFixtures.nastyTable) == true })
        // a URI reference cannot hold these characters raw: percent-encoded, byte by byte
        #expect(sarif.contains("\"uri\":\"patches/we%7Cird%60%22q%22%3C%26%3E%2C50%25%3A%0Aname.sql\""))
        let messages = (try CIFixtures.sarifRun(result)["results"] as? [[String: Any]])?.compactMap { ($0["message"] as? [String: String])?["text"] } ?? []
        #expect(messages.contains { $0.contains(CIFixtures.nastyTable) })
    }

    @Test func junitEscapesPatchText() throws {
        let xml = JUnitReporter.render(CIFixtures.special())
        #expect(xml.contains("name=\"patches/we|ird`&quot;q&quot;&lt;&amp;&gt;,50%:&#10;name.sql\""))
        #expect(!xml.contains("<&"))
        let read = try Python.run(CIFixtures.readJUnit, input: xml)
        #expect(read.status == 0, "\(read.stderr)")
        let cases = try #require(try CIFixtures.json(read.stdout)["cases"] as? [[String: String]])
        let nasty = try #require(cases.first { $0["name"] == CIFixtures.nastyPath })
        #expect(nasty["outcome"] == "Failure")
        #expect(nasty["text"]?.contains("public.\(CIFixtures.nastyTable) until") == true, "\(nasty)")
        let suppressed = try #require(cases.first { $0["name"] == "patches/suppressed.sql" })
        #expect(suppressed["out"]?.contains("suppressed: \(CIFixtures.reason)\n") == true, "\(suppressed)")
        let missing = try #require(cases.first { $0["name"] == CIFixtures.missing.path })
        #expect(missing["message"] == CIFixtures.missing.message)
    }

    @Test func githubEscapesPatchText() throws {
        let output = GitHubReporter.render(CIFixtures.special())
        let lines = output.split(separator: "\n").map(String.init)
        let nasty = lines.filter { $0.contains("file=patches/we|ird`\"q\"<&>%2C50%25%3A%0Aname.sql,") }
        #expect(!nasty.isEmpty, "\(output)")
        for line in nasty {
            let command = try #require(CIFixtures.WorkflowLine(line))
            #expect(command.properties["file"] == CIFixtures.nastyPath)
        }
        // A line break in an identifier is shown replaced: it cannot start a line of the annotation.
        let shownTable = CIFixtures.nastyTable.replacingOccurrences(of: "\n", with: "\u{FFFD}")
        #expect(lines.compactMap(CIFixtures.WorkflowLine.init).contains { $0.message.contains(shownTable) })
        #expect(WorkflowCommand.escapeData("esc\u{1B}[2J bell\u{7} rlo\u{202E} csi\u{9B}") == "esc\u{FFFD}[2J bell\u{FFFD} rlo\u{FFFD} csi\u{FFFD}")
        #expect(WorkflowCommand.escapeProperty("a:b,c%d\re\nf") == "a%3Ab%2Cc%25d%0De%0Af")
        #expect(WorkflowCommand.escapeData("a:b,c%d\re\nf") == "a:b,c%25d%0De%0Af")
    }

    @Test(arguments: [
        ("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&apos;", "a&lt;b&gt;&amp;\"c'"),
        ("l1\nl2\r\tx", "l1&#10;l2&#13;&#9;x", "l1&#10;l2&#13;&#9;x"),
        ("del\u{7F} nel\u{85} rlo\u{202E} pdi\u{2069}", "del&#x7F; nel&#x85; rlo&#x202E; pdi&#x2069;", "del&#x7F; nel&#x85; rlo&#x202E; pdi&#x2069;"),
        ("|`]]>", "|`]]&gt;", "|`]]&gt;"),
    ])
    func xmlEscapesMarkup(text: String, attribute: String, content: String) {
        #expect(XMLText.attribute(text) == attribute)
        #expect(XMLText.content(text) == content)
    }

    @Test func xmlReplacesWhatXMLCannotHoldEvenEscaped() {
        let text = "nul\u{0}bell\u{7}del\u{7F}\u{FFFE}"
        #expect(XMLText.content(text) == "nul\u{FFFD}bell\u{FFFD}del&#x7F;\u{FFFD}")
        #expect(XMLText.attribute(text) == XMLText.content(text))
    }
}

/// The inputs of the CI reporter tests and the readers that check them.
enum CIFixtures {
    static let nastyPath = "patches/we|ird`\"q\"<&>,50%:\nname.sql"
    /// A quoted identifier holding everything a format must escape.
    static let nastyTable = "ta|b`le\"<&\nx"
    static let reason = "reviewed: \"tiny\" <10 rows> & `ok` | fine"
    static let missing = InputError.unreadable(path: "patches/missing <&>.sql", reason: "No such file or directory")

    static var sarifSchema: URL {
        let shared = ProcessInfo.processInfo.environment["PATCHGATE_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? TestSupport.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
    }

    /// `fixtures/examples` as `patchgate check fixtures/examples` sees it, from the repository root.
    static func examples() throws -> CheckResult { try FixtureStats.examples() }

    /// Patch text with `|`, a backtick, `"`, `<`, `&` and a newline in a path, an identifier and a
    /// suppression reason; a suppressed finding; a path that could not be read.
    static func special() -> CheckResult {
        let nasty = TestSupport.check("CREATE INDEX nasty_idx ON \"ta|b`le\"\"<&\nx\" (c);\n", path: nastyPath)
        let suppressed = TestSupport.check("-- patchgate: ignore require-concurrent-index-creation -- \(reason)\nCREATE INDEX quiet_idx ON t (c);\n",
                                           path: "patches/suppressed.sql")
        return CheckResult(files: [nasty, suppressed], inputErrors: [missing])
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func sarifRun(_ result: CheckResult) throws -> [String: Any] {
        try #require((try json(SARIFReporter.render(result))["runs"] as? [[String: Any]])?.first)
    }

    /// The fingerprint of the `occurrence`-th finding of `rule` in `sql` checked as `path`.
    static func fingerprint(of rule: String, sql: String, path: String = "patches/a.sql", occurrence: Int = 0) throws -> String {
        let file = TestSupport.check(sql, path: path)
        let matching = zip(file.findings, Fingerprint.all(in: file)).filter { $0.0.rule == rule }.map(\.1)
        try #require(matching.count > occurrence, "\(file.findings.map(\.rule))")
        return matching[occurrence]
    }

    /// One workflow command, unescaped: `::name key=value,…::message`.
    struct WorkflowLine {
        let name: String
        let properties: [String: String]
        let message: String

        init?(_ line: String) {
            guard line.hasPrefix("::"), let end = line.dropFirst(2).range(of: "::") else { return nil }
            let head = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
            let parts = head.split(separator: " ", maxSplits: 1)
            guard let name = parts.first else { return nil }
            var properties: [String: String] = [:]
            for pair in parts.dropFirst().first?.split(separator: ",") ?? [] {
                let keyValue = pair.split(separator: "=", maxSplits: 1)
                guard keyValue.count == 2 else { return nil }
                properties[String(keyValue[0])] = Self.unescape(keyValue[1])
            }
            self.name = String(name)
            self.properties = properties
            message = Self.unescape(line[end.upperBound...])
        }

        /// The escapes other than `%25` first: an escaped `%` never forms one of them.
        static func unescape(_ text: Substring) -> String {
            [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]
                .reduce(String(text)) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
    }

    /// Validates stdin against the schema in argv[1] with the draft the schema declares, format
    /// checks on (`uri` needs rfc3986-validator: without it they would pass silently).
    static let validateSARIF = #"""
    import json, sys
    import jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    document = json.load(sys.stdin)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    if not cls.FORMAT_CHECKER.conforms("https://example.org/x", "uri") or cls.FORMAT_CHECKER.conforms("rules/x.md", "uri"):
        sys.exit("the uri format is not checked: pip install -r Tests/Reports/requirements.txt")
    errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors[:20]:
        print("/".join(map(str, error.absolute_path)), error.message)
    if errors:
        sys.exit(1)
    print("valid")
    """#

    /// Reads JUnit XML from stdin with junitparser; prints the counts and the cases as JSON.
    static let readJUnit = #"""
    import json, sys
    from junitparser import JUnitXml
    xml = JUnitXml.fromstring(sys.stdin.buffer.read())
    suites = list(xml)
    assert len(suites) == 1, len(suites)
    cases = []
    for case in suites[0]:
        results = list(case.result)
        assert len(results) <= 1
        outcome = type(results[0]).__name__ if results else "passed"
        cases.append({"classname": case.classname, "name": case.name, "outcome": outcome,
                      "type": results[0].type if results else "", "message": results[0].message if results else "",
                      "text": results[0].text if results else "", "out": case.system_out or ""})
    counted = {"tests": len(cases), "failures": sum(c["outcome"] == "Failure" for c in cases),
               "errors": sum(c["outcome"] == "Error" for c in cases)}
    for element in (xml, suites[0]):
        for key, value in counted.items():
            assert getattr(element, key) == value, (key, getattr(element, key), value)
    print(json.dumps(dict(counted, cases=cases)))
    """#
}

/// Runs a Python 3 script with `input` on its standard input.
enum Python {
    static func run(_ script: String, input: String, arguments: [String] = []) throws -> TestSupport.Run {
        try TestSupport.runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments, stdin: Data(input.utf8))
    }
}
