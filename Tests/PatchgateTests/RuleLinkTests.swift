import Foundation
import Testing

/// Rule links work in the user's repository: `rules/<id>.md` exists only in patchgate's own, so
/// every format links the published pages when `--rule-docs-url`/`ruleDocsUrl` says where they
/// are, and otherwise names `patchgate explain <id>` (SARIF then gives no helpUri).
struct RuleLinkTests {
    static let base = "https://docs.example.org/patchgate/rules/"
    static let formats = ["text", "markdown", "html", "github", "junit", "json", "sarif"]

    static func run(_ format: String, _ extra: [String] = []) throws -> String {
        let directory = try TestSupport.temporaryDirectory()
        try Data("DROP TABLE legacy;\n".utf8).write(to: directory.appendingPathComponent("p.sql"))
        let run = try TestSupport.run(["check", "--no-config", "--format", format] + extra + ["p.sql"], directory: directory)
        #expect(run.status == 1, "\(run.stderr)")
        return run.stdout
    }

    @Test(arguments: formats)
    func withoutADocsURLReportsNameTheExplainCommand(format: String) throws {
        let output = try Self.run(format)
        if format == "sarif" {
            #expect(!output.contains("helpUri"))
        } else if format == "json" {
            #expect(!output.contains("docsUrl"))
        } else {
            #expect(output.contains("patchgate explain dropping-table"), "\(output)")
        }
        // Only the machine formats keep the page's path in patchgate's repository, as a property.
        let paths = output.components(separatedBy: "rules/dropping-table.md").count - 1
        let properties = output.components(separatedBy: "\"page\":\"rules/dropping-table.md\"").count - 1
        #expect(paths == properties, "\(format) links rules/dropping-table.md: \(output)")
    }

    @Test(arguments: formats)
    func aDocsURLIsLinkedByEveryFormat(format: String) throws {
        let output = try Self.run(format, ["--rule-docs-url", Self.base])
        #expect(output.contains(Self.base + "dropping-table.md"), "\(output)")
        #expect(!output.contains("patchgate explain dropping-table") || format == "sarif", "\(output)")
    }

    @Test func theConfigurationFileSetsTheURL() throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data("ruleDocsUrl: \(Self.base)\n".utf8).write(to: directory.appendingPathComponent(".patchgate.yml"))
        try Data("DROP TABLE legacy;\n".utf8).write(to: directory.appendingPathComponent("p.sql"))
        let run = try TestSupport.run(["check", "p.sql"], directory: directory)
        #expect(run.stdout.contains("   = see: \(Self.base)dropping-table.md\n"), "\(run.stdout)")
    }
}
