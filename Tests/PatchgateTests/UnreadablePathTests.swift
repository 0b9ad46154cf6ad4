import Foundation
import Testing

/// Paths the user cannot read. Root reads through `chmod 000`, and CI runs as root: there the
/// binary runs as an unprivileged user (uid 65534, `nobody`) through setpriv, from a copy in a
/// directory that user can reach.
@Suite(.serialized)
struct UnreadablePathTests {
    struct Sandbox {
        let directory: URL
        let binary: URL

        init() throws {
            directory = try TestSupport.temporaryDirectory()
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
            binary = directory.appendingPathComponent("patchgate")
            try FileManager.default.copyItem(at: TestSupport.binary, to: binary)
        }

        func write(_ text: String, to relative: String, mode: Int = 0o644) throws {
            let url = directory.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            try Data(text.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        }

        func lock(_ relative: String) throws {
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: directory.appendingPathComponent(relative).path)
        }

        /// The copied binary, as an unprivileged user when this process is root.
        func run(_ arguments: [String]) throws -> TestSupport.Run {
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            environment["HOME"] = directory.path
            if getuid() != 0 {
                return try TestSupport.runProcess(binary, arguments, directory: directory, environment: environment, timeout: 60)
            }
            let unprivileged = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", binary.path]
            return try TestSupport.runProcess(URL(fileURLWithPath: "/usr/bin/setpriv"), unprivileged + arguments, directory: directory,
                                              environment: environment, timeout: 60)
        }
    }

    @Test func unreadableSubdirectoryIsReportedAndTheOthersChecked() throws {
        let sandbox = try Sandbox()
        try sandbox.write("SELECT 1;\n", to: "db/good.sql")
        try sandbox.write("SELECT 1;\n", to: "db/locked/hidden.sql")
        try sandbox.lock("db/locked")
        let run = try sandbox.run(["check", "--no-config", "db"])
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("error: db/locked: cannot read: cannot list the directory: Permission denied"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("db/good.sql: verdict hot"))
    }

    @Test func unreadableTopLevelDirectoryIsNotCalledEmpty() throws {
        let sandbox = try Sandbox()
        try sandbox.write("SELECT 1;\n", to: "good.sql")
        try sandbox.write("SELECT 1;\n", to: "locked/hidden.sql")
        try sandbox.lock("locked")
        let run = try sandbox.run(["check", "--no-config", "locked", "good.sql"])
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("error: locked: cannot read: cannot list the directory: Permission denied"), "stdout: \(run.stdout)")
        #expect(!run.stdout.contains("holds no .sql file"))
        #expect(run.stdout.contains("good.sql: verdict hot"))
    }

    @Test func unreadableFileIsReportedAndTheOthersChecked() throws {
        let sandbox = try Sandbox()
        try sandbox.write("SELECT 1;\n", to: "db/good.sql")
        try sandbox.write("SELECT 1;\n", to: "db/secret.sql", mode: 0)
        let run = try sandbox.run(["check", "--no-config", "db"])
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("error: db/secret.sql: cannot read: Permission denied"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("db/good.sql: verdict hot"))
    }

    /// `--output` to a directory the user cannot write: exit 2 with a message naming the path;
    /// the report on standard output is still whole.
    @Test func unwritableOutputPathIsNamed() throws {
        let sandbox = try Sandbox()
        try sandbox.write("SELECT 1;\n", to: "good.sql")
        try sandbox.write("", to: "closed/.keep")
        try sandbox.lock("closed")
        let run = try sandbox.run(["check", "--no-config", "--output", "sarif=closed/report.sarif", "good.sql"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: closed/report.sarif: cannot write the sarif report: Permission denied"), "stderr: \(run.stderr)")
        #expect(run.stdout.contains("good.sql: verdict hot"))
    }
}
