import Foundation
import Testing

/// Text output says each thing once and counts in English; mistakes are all reported at once
/// and come with the likely intent.
struct QuietOutputTests {
    @Test func eachFindingIsPrintedOnceAndCountsAreSingular() throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data("DROP TABLE\n  legacy;\n".utf8).write(to: directory.appendingPathComponent("one.sql"))
        let run = try TestSupport.run(["check", "--no-config", "one.sql"], directory: directory)
        #expect(run.status == 1)
        let message = "code that still uses public.legacy fails once it is dropped"
        #expect(run.stdout.components(separatedBy: message).count == 2, "\(run.stdout)")
        #expect(run.stdout.contains("one.sql: verdict rejected"))
        #expect(run.stdout.contains("  because: dropping-table (line 1)\n"))
        #expect(run.stdout.contains("(1 more line)\n"))
        #expect(run.stdout.contains("1 file, 1 statement: 1 error, 0 warnings;"), "\(run.stdout)")
    }

    @Test(arguments: [("drop-column", "did you mean dropping-column?"), ("tabel-rewrite", "did you mean table-rewrite?"),
                      ("concurrent-index", "did you mean")])
    func explainSuggestsTheRuleMeant(typed: String, suggestion: String) throws {
        let run = try TestSupport.run(["explain", typed])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no rule '\(typed)'; \(suggestion)"), "\(run.stderr)")
    }

    @Test func everyMistakeOfAConfigurationFileIsReported() throws {
        let directory = try TestSupport.temporaryDirectory()
        let yaml = "budgte: 5m\nrules:\n  dropping-colum: off\n  syntax-error: off\ntransaction: maybe\n"
        try Data(yaml.utf8).write(to: directory.appendingPathComponent(".patchgate.yml"))
        try Data("SELECT 1;\n".utf8).write(to: directory.appendingPathComponent("good.sql"))
        let run = try TestSupport.run(["check", "good.sql"], directory: directory)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n").map { $0.prefix { $0 != ":" } + ":" + $0.split(separator: ":")[1] + ":" + $0.split(separator: ":")[2] }
        #expect(lines == [".patchgate.yml:1:1", ".patchgate.yml:3:3", ".patchgate.yml:4:17", ".patchgate.yml:5:14"], "\(run.stderr)")
        #expect(run.stderr.contains("unknown rule 'dropping-colum'; did you mean dropping-column?"))
    }
}
