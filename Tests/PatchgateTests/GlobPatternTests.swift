import Testing
@testable import patchgate

/// The `include`/`exclude` globs of `.patchgate.yml`, one row per case.
struct GlobPatternTests {
    static let cases: [(pattern: String, path: String, matches: Bool)] = [
        ("*.sql", "a.sql", true),
        ("*.sql", "db/a.sql", false),
        ("db/*.sql", "db/a.sql", true),
        ("db/*.sql", "db/x/a.sql", false),
        ("db/**/*.sql", "db/a.sql", true),
        ("db/**/*.sql", "db/x/y/a.sql", true),
        ("db/**/*.sql", "dbx/a.sql", false),
        ("**/*.sql", "a.sql", true),
        ("**/old_*.sql", "db/x/old_1.sql", true),
        ("db/**", "db/x/y/a.sql", true),
        ("db/**", "other/a.sql", false),
        ("patch-?.sql", "patch-1.sql", true),
        ("patch-?.sql", "patch-10.sql", false),
        ("a?b.sql", "a/b.sql", false),
        ("db/a.sql", "db/a.sql", true),
        ("db/a.sql", "db/a.sqlx", false),
        ("../shared/*.sql", "../shared/a.sql", true),
    ]

    @Test(arguments: cases)
    func matches(pattern: String, path: String, matches: Bool) {
        #expect(GlobPattern(pattern).matches(path) == matches)
    }

    @Test func pathsAreMadeRelativeToTheConfigurationDirectory() {
        let selection = InputSelection(configPath: ".patchgate.yml", directory: "/repo/conf", include: [], exclude: [])
        #expect(selection.relativePath(of: "/repo/conf/db/a.sql") == "db/a.sql")
        #expect(selection.relativePath(of: "/repo/shared/a.sql") == "../shared/a.sql")
        #expect(selection.relativePath(of: "/repo/conf/./db/../db/a.sql") == "db/a.sql")
    }
}
