import Foundation
import Testing
@testable import patchgate

/// YAML aliases are refused before Yams composes the document: a few lines of aliases used as
/// mapping keys otherwise take minutes. A `*` that is text (in a glob, a quoted or block scalar,
/// a comment) is not an alias.
@Suite(.serialized)
struct YAMLAliasTests {
    /// 436 bytes: each anchor a list of two aliases of the one before, the last one a mapping key.
    static var bomb: String {
        var lines = ["budget: 5m", "exclude:", "  - &a0 [x, y]"]
        for level in 1...22 { lines.append("  - &a\(level) [*a\(level - 1), *a\(level - 1)]") }
        lines.append("  - {*a22: 1}")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aliasBombInTheConfigurationIsRefusedAtOnce() throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data(Self.bomb.utf8).write(to: directory.appendingPathComponent(".patchgate.yml"))
        try Data("SELECT 1;\n".utf8).write(to: directory.appendingPathComponent("good.sql"))
        let run = try TestSupport.runProcess(TestSupport.binary, ["check", "good.sql"], directory: directory, timeout: 30)
        #expect(run.status == 2, "a hang ends in SIGTERM (15)")
        #expect(run.stderr.hasPrefix(".patchgate.yml:4:10: error: alias '*a0': a settings file takes no aliases"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func aliasBombInAStatsFileIsRefusedAtOnce() throws {
        let directory = try TestSupport.temporaryDirectory()
        let stats = "version: 1\ntables:\n  orders: &o {heapBytes: 1}\n  items: *o\n"
        try Data(stats.utf8).write(to: directory.appendingPathComponent("stats.yml"))
        try Data("SELECT 1;\n".utf8).write(to: directory.appendingPathComponent("good.sql"))
        let run = try TestSupport.runProcess(TestSupport.binary, ["check", "--no-config", "--stats", "stats.yml", "good.sql"],
                                             directory: directory, timeout: 30)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("stats.yml:4:10: error: alias '*o': a settings file takes no aliases"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    static let aliases: [(yaml: String, line: Int, column: Int)] = [
        ("a: *x\n", 1, 4),
        ("- *x\n", 1, 3),
        ("*x : 1\n", 1, 1),
        ("a: [b, *x]\n", 1, 8),
        ("a: {b: 1, *x: 2}\n", 1, 11),
        ("a: [\n  b,\n  *x\n]\n", 3, 3),
        ("a: |\n  *text\nb: *x\n", 3, 4),
        ("a: 'it''s'\nb: \"q\\\"\" # *c\nc: *x\n", 3, 4),
        ("? *x\n: 1\n", 1, 3),
        ("é: *x\n", 1, 4),
    ]

    @Test(arguments: aliases)
    func aliasIsFoundWhereANodeStarts(yaml: String, line: Int, column: Int) {
        #expect(YAMLAliasScan.firstAlias(in: yaml) == YAMLAliasScan.Alias(name: "x", line: line, column: column))
    }

    static let texts = [
        "include: db/*.sql\n",
        "include: '*.sql'\n",
        "include: \"*.sql\"\n",
        "exclude:\n  - archive/**\n  - '**/*_down.sql'\n",
        "a: x, *y\n",
        "a: x - *y\n",
        "a: |\n  *not an alias\n\n  - *still text\nb: 1\n",
        "a: >-\n    *folded\n",
        "# *comment\na: 1 # *comment\n",
        "a: 'multi\n  *line'\n",
        "url: http://x/*\n",
        "a: &anchor 'b: *c'\n",
        "a: !!str 'b: *c'\n",
    ]

    @Test(arguments: texts)
    func starInTextIsNotAnAlias(yaml: String) {
        #expect(YAMLAliasScan.firstAlias(in: yaml) == nil)
    }
}
