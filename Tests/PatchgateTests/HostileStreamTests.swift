import Foundation
import Testing

/// Inputs that are not plain files: a closed or directory standard input, FIFOs, inputs past
/// the 16 MiB limit. Each is an error naming the input, and the other files are still checked.
@Suite(.serialized)
struct HostileStreamTests {
    /// The binary run through the shell, for redirections Process cannot express (`<&-`).
    static func shell(_ script: String, in directory: URL, timeout: TimeInterval = 60) throws -> TestSupport.Run {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["PATCHGATE"] = TestSupport.binary.path
        return try TestSupport.runProcess(URL(fileURLWithPath: "/bin/bash"), ["-c", script], directory: directory,
                                          environment: environment, timeout: timeout)
    }

    static func directoryWithGoodPatch() throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        try Data("SELECT 1;\n".utf8).write(to: directory.appendingPathComponent("good.sql"))
        return directory
    }

    @Test(arguments: [("<&-", "<stdin>: cannot read: standard input is closed"),
                      ("< .", "<stdin>: cannot read: is a directory, not a file")])
    func badStandardInputIsAnInputError(redirection: String, message: String) throws {
        let directory = try Self.directoryWithGoodPatch()
        let run = try Self.shell("\"$PATCHGATE\" check --no-config - good.sql \(redirection)", in: directory)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.contains(message), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("good.sql: verdict hot"))
    }

    @Test func fifoFoundInADirectoryIsNotOpened() throws {
        let directory = try Self.directoryWithGoodPatch()
        #expect(mkfifo(directory.appendingPathComponent("pipe.sql").path, 0o644) == 0)
        let run = try Self.shell("\"$PATCHGATE\" check --no-config .", in: directory, timeout: 30)
        #expect(run.status == 2, "a hang ends in SIGTERM (15): \(run.stderr)")
        #expect(run.stdout.contains("./pipe.sql: cannot read: not a regular file (a FIFO)"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("./good.sql: verdict hot"))
    }

    @Test func fifoNamedOnTheCommandLineIsRead() throws {
        let directory = try Self.directoryWithGoodPatch()
        let run = try Self.shell("\"$PATCHGATE\" check --no-config <(printf 'CREATE INDEX i ON t (a);\\n') good.sql", in: directory, timeout: 30)
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stdout.contains(":1:1: warning[require-concurrent-index-creation]"))
        #expect(run.stdout.contains("good.sql: verdict hot"))
    }

    static let overLimit = "cannot read: larger than the 16 MiB limit on one input"

    /// /dev/zero never ends: the read stops at the limit instead of growing without bound.
    @Test func endlessStandardInputStopsAtTheLimit() throws {
        let directory = try Self.directoryWithGoodPatch()
        let run = try Self.shell("\"$PATCHGATE\" check --no-config - good.sql < /dev/zero", in: directory, timeout: 60)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("<stdin>: \(Self.overLimit)"))
        #expect(run.stdout.contains("good.sql: verdict hot"))
    }

    @Test func endlessFifoStopsAtTheLimit() throws {
        let directory = try Self.directoryWithGoodPatch()
        let run = try Self.shell("\"$PATCHGATE\" check --no-config <(yes 'SELECT 1;') good.sql", in: directory, timeout: 60)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("/dev/fd/"))
        #expect(run.stdout.contains(Self.overLimit))
        #expect(run.stdout.contains("good.sql: verdict hot"))
    }

    /// One byte over the limit is refused, the limit itself is checked.
    @Test func patchFileOverTheLimitIsAnInputError() throws {
        let directory = try Self.directoryWithGoodPatch()
        let limit = 16 * 1024 * 1024
        let line = "SELECT 1; -- " + String(repeating: "x", count: 50) + "\n"
        var text = String(repeating: line, count: limit / line.utf8.count)
        text += String(repeating: " ", count: limit - text.utf8.count)
        try Data(text.utf8).write(to: directory.appendingPathComponent("at-limit.sql"))
        try Data((text + " ").utf8).write(to: directory.appendingPathComponent("over-limit.sql"))
        let run = try TestSupport.run(["check", "--no-config", "--quiet", "at-limit.sql", "over-limit.sql", "good.sql"], directory: directory)
        #expect(run.status == 2)
        #expect(run.stdout.contains("over-limit.sql: \(Self.overLimit)"))
        #expect(!run.stdout.contains("at-limit.sql: cannot read"))
        #expect(run.stdout.contains("2 files, \(limit / line.utf8.count + 1) statements"), "stdout: \(run.stdout.suffix(300))")
    }

    @Test(arguments: [("--schema", "error: --schema: big: cannot read: larger than the 16 MiB limit on one input"),
                      ("--stats", "error: --stats: big: cannot read: larger than the 16 MiB limit on one input"),
                      ("--config", "big: error: cannot read the configuration file: larger than the 16 MiB limit on one input")])
    func settingsInputOverTheLimitStopsTheRun(flag: String, message: String) throws {
        let directory = try Self.directoryWithGoodPatch()
        try Data(count: 16 * 1024 * 1024 + 1).write(to: directory.appendingPathComponent("big"))
        let run = try TestSupport.run(["check", flag, "big", "good.sql"], directory: directory)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
