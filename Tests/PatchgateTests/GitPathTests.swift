import Foundation
import Testing

/// Git paths as git stores them, whatever their bytes and wherever patchgate runs from, and a
/// git that writes more to standard error than a pipe holds.
@Suite(.serialized)
struct GitPathTests {
    typealias Repository = GitTests.Repository

    static func paths(inJSON stdout: String) throws -> [String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return (json["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    }

    /// Names git quotes in its plain output: non-ASCII, a double quote, a backslash, a tab.
    static let oddNames = ["db/002_ünïcode.sql", "db/003_say \"hi\".sql", "db/004_back\\slash.sql", "db/005_tab\there.sql"]

    @Test func changedSinceKeepsNamesGitWouldQuote() throws {
        let repository = try Repository()
        try repository.write("db/001.sql", GitTests.safe)
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "landed")
        try repository.git("checkout", "-q", "-b", "feature")
        for name in Self.oddNames { try repository.write(name, GitTests.safe) }
        try repository.git("add", Self.oddNames[0], Self.oddNames[1])
        try repository.git("commit", "-q", "-m", "two committed, two untracked")
        let run = try TestSupport.run(["check", "--changed-since", "main", "--format", "json"], directory: repository.url)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try Self.paths(inJSON: run.stdout) == Self.oddNames)
    }

    @Test func changedSinceFromASubdirectoryNamesPathsFromThere() throws {
        let repository = try Repository()
        try repository.write("db/001.sql", GitTests.safe)
        try repository.write("app/README", "app\n")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "landed")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("db/002.sql", GitTests.safe)
        try repository.write("app/003.sql", GitTests.safe)
        try repository.git("add", "db/002.sql")
        let run = try TestSupport.run(["check", "--changed-since", "main", "--format", "json"], directory: repository.url.appendingPathComponent("app"))
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try Self.paths(inJSON: run.stdout) == ["../db/002.sql", "003.sql"])
    }

    @Test(arguments: [("", "db/001_ünïcode.sql"), ("app", "../db/001_ünïcode.sql"), ("db", "001_ünïcode.sql")])
    func stagedReadsNonASCIINamesFromTheIndex(subdirectory: String, path: String) throws {
        let repository = try Repository()
        try repository.write("db/001_ünïcode.sql", "CREATE INDEX invoice_note_idx ON invoice (note);\n")
        try repository.write("app/README", "app\n")
        try repository.git("add", ".")
        try repository.write("db/001_ünïcode.sql", GitTests.safe)
        let run = try TestSupport.run(["check", "--staged", "--format", "json"], directory: repository.url.appendingPathComponent(subdirectory))
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(try Self.paths(inJSON: run.stdout) == [path])
        #expect(run.stdout.contains("require-concurrent-index-creation"))
    }

    /// With core.autocrlf, git warns on standard error for each LF file whose content it must
    /// read: every landed patch modified in the working tree. 1,500 of them write 156 KB, more
    /// than a pipe holds, which a reader of standard output alone never drains (the run hung).
    @Test func aFloodOnGitsStandardErrorDoesNotHang() throws {
        let repository = try Repository()
        let count = 1_500
        let names = (1...count).map { "db/\(String(format: "%04d", $0)).sql" }
        for name in names { try repository.write(name, "SELECT 1;\n") }
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "landed")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.git("config", "core.autocrlf", "true")
        for name in names { try repository.write(name, "SELECT 1;\nSELECT 2;\n") }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let run = try TestSupport.runProcess(TestSupport.binary, ["check", "--quiet", "--changed-since", "main"], directory: repository.url,
                                             environment: environment, timeout: 120)
        #expect(run.status == 1, "a hang ends in SIGTERM (15): \(run.stderr.suffix(300))")
        #expect(run.stdout.contains("\(count) files"), "stdout: \(run.stdout.suffix(300))")
        #expect(run.stdout.contains("db/1500.sql:1:1: error[modified-landed-patch]"))
    }

    @Test func aRevisionStartingWithADashIsRefused() throws {
        let repository = try Repository()
        try repository.write("a.sql", "SELECT 1;\n")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "one")
        let run = try TestSupport.run(["check", "--changed-since=--output=/tmp/x"], directory: repository.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--changed-since: '--output=/tmp/x' is not a revision"))
        #expect(run.stdout.isEmpty)
    }
}
