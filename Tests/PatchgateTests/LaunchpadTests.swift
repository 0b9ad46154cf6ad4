import Foundation
import Testing
import PatchgateEffects
import PatchgateReport
import PatchgateRules
import PatchgateSyntax

/// The Launchpad profile's content policy, each case with its twin that flips the answer.
struct LaunchpadTests {
    static func check(_ sql: String, file: String, requireConcurrently: Bool = false,
                      profile: Profile = .launchpad) -> FileResult {
        var options = CheckOptions()
        options.profile = profile
        options.launchpadRequiresConcurrently = requireConcurrently
        return TestSupport.check(sql, path: "database/schema/\(file)", options: options)
    }

    static func rules(_ result: FileResult) -> [String] { result.findings.filter { !$0.isSuppressed }.map(\.rule) }

    static let index = "CREATE INDEX bugtask__heat__idx ON bugtask (heat);\n"
    static func row(_ major: Int, _ minor: Int, _ patch: Int) -> String {
        "INSERT INTO LaunchpadDatabaseRevision VALUES (\(major), \(minor), \(patch));\n"
    }

    // MARK: the revision row

    @Test(arguments: [
        ("present", row(2300, 1, 1), 0),
        ("absent", "", 1),
        ("mismatched patch number", row(2300, 1, 2), 2),
        ("mismatched minor", row(2300, 2, 1), 2),
        ("own row and another", row(2300, 1, 1) + row(2300, 1, 2), 1),
        ("qualified, lower case, column list",
         "INSERT INTO public.launchpaddatabaserevision (patch, minor, major) VALUES (1, 1, 2300);\n", 0),
        ("leading zero", "INSERT INTO LaunchpadDatabaseRevision VALUES (2300, 01, 1);\n", 0),
        ("not constants", "INSERT INTO LaunchpadDatabaseRevision VALUES (2300, 1, 0 + 1);\n", 2),
    ])
    func revisionRow(label: String, rowSQL: String, findings: Int) {
        let result = Self.check("COMMENT ON TABLE person IS 'A person.';\n" + rowSQL, file: "patch-2300-01-1.sql")
        #expect(Self.rules(result).count { $0 == "launchpad-revision-row" } == findings, "\(label)")
        #expect((result.verdict == .rejected) == (findings > 0), "\(label)")
    }

    @Test func revisionRowNeedsTheProfileAndAPatchName() {
        let sql = "COMMENT ON TABLE person IS 'A person.';\n"
        #expect(Self.rules(Self.check(sql, file: "patch-2300-01-1.sql")).contains("launchpad-revision-row"))
        #expect(!Self.rules(Self.check(sql, file: "patch-2300-01-1.sql", profile: .generic)).contains("launchpad-revision-row"))
        #expect(!Self.rules(Self.check(sql, file: "comments.sql")).contains("launchpad-revision-row"))
        #expect(!Self.rules(Self.check(sql, file: "patch-2300-1-1.sql")).contains("launchpad-revision-row"))
    }

    @Test(arguments: [
        ("semicolon, then blank lines", "\n\n  \t\n", false),
        ("a trailing comment", "-- done\n", true),
        ("a trailing block comment", "/* done */", true),
        ("a trailing multibyte comment", "-- fertig ✓", true),
    ])
    func fileEndsWithASemicolon(label: String, tail: String, fires: Bool) throws {
        let result = Self.check("COMMENT ON TABLE person IS 'A person.';\n" + Self.row(2300, 1, 1) + tail, file: "patch-2300-01-1.sql")
        let finding = result.findings.first { $0.rule == "launchpad-revision-row" }
        #expect((finding != nil) == fires, "\(label)")
        if let finding, let source = result.source {
            #expect(source.text(finding.span) == String(tail.trimmingCharacters(in: .whitespacesAndNewlines).last ?? " "), "\(label)")
        }
    }

    @Test func insertValuesAreTyped() throws {
        let parsed = try TestSupport.parse("INSERT INTO t (a, b) VALUES (1, 'x'), (-2, NULL);")
        guard case .insert(let insert) = parsed.statements.first?.syntax else { Issue.record("not an insert"); return }
        #expect(insert.columns == ["a", "b"])
        #expect(insert.rows == [[.constant(.integer(1)), .constant(.string("x"))], [.constant(.integer(-2)), .constant(.null)]])
        let select = try TestSupport.parse("INSERT INTO t SELECT * FROM u;")
        guard case .insert(let fromSelect) = select.statements.first?.syntax else { Issue.record("not an insert"); return }
        #expect(fromSelect.rows.isEmpty)
    }

    // MARK: hot or cold from the content

