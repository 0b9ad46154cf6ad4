import Foundation
import Testing

/// File names, identifiers and configuration values written to attack whoever reads the output:
/// a newline and a GitHub workflow command, terminal escapes (clear screen, set title), BEL, C1
/// controls and bidirectional overrides, and Markdown/HTML markup. Through the binary, for every
/// format: the exit code, the message, and the raw bytes of standard output and standard error,
/// none of which may be a control or bidirectional character other than the line breaks the
/// format writes itself.
@Suite(.serialized)
struct HostileOutputTests {
    /// A checked patch; its name would start a workflow command line and clear the screen.
    static let patchName = "x\n::error file=evil::pwned \u{1B}[2J\u{07}\u{202E}\u{9B}\u{2066}|`<b>.sql"
    /// A dangling link, so that its name is printed in an input error.
    static let unreadableName = "y\u{1B}]0;owned\u{07}\r\n::warning::z\u{7F}\u{85}.sql"
    /// A quoted identifier: PostgreSQL accepts every character in it but NUL.
    static let table = "t\u{1B}[2J\u{07}\u{202E}\u{9B}\u{2069}\u{200F}\u{061C}x"
    static let formats = ["text", "json", "markdown", "html", "sarif", "gitlab", "junit", "github"]

    /// Every character that could drive a terminal or reorder text, but the line feed.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// What in `bytes` would reach the terminal unescaped, as `U+XXXX` (or a note that they are not UTF-8).
    static func hiddenCharacters(_ bytes: Data) -> [String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { return ["bytes that are not UTF-8"] }
        return text.unicodeScalars.filter(isHidden).map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// A directory holding the hostile patch and the hostile dangling link.
    static func hostileDirectory() throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        let sql = "SELECT 1;\nCREATE INDEX i ON \"\(table)\" (a);\n"
        try Data(sql.utf8).write(to: directory.appendingPathComponent(patchName))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(unreadableName).path,
                                                   withDestinationPath: "/nonexistent/target.sql")
        return directory
    }

    @Test(arguments: formats)
    func noHostileCharacterReachesTheTerminal(format: String) throws {
        let directory = try Self.hostileDirectory()
        let run = try TestSupport.run(["check", "--format", format, directory.path])
        #expect(run.status == 2, "the unreadable file makes it an input problem")
        #expect(Self.hiddenCharacters(run.raw.stdout).isEmpty, "stdout: \(Self.hiddenCharacters(run.raw.stdout))")
        #expect(Self.hiddenCharacters(run.raw.stderr).isEmpty, "stderr: \(Self.hiddenCharacters(run.raw.stderr))")
        // The patch was checked and its finding quotes the table; the other file is reported.
        #expect(run.stdout.contains("pwned"))
        #expect(run.stdout.contains("blocks writes"), "\(format): \(run.stdout)")
        let errors = format == "text" ? run.stdout : run.stderr
        #expect(errors.contains("owned") && errors.contains("cannot read"), "\(format): \(errors)")
        // No line of any report starts with a name: a GitHub runner reads `::` there as a command.
        let lines = (run.stdout + run.stderr).split(separator: "\n")
        if format == "github" {
            #expect(run.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        }
        #expect(!lines.contains { $0.hasPrefix("::warning::z") || $0.hasPrefix("::error file=evil") }, "\(format): \(lines)")
    }

    @Test func textShowsTheNameWithItsControlsReplaced() throws {
        let run = try TestSupport.run(["check", try Self.hostileDirectory().path])
        #expect(run.status == 2)
        #expect(run.stdout.contains("x\u{FFFD}::error file=evil::pwned \u{FFFD}[2J\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}|`<b>.sql:2:1: warning[require-concurrent-index-creation]: CREATE INDEX blocks writes to public.t\u{FFFD}[2J\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}x "))
        #expect(run.stdout.contains("error: ") && run.stdout.contains("y\u{FFFD}]0;owned\u{FFFD}\u{FFFD}\u{FFFD}::warning::z\u{FFFD}\u{FFFD}.sql: cannot read"))
    }

    /// JSON, SARIF and GitLab keep the exact name and identifier, in their own escapes.
    @Test func jsonKeepsTheExactNames() throws {
        let directory = try Self.hostileDirectory()
        let run = try TestSupport.run(["check", "--format", "json", directory.path])
        #expect(run.status == 2)
        #expect(run.stdout.contains("\\u001b[2J\\u0007\\u202e\\u009b"))
        let json = try #require(try JSONSerialization.jsonObject(with: run.raw.stdout) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["path"] as? String == directory.appendingPathComponent(Self.patchName).path)
        let messages = (file["findings"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
        #expect(messages.contains { $0.contains(Self.table) }, "\(messages)")

        let gitlab = try TestSupport.run(["check", "--format", "gitlab", directory.path])
        let issues = try #require(try JSONSerialization.jsonObject(with: gitlab.raw.stdout) as? [[String: Any]])
        let paths = issues.compactMap { ($0["location"] as? [String: Any])?["path"] as? String }
        #expect(paths.contains(directory.appendingPathComponent(Self.patchName).path), "\(paths)")
    }

    /// GitHub's own escapes: the name stays the file's (the runner decodes `%0A`, `%3A`), and a
    /// control it has no escape for is replaced.
    @Test func githubEscapesTheNameAsAProperty() throws {
        let run = try TestSupport.run(["check", "--format", "github", try Self.hostileDirectory().path])
        #expect(run.status == 2)
        #expect(run.stdout.contains("/x%0A%3A%3Aerror file=evil%3A%3Apwned \u{FFFD}[2J\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}|`<b>.sql,line=2,col=1,"))
        #expect(run.stdout.contains("/y\u{FFFD}]0;owned\u{FFFD}%0D%0A%3A%3Awarning%3A%3Az\u{FFFD}\u{FFFD}.sql,title=input-error::"))
    }

    /// Markdown and HTML escape their markup in names too.
    @Test func reviewFormatsEscapeMarkupInNames() throws {
        let directory = try Self.hostileDirectory()
        let markdown = try TestSupport.run(["check", "--format", "markdown", directory.path])
        #expect(markdown.status == 2)
        #expect(markdown.stdout.contains("pwned \u{FFFD}\\[2J\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\\|\\`&lt;b&gt;.sql</code>"), "\(markdown.stdout)")
        let html = try TestSupport.run(["check", "--format", "html", directory.path])
        #expect(html.status == 2)
        #expect(html.stdout.contains("|`&lt;b&gt;.sql</code>"))
        #expect(!html.stdout.contains("<b>") && !markdown.stdout.contains("<b>"))
    }

    /// A configuration value is echoed in its error: shown, not obeyed.
    @Test func configurationErrorShowsControlsReplaced() throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data("budget: \"soon\\e[2J\\a\\u202E\\n::error::x\"\n".utf8).write(to: directory.appendingPathComponent(".patchgate.yml"))
        try Data("SELECT 1;\n".utf8).write(to: directory.appendingPathComponent("good.sql"))
        let run = try TestSupport.run(["check", "good.sql"], directory: directory)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == ".patchgate.yml:1:9: error: 'budget': 'soon\u{FFFD}[2J\u{FFFD}\u{FFFD}\u{FFFD}::error::x' is not a duration such as 5m, 15s or 300\n")
        #expect(Self.hiddenCharacters(run.raw.stderr).isEmpty)
    }

    /// 4,000 statements on one line of 100 KB: each finding shows a window of the line around
    /// its span, cut with `…`, not the whole line (which made 770 MB of text).
    @Test func longLineIsShownAsAWindowAroundTheSpan() throws {
        let statement = "CREATE INDEX i ON t (a); "
        let directory = try TestSupport.temporaryDirectory()
        let path = directory.appendingPathComponent("one-line.sql").path
        try Data(String(repeating: statement, count: 4_000).utf8).write(to: URL(fileURLWithPath: path))
        let run = try TestSupport.run(["check", path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let findings = lines.filter { $0.hasPrefix("\(path):1:") }.count
        #expect(findings >= 4_000)
        // About a kilobyte per finding (its head, three excerpt lines, help, page and reason).
        #expect(run.stdout.utf8.count < findings * 1_500, "\(run.stdout.utf8.count) bytes for \(findings) findings")
        let longest = lines.filter { !$0.hasPrefix(path) }.map(\.count).max() ?? 0
        #expect(longest <= 4 + LineWindowLimits.shown, "longest excerpt line: \(longest)")
        // The 2,001st statement: 50 characters before it, then it, with the caret under it.
        let column = 2_000 * statement.count + 1
        let head = try #require(lines.firstIndex { $0.hasPrefix("\(path):1:\(column): ") })
        let before = String(String(repeating: statement, count: 2).suffix(50))
        #expect(lines[head + 2].hasPrefix("1 | …\(before)CREATE INDEX i ON t (a);"), "\(lines[head + 2])")
        #expect(lines[head + 2].hasSuffix("…"))
        #expect(lines[head + 3].hasPrefix("  | " + String(repeating: " ", count: 51) + "^^^^^^^^^^^^^^^^^^^^^^^"), "\(lines[head + 3])")
    }
}

/// What a finding's excerpt may show of a long line: `…`, 50 characters, a span of at most 100,
/// 50 characters, `…`.
enum LineWindowLimits {
    static let shown = 1 + 50 + 100 + 50 + 1
}
