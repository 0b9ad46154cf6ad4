import Foundation
import Testing

/// The pre-commit hook `install-hook` writes: silent on a commit without SQL, clear when the
/// binary it calls is gone, and saying how to proceed when it blocks a commit.
@Suite(.serialized)
struct PreCommitHookTests {
    @Test func aBlockedCommitSaysHowToProceed() throws {
        let repository = try GitTests.Repository()
        #expect(try TestSupport.run(["install-hook"], directory: repository.url).status == 0)
        try repository.write("bad.sql", "UPDATE invoice SET note = '';\n")
        try repository.git("add", "bad.sql")
        let blocked = try repository.git("commit", "-q", "-m", "bad")
        #expect(blocked.hasSuffix("exit 1"))
        #expect(blocked.contains("commit blocked: fix the patch, or `git commit --no-verify`"), "\(blocked)")
        // Each finding once: as a diagnostic, then only its rule under the verdict.
        #expect(blocked.components(separatedBy: "UPDATE without WHERE writes every row").count - 1 <= 1, "\(blocked)")
    }

    @Test func aCommitWithoutSQLPrintsNothing() throws {
        let repository = try GitTests.Repository()
        #expect(try TestSupport.run(["install-hook"], directory: repository.url).status == 0)
        try repository.write("README.md", "notes\n")
        try repository.git("add", "README.md")
        #expect(try repository.git("commit", "-q", "-m", "docs") == "exit 0")
        let direct = try TestSupport.run(["check", "--staged", "--quiet"], directory: repository.url)
        #expect(direct.status == 0)
        #expect(direct.stdout.isEmpty && direct.stderr.isEmpty, "\(direct.stdout)\(direct.stderr)")
    }

    @Test func aMissingBinaryBlocksOnlyCommitsWithSQL() throws {
        let repository = try GitTests.Repository()
        let binaries = try TestSupport.temporaryDirectory()
        let copy = binaries.appendingPathComponent("patchgate")
        try FileManager.default.copyItem(at: TestSupport.binary, to: copy)
        #expect(try TestSupport.runProcess(copy, ["install-hook"], directory: repository.url).status == 0)
        try FileManager.default.removeItem(at: copy)

        try repository.write("README.md", "notes\n")
        try repository.git("add", "README.md")
        #expect(try repository.git("commit", "-q", "-m", "docs") == "exit 0")

        try repository.write("good.sql", GitTests.safe)
        try repository.git("add", "good.sql")
        let blocked = try repository.git("commit", "-q", "-m", "patch")
        #expect(blocked.hasSuffix("exit 1"))
        #expect(blocked.contains("patchgate pre-commit hook: \(copy.path) not found"), "\(blocked)")
        #expect(blocked.contains("git commit --no-verify"))
        #expect(!blocked.contains("Permission denied") && !blocked.contains("No such file"), "\(blocked)")
    }
}