    @Test(arguments: [
        ("CREATE INDEX bugtask__heat__idx ON bugtask (heat);", LaunchpadClass.hot),
        ("CREATE OR REPLACE VIEW v AS SELECT 1 AS one;", .hot),
        ("CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';", .hot),
        ("GRANT SELECT ON bugtask TO launchpad;", .hot),
        ("SET client_min_messages = ERROR;", .hot),
        ("REVOKE SELECT ON bugtask FROM launchpad;", .cold),
        ("DROP INDEX bugtask__heat__idx;", .cold),
        ("CREATE TRIGGER t AFTER UPDATE ON bugtask FOR EACH ROW EXECUTE PROCEDURE f();", .cold),
        ("CREATE TABLE heat (id serial PRIMARY KEY);", .cold),
        ("ALTER TABLE bugtask RENAME TO task;", .cold),
        ("ALTER TABLE bugtask ALTER COLUMN heat SET NOT NULL;", .cold),
        ("ALTER TABLE bugtask VALIDATE CONSTRAINT heat_positive;", .cold),
        ("UPDATE bugtask SET heat = 0 WHERE heat IS NULL;", .cold),
        ("BEGIN;", .cold),
    ])
    func statementDecidesTheClass(sql: String, expected: LaunchpadClass) {
        let result = Self.check(sql + "\n" + Self.row(2300, 1, 1), file: "patch-2300-01-1.sql")
        #expect(result.launchpadClass == expected, "\(sql)")
        #expect(Self.rules(result).contains("launchpad-cold-patch") == (expected == .cold), "\(sql)")
    }

    /// A lock_timeout makes a brief ADD COLUMN live-safe in general; Launchpad's cold list does not.
    @Test func guardedAddColumnIsHotInGeneralAndColdForLaunchpad() {
        let sql = "SET lock_timeout = '2s';\nALTER TABLE bugtask ADD COLUMN heat_rank integer;\n"
            + "COMMENT ON COLUMN bugtask.heat_rank IS 'Rank.';\n" + Self.row(2300, 1, 0)
        #expect(Self.check(sql, file: "patch-2300-01-0.sql", profile: .generic).verdict == .hot)
        let launchpad = Self.check(sql, file: "patch-2300-01-0.sql")
        #expect(launchpad.verdict == .downtime)
        #expect(Self.rules(launchpad) == ["launchpad-cold-patch"])
    }

    @Test(arguments: [
        ("patch-2300-01-0.sql", index, true),
        ("patch-2300-01-1.sql", index, false),
        ("patch-2300-01-0.sql", "ALTER TABLE bugtask ADD COLUMN heat_rank integer;\n", false),
        ("patch-2300-01-1.sql", "ALTER TABLE bugtask ADD COLUMN heat_rank integer;\n", true),
    ])
    func nameAndContentDisagree(file: String, sql: String, mismatch: Bool) throws {
        let revision = try #require(LaunchpadRevision(fileName: file))
        let result = Self.check(sql + Self.row(revision.major, revision.minor, revision.patch), file: file)
        let finding = result.findings.first { $0.rule == "launchpad-name-class-mismatch" }
        #expect((finding != nil) == mismatch)
        #expect(finding.map { $0.severity == .info && $0.verdict == .hot } ?? true)
    }

    // MARK: applying index builds concurrently

    @Test func hotPatchBuildsItsPlainIndexConcurrently() throws {
        let result = Self.check(Self.index + Self.row(2300, 1, 1), file: "patch-2300-01-1.sql")
        #expect(Self.rules(result) == ["launchpad-apply-concurrently"])
        #expect(result.verdict == .hot)
        let build = try #require(result.statements.first?.effects.indexBuilds.first)
        #expect(build.isConcurrent)
        #expect(result.statements.first?.effects.lockMode(on: QualifiedName(schema: "public", name: "bugtask")) == .shareUpdateExclusive)
        #expect(result.statements.first?.context.isInTransaction == false)
    }

    @Test func coldPatchBuildsItsIndexAsWritten() throws {
        let sql = "ALTER TABLE bugtask ADD COLUMN heat integer;\nCOMMENT ON COLUMN bugtask.heat IS 'Heat.';\n"
            + Self.index + Self.row(2300, 1, 0)
        let result = Self.check(sql, file: "patch-2300-01-0.sql")
        let rules = Self.rules(result)
        #expect(rules.contains("require-concurrent-index-creation"))
        #expect(!rules.contains("launchpad-apply-concurrently"))
        let build = try #require(result.statements[2].effects.indexBuilds.first)
        #expect(!build.isConcurrent)
        #expect(result.statements[2].context.isInTransaction)
    }

