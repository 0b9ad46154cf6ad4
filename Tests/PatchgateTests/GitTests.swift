import Foundation
import Testing

/// `--changed-since`, `--staged` and `install-hook` in a throwaway git repository with commits.
@Suite(.serialized)
struct GitTests {
    struct Repository {
        let url: URL

        init() throws {
            url = try TestSupport.temporaryDirectory()
            try git("init", "-q", "-b", "main")
            try git("config", "user.email", "test@example.com")
            try git("config", "user.name", "patchgate test")
        }

        @discardableResult
        func git(_ arguments: String...) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + arguments
            process.currentDirectoryURL = url
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return output + "exit \(process.terminationStatus)"
        }

        func write(_ path: String, _ text: String) throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    static let safe = "SET lock_timeout = '1s';\nALTER TABLE invoice ADD COLUMN note text;\n"

    @Test func changedSinceChecksOnlyNewAndModifiedPatches() throws {
        let repository = try Repository()
        try repository.write("patches/001.sql", Self.safe)
        try repository.write("patches/002.sql", "DROP TABLE legacy;\n")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "landed")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("patches/001.sql", Self.safe + "COMMENT ON TABLE invoice IS 'edited';\n")
        try repository.write("patches/003.sql", Self.safe)
        try repository.git("rm", "-q", "patches/002.sql")
        let run = try TestSupport.run(["check", "--changed-since", "main"], directory: repository.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("patches/001.sql:1:1: error[modified-landed-patch]"))
        #expect(run.stdout.contains("patches/003.sql: verdict hot"))
        #expect(!run.stdout.contains("002.sql: verdict"))
        #expect(run.stderr.contains("note: patch patches/002.sql was deleted since main"))
        #expect(run.stdout.contains("2 files"))
    }

    @Test func unknownRevisionIsAnIOError() throws {
        let repository = try Repository()
        try repository.write("a.sql", "SELECT 1;\n")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "one")
        let run = try TestSupport.run(["check", "--changed-since", "no-such-branch"], directory: repository.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-branch"))
    }

    @Test func stagedContentIsCheckedNotTheWorkingTree() throws {
        let repository = try Repository()
        try repository.write("p.sql", "CREATE INDEX invoice_note_idx ON invoice (note);\n")
        try repository.git("add", "p.sql")
        try repository.write("p.sql", Self.safe)
        let run = try TestSupport.run(["check", "--staged"], directory: repository.url)
        #expect(run.status == 1)
        #expect(run.stdout.contains("p.sql:1:1: warning[require-concurrent-index-creation]"))
        #expect(run.stdout.contains("p.sql:1:1: error[size-unknown]"))
    }

    @Test func installedHookBlocksARejectedCommit() throws {
        let repository = try Repository()
        let install = try TestSupport.run(["install-hook"], directory: repository.url)
        #expect(install.status == 0)
        try repository.write("good.sql", Self.safe)
        try repository.git("add", "good.sql")
        #expect(try repository.git("commit", "-q", "-m", "good").hasSuffix("exit 0"))
        try repository.write("bad.sql", "UPDATE invoice SET note = '';\n")
        try repository.git("add", "bad.sql")
        let blocked = try repository.git("commit", "-q", "-m", "bad")
        #expect(blocked.hasSuffix("exit 1"))
        #expect(blocked.contains("dml-without-where"))
        #expect(try repository.git("log", "--oneline").components(separatedBy: "\n").count == 2)
    }

    @Test func installHookKeepsAForeignHook() throws {
        let repository = try Repository()
        try repository.write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n")
        let refused = try TestSupport.run(["install-hook"], directory: repository.url)
        #expect(refused.status == 2)
        #expect(try String(contentsOf: repository.url.appendingPathComponent(".git/hooks/pre-commit"), encoding: .utf8).contains("echo mine"))
        let forced = try TestSupport.run(["install-hook", "--force"], directory: repository.url)
        #expect(forced.status == 0)
    }
}
