import Foundation
import Testing

/// Inputs around the patches rather than the patches themselves: a series' own files (a sqitch
/// plan, a Flyway script configuration), the configuration file found by walking up, and
/// `--jobs`. Each is refused with a message naming it; the patches of the run are still checked
/// where the problem is one file's.
@Suite(.serialized)
struct HostileSetupTests {
    static let overLimit = "cannot read: larger than the 16 MiB limit on one input"

    /// A sqitch project whose plan is a FIFO, beside a plain patch: the plan is named, never
    /// opened for reading (that would wait for a writer forever), and both patches are checked.
    @Test func fifoAsASqitchPlanIsNamedAndTheOthersChecked() throws {
        let directory = try HostileStreamTests.directoryWithGoodPatch()
        let project = directory.appendingPathComponent("db")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("deploy"), withIntermediateDirectories: true)
        #expect(mkfifo(project.appendingPathComponent("sqitch.plan").path, 0o644) == 0)
        try Data("CREATE INDEX i ON t (a);\n".utf8).write(to: project.appendingPathComponent("deploy/add_index.sql"))
        let run = try HostileStreamTests.shell("\"$PATCHGATE\" check --no-config db/deploy/add_index.sql good.sql", in: directory, timeout: 30)
        #expect(run.status == 2, "a hang ends in SIGTERM (15): \(run.stderr)")
        #expect(run.stdout.contains("db/sqitch.plan: cannot read: not a regular file (a FIFO)"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("db/deploy/add_index.sql:1:1: warning[require-concurrent-index-creation]"))
        #expect(run.stdout.contains("good.sql: verdict hot"))
    }

    /// A Flyway script configuration past the input limit (a sparse file: nothing large is
    /// written) is refused from its size, and the script and the other patch are checked.
    @Test func flywayScriptConfigurationOverTheLimitIsNamed() throws {
        let directory = try HostileStreamTests.directoryWithGoodPatch()
        let migrations = directory.appendingPathComponent("migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try Data("CREATE INDEX i ON t (a);\n".utf8).write(to: migrations.appendingPathComponent("V1__add_index.sql"))
        let config = migrations.appendingPathComponent("V1__add_index.sql.conf")
        #expect(FileManager.default.createFile(atPath: config.path, contents: Data("executeInTransaction=false\n".utf8)))
        #expect(truncate(config.path, off_t(16 * 1024 * 1024 + 1)) == 0)
        let run = try TestSupport.run(["check", "--no-config", "migrations", "good.sql"], directory: directory)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("migrations/V1__add_index.sql.conf: \(Self.overLimit)"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("migrations/V1__add_index.sql:1:1: warning[require-concurrent-index-creation]"))
        #expect(run.stdout.contains("good.sql: verdict hot"))
    }

    /// A FIFO named `.patchgate.yml` above the working directory stops the run as a bad
    /// configuration does (exit 2, no file checked) instead of waiting on it; `--config` naming
    /// a FIFO (a process substitution) still reads it.
    @Test func fifoConfigurationFoundWalkingUpIsRefused() throws {
        let directory = try HostileStreamTests.directoryWithGoodPatch()
        let below = directory.appendingPathComponent("patches")
        try FileManager.default.createDirectory(at: below, withIntermediateDirectories: true)
        try Data("SELECT 1;\n".utf8).write(to: below.appendingPathComponent("good.sql"))
        #expect(mkfifo(directory.appendingPathComponent(".patchgate.yml").path, 0o644) == 0)
        let run = try HostileStreamTests.shell("\"$PATCHGATE\" check good.sql", in: below, timeout: 30)
        #expect(run.status == 2, "a hang ends in SIGTERM (15): \(run.stderr)")
        #expect(run.stderr.hasPrefix("../.patchgate.yml: error: cannot read the configuration file: not a regular file (a FIFO), found looking up from the working directory (name it with --config to read it, or use --no-config)"),
                "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        let named = try HostileStreamTests.shell("\"$PATCHGATE\" check --config <(printf 'profile: generic\\n') good.sql", in: below, timeout: 30)
        #expect(named.status == 0, "stderr: \(named.stderr)")
        #expect(named.stdout.contains("good.sql: verdict hot"))
    }

    @Test(arguments: [("999999999", 2), ("65", 2), ("64", 0), ("1", 0)])
    func jobsAreCapped(jobs: String, status: Int32) throws {
        let directory = try HostileStreamTests.directoryWithGoodPatch()
        let run = try TestSupport.run(["check", "--no-config", "--jobs", jobs, "good.sql"], directory: directory)
        #expect(run.status == status, "stderr: \(run.stderr)")
        if status == 2 {
            #expect(run.stderr.contains("--jobs: at most 64 files are checked in parallel"), "stderr: \(run.stderr)")
            #expect(run.stdout.isEmpty)
        } else {
            #expect(run.stdout.contains("good.sql: verdict hot"))
        }
    }
}
