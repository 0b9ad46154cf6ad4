import Foundation
import Testing

/// `--changed-since` in a shallow clone, as CI checks a branch out (actions/checkout fetches one
/// commit): the revision is missing, then the merge base is; each time patchgate says how to
/// fetch the history instead of passing on git's "Not a valid object name" or an empty reason.
@Suite(.serialized)
struct ShallowCloneTests {
    /// An upstream repository with two commits on main and one on feature.
    static func upstream() throws -> GitTests.Repository {
        let repository = try GitTests.Repository()
        try repository.write("patches/001.sql", GitTests.safe)
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "landed")
        try repository.write("patches/002.sql", GitTests.safe)
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "landed too")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("patches/003.sql", "DROP TABLE legacy;\n")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "new patch")
        return repository
    }

    @Test func shallowCloneSaysHowToFetchTheHistory() throws {
        let upstream = try Self.upstream()
        let parent = try TestSupport.temporaryDirectory()
        let clone = GitTests.Repository(at: parent.appendingPathComponent("clone"))
        let cloned = try GitTests.Repository(at: parent)
            .git("clone", "-q", "--depth", "1", "--branch", "feature", "--single-branch", "file://" + upstream.url.path, "clone")
        #expect(cloned.hasSuffix("exit 0"), "\(cloned)")

        let missing = try TestSupport.run(["check", "--changed-since", "origin/main"], directory: clone.url)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("origin/main is not in this shallow clone"), "\(missing.stderr)")
        #expect(missing.stderr.contains("`fetch-depth: 0` in actions/checkout"))
        #expect(missing.stderr.contains("git fetch --deepen=100 origin main"))
        #expect(!missing.stderr.contains("fatal:"))

        // A shallow fetch of main brings the revision but not the commits it shares with HEAD.
        #expect(try clone.git("fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main").hasSuffix("exit 0"))
        let noBase = try TestSupport.run(["check", "--changed-since", "origin/main"], directory: clone.url)
        #expect(noBase.status == 2)
        #expect(noBase.stderr.contains("the merge base of origin/main and HEAD is beyond the history of this shallow clone"), "\(noBase.stderr)")
        #expect(noBase.stderr.contains("git fetch --unshallow"))

        #expect(try clone.git("fetch", "-q", "--unshallow", "origin", "main:refs/remotes/origin/main").hasSuffix("exit 0"))
        let complete = try TestSupport.run(["check", "--changed-since", "origin/main"], directory: clone.url)
        #expect(complete.status == 1, "\(complete.stderr)")
        #expect(complete.stdout.contains("patches/003.sql: verdict rejected"))
        #expect(!complete.stdout.contains("002.sql"))
    }

    @Test func aRevisionMissingFromAFullCloneIsNamed() throws {
        let upstream = try Self.upstream()
        let run = try TestSupport.run(["check", "--changed-since", "origin/main"], directory: upstream.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no commit named origin/main in this repository (fetch it first, e.g. git fetch origin main)"), "\(run.stderr)")
    }

    @Test func stagedAndChangedSinceAreRefusedTogether() throws {
        let upstream = try Self.upstream()
        let run = try TestSupport.run(["check", "--staged", "--changed-since", "main"], directory: upstream.url)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--staged and --changed-since exclude each other"))
    }
}

extension GitTests.Repository {
    /// A repository git makes elsewhere (a clone), or a directory to run git in.
    init(at url: URL) {
        self.url = url
    }
}
