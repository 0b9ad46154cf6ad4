import Foundation
import Testing

/// One test per kind of bad input, through the real binary: a clear message naming the file,
/// the documented exit code, and never a crash (a signal would show as status > 128).
@Suite(.serialized)
struct BadInputTests {
    private func write(_ bytes: [UInt8], named name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func missingPathIsAUsageError() throws {
        let run = try TestSupport.run(["check", "/nonexistent/patch.sql"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("/nonexistent/patch.sql: cannot read: no such file or directory"))
    }

    @Test func missingPathDoesNotStopTheOthers() throws {
        let directory = try TestSupport.temporaryDirectory()
        let good = try write(Array("SELECT 1;".utf8), named: "good.sql", in: directory)
        let run = try TestSupport.run(["check", "--format", "json", "/nonexistent.sql", good])
        #expect(run.status == 2)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((json?["files"] as? [Any])?.count == 1)
        #expect(run.stderr.contains("/nonexistent.sql"))
    }

    @Test func directoryWithoutSQLIsAUsageError() throws {
        let directory = try TestSupport.temporaryDirectory()
        _ = try write(Array("x".utf8), named: "notes.txt", in: directory)
        let run = try TestSupport.run(["check", directory.path])
        #expect(run.status == 2)
        #expect(run.stdout.contains("directory holds no .sql file"))
    }

    @Test func unreadableFileIsAnIOError() throws {
        let directory = try TestSupport.temporaryDirectory()
        // A dangling link: unreadable even for root, who ignores permission bits.
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("gone.sql").path,
                                                   withDestinationPath: "/nonexistent/target.sql")
        let run = try TestSupport.run(["check", directory.path])
        #expect(run.status == 2)
        #expect(run.stdout.contains("gone.sql: cannot read"))
    }

    @Test func directoryLinksAreFollowedButALoopIsWalkedOnce() throws {
        let directory = try TestSupport.temporaryDirectory()
        let nested = directory.appendingPathComponent("nested")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        _ = try write(Array("SELECT 1;".utf8), named: "a.sql", in: nested)
        try FileManager.default.createSymbolicLink(atPath: nested.appendingPathComponent("up").path, withDestinationPath: "..")
        let run = try TestSupport.run(["check", "--format", "json", directory.path])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let paths = (json?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == [nested.appendingPathComponent("a.sql").path])
    }

    @Test func badFlagIsAUsageError() throws {
        let run = try TestSupport.run(["check", "--format", "yaml", "x.sql"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("yaml"))
    }

    @Test(arguments: [("empty.sql", ""), ("comments.sql", "-- nothing here\n/* or here */\n")])
    func emptyFilesAreAWarning(name: String, text: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        let path = try write(Array(text.utf8), named: name, in: directory)
        let run = try TestSupport.run(["check", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\(path):1:1: warning[empty-patch]"))
    }

    @Test func invalidUTF8IsLocated() throws {
        let directory = try TestSupport.temporaryDirectory()
        let path = try write(Array("SELECT 1;\nSELECT '".utf8) + [0xE9] + Array("';\n".utf8), named: "latin1.sql", in: directory)
        let run = try TestSupport.run(["check", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(path):2:9: error[invalid-utf8]: byte 0xE9 at offset 18 is not UTF-8"))
    }

    @Test func nulBytesMeanBinary() throws {
        let directory = try TestSupport.temporaryDirectory()
        let path = try write(Array("SELECT 1;\n".utf8) + [0, 1, 2, 0xFF], named: "blob.sql", in: directory)
        let run = try TestSupport.run(["check", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(path):2:1: error[binary-file]"))
    }

    @Test func binaryFileWithoutNulIsInvalidUTF8() throws {
        let directory = try TestSupport.temporaryDirectory()
        let path = try write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], named: "image.sql", in: directory)
        let run = try TestSupport.run(["check", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(path):1:1: error[invalid-utf8]"))
    }

    @Test func deeplyNestedParenthesesAreAFinding() throws {
        let directory = try TestSupport.temporaryDirectory()
        let sql = "SELECT " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + ";\nSELECT 2;\n"
        let path = try write(Array(sql.utf8), named: "nested.sql", in: directory)
        let run = try TestSupport.run(["check", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(path):1:"))
        #expect(run.stdout.contains("error[syntax-error]: PostgreSQL 15: memory exhausted"))
    }

    @Test func longOperatorChainIsParsedOrLocated() throws {
        let directory = try TestSupport.temporaryDirectory()
        let sql = "SELECT 1" + String(repeating: "+1", count: 100_000) + ";\nSELECT 2;\n"
        let path = try write(Array(sql.utf8), named: "chain.sql", in: directory)
        let run = try TestSupport.run(["check", "--format", "json", path])
        #expect(run.status <= 1, "a crash would show as a signal: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        let statements = file["statements"] as? [[String: Any]] ?? []
        let findings = file["findings"] as? [[String: Any]] ?? []
        let deepFinding = findings.first { $0["rule"] as? String == "statement-too-deep" }
        #expect(statements.count == 2 || (statements.count == 1 && deepFinding?["line"] as? Int == 1))
    }

    /// Past the 16 MiB limit on one input: an error naming the file, and the other files run.
    @Test func twentyMegabyteFileIsRefusedAndTheOthersChecked() throws {
        let directory = try TestSupport.temporaryDirectory()
        let statement = "INSERT INTO audit_log (id, body) VALUES (1, '\(String(repeating: "x", count: 200))');\n"
        let path = try write(Array(String(repeating: statement, count: 20_000_000 / statement.utf8.count + 1).utf8), named: "big.sql", in: directory)
        let good = try write(Array("SELECT 1;\n".utf8), named: "good.sql", in: directory)
        let run = try TestSupport.run(["check", path, good])
        #expect(run.status == 2)
        #expect(run.stdout.contains("error: \(path): cannot read: larger than the 16 MiB limit on one input"))
        #expect(run.stdout.contains("\(good): verdict hot"))
        #expect(run.stdout.contains("1 file, 1 statement"))
    }

    @Test func standardInputIsAFile() throws {
        let run = try TestSupport.run(["check", "-"], stdin: Data("CREATE INDEX i ON t (a);".utf8))
        #expect(run.status == 1)
        #expect(run.stdout.contains("<stdin>:1:1: warning[require-concurrent-index-creation]"))
        #expect(run.stdout.contains("<stdin>:1:1: error[size-unknown]"))
    }
}