    @Test func writtenConcurrentIndexInAColdPatchCannotRunInItsTransaction() {
        let sql = "ALTER TABLE bugtask ADD COLUMN heat integer;\nCOMMENT ON COLUMN bugtask.heat IS 'Heat.';\n"
            + "CREATE INDEX CONCURRENTLY bugtask__heat__idx ON bugtask (heat);\n" + Self.row(2300, 1, 0)
        let result = Self.check(sql, file: "patch-2300-01-0.sql", profile: .launchpad)
        #expect(Self.rules(result).contains("concurrent-in-transaction"))
    }

    @Test(arguments: [false, true])
    func requireConcurrentlyTurnsTheNoteIntoAnError(requires: Bool) {
        let result = Self.check(Self.index + Self.row(2300, 1, 1), file: "patch-2300-01-1.sql", requireConcurrently: requires)
        #expect(Self.rules(result) == [requires ? "launchpad-require-concurrently" : "launchpad-apply-concurrently"])
        #expect(result.verdict == (requires ? .rejected : .hot))
        let written = Self.check("CREATE INDEX CONCURRENTLY bugtask__heat__idx ON bugtask (heat);\n" + Self.row(2300, 1, 1),
                                 file: "patch-2300-01-1.sql", requireConcurrently: requires)
        #expect(Self.rules(written).isEmpty)
    }

    @Test func genericProfileStillRejectsThePlainIndex() {
        let result = Self.check(Self.index, file: "patch-2300-01-1.sql", profile: .generic)
        #expect(Self.rules(result).contains("require-concurrent-index-creation"))
        #expect(!Self.rules(result).contains { $0.hasPrefix("launchpad-") })
        #expect(result.launchpadClass == nil)
    }

    // MARK: comments

    @Test(arguments: [
        ("ALTER TABLE bugtask ADD COLUMN heat integer;", "", true),
        ("ALTER TABLE bugtask ADD COLUMN heat integer;", "COMMENT ON COLUMN bugtask.heat IS 'Heat.';", false),
        ("ALTER TABLE bugtask ADD COLUMN heat integer;", "COMMENT ON COLUMN bugtask.heat IS NULL;", true),
        ("ALTER TABLE bugtask ADD COLUMN heat integer;", "COMMENT ON COLUMN public.bugtask.heat IS 'Heat.';", false),
        ("ALTER TABLE bugtask ADD COLUMN heat integer, ADD COLUMN rank integer;", "COMMENT ON COLUMN bugtask.heat IS 'Heat.';", true),
        ("CREATE TABLE heat (id serial PRIMARY KEY);", "", true),
        ("CREATE TABLE heat (id serial PRIMARY KEY);", "COMMENT ON TABLE Heat IS 'Heat.';", false),
        ("CREATE TABLE heat (id serial PRIMARY KEY);", "COMMENT ON COLUMN heat.id IS 'Key.';", true),
    ])
    func newTablesAndColumnsNeedComments(change: String, comment: String, warns: Bool) {
        let result = Self.check("\(change)\n\(comment)\n" + Self.row(2300, 1, 0), file: "patch-2300-01-0.sql")
        #expect(Self.rules(result).contains("launchpad-missing-comment") == warns, "\(change) \(comment)")
        #expect(!Self.rules(Self.check("\(change)\n", file: "patch-2300-01-0.sql", profile: .generic)).contains("launchpad-missing-comment"))
    }

    // MARK: reports

    @Test func jsonCarriesTheClassOnlyWithTheProfile() {
        let hot = JSONReporter.fileJSON(Self.check(Self.index + Self.row(2300, 1, 1), file: "patch-2300-01-1.sql"))
        #expect(hot.contains(#""launchpadClass":"hot""#))
        let cold = JSONReporter.fileJSON(Self.check("DROP INDEX x;\n" + Self.row(2300, 1, 1), file: "patch-2300-01-1.sql"))
        #expect(cold.contains(#""launchpadClass":"cold""#))
        let generic = JSONReporter.fileJSON(Self.check(Self.index, file: "patch-2300-01-1.sql", profile: .generic))
        #expect(!generic.contains("launchpadClass"))
    }

    @Test func commandLineTakesTheOption() throws {
        let directory = try TestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("patch-2300-01-1.sql")
        try (Self.index + Self.row(2300, 1, 1)).write(to: file, atomically: true, encoding: .utf8)
        let note = try TestSupport.run(["check", "--profile", "launchpad", file.path])
        #expect(note.status == 0)
        #expect(note.stdout.contains("info[launchpad-apply-concurrently]"))
        let error = try TestSupport.run(["check", "--profile", "launchpad", "--launchpad-require-concurrently", file.path])
        #expect(error.status == 1)
        #expect(error.stdout.contains("error[launchpad-require-concurrently]"))
        let generic = try TestSupport.run(["check", "--launchpad-require-concurrently", file.path])
        #expect(generic.status == 2)
        #expect(generic.stderr.contains("--launchpad-require-concurrently needs --profile launchpad"))
    }
}
