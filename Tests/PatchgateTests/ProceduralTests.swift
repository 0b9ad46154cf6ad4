import Foundation
import Testing
import PatchgateEffects
import PatchgateRules
@testable import PatchgateSyntax

/// DO blocks and PL/pgSQL bodies: their SQL is analysed as statements of the patch, at their
/// own place in the file (fixtures/do-blocks).
struct ProceduralTests {
    static let directory = TestSupport.repositoryRoot.appendingPathComponent("fixtures/do-blocks")

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func check(_ sql: String, mode: TransactionMode = .perFile) throws -> FileResult {
        var options = CheckOptions(transactionMode: mode, catalog: TestSupport.catalog(try fixture("schema.sql")))
        options.assumeSmall = true
        return TestSupport.check(sql, options: options)
    }

    struct Located: Hashable, CustomStringConvertible {
        let rule: String, line: Int, column: Int
        var description: String { "\(rule)@\(line):\(column)" }
    }

    static func located(_ result: FileResult) -> Set<Located> {
        Set(result.findings.map { Located(rule: $0.rule, line: $0.start.line, column: $0.start.column) })
    }

    /// The same DDL inside a DO block and outside it, at the same line and column of the file:
    /// the same findings at the same places, under either transaction mode.
    @Test(arguments: ["plain-index", "volatile-default", "set-not-null", "constraint-validated", "drop-column"],
          [TransactionMode.perFile, .none])
    func insideADoBlockAsOutside(name: String, mode: TransactionMode) throws {
        let outside = try Self.check(try Self.fixture("\(name).outside.sql"), mode: mode)
        let inside = try Self.check(try Self.fixture("\(name).do.sql"), mode: mode)
        #expect(!outside.findings.isEmpty)
        #expect(Self.located(inside) == Self.located(outside))
        #expect(inside.verdict == outside.verdict)
        for finding in inside.findings { #expect(finding.message.contains("in the DO block at line 1"), "\(finding.message)") }
    }

    @Test func conditionalDDLSaysItIsConditional() throws {
        let result = try Self.check(try Self.fixture("conditional-column.do.sql"))
        let finding = try #require(result.findings.first { $0.rule == "adding-column-with-volatile-default" })
        #expect(finding.start.line == 5 && finding.start.column == 5)
        #expect(finding.message.contains("conditional: runs only when the IF at line 3 reaches it"), "\(finding.message)")
    }

    @Test(arguments: [TransactionMode.perFile, .none])
    func concurrentlyInADoBlockIsInvalid(mode: TransactionMode) throws {
        let result = try Self.check(try Self.fixture("concurrent-index.do.sql"), mode: mode)
        let finding = try #require(result.findings.first { $0.rule == "concurrent-in-transaction" })
        #expect(finding.start.line == 3)
        #expect(result.verdict == .invalid)
        #expect(finding.message.contains(mode == .none ? "cannot be executed from a function" : "cannot run inside a transaction block"))
    }

    @Test func commitPartWayReleasesTheLocksThere() throws {
        let result = try Self.check(try Self.fixture("commit-part-way.do.sql"), mode: .none)
        #expect(!result.findings.contains { $0.rule == "routine-commit-in-transaction" })
        let orders = QualifiedName(schema: "public", name: "orders")
        let alter = try #require(result.statements.first { if case .alterTable = $0.syntax { return true }; return false })
        let commit = try #require(result.statements.first { if case .transaction = $0.syntax { return true }; return false })
        let update = try #require(result.statements.first { if case .update = $0.syntax { return true }; return false })
        #expect(alter.effects.lockMode(on: orders) == .accessExclusive)
        #expect(commit.context.heldLock(on: orders)?.mode == .accessExclusive)
        #expect(update.context.heldLock(on: orders) == nil)
        #expect(update.context.isInTransaction)
        // Without the COMMIT the lock is held to the end of the block.
        let whole = try Self.check(try Self.fixture("commit-part-way.do.sql").replacingOccurrences(of: "  COMMIT;\n", with: ""), mode: .none)
        let lastUpdate = try #require(whole.statements.first { if case .update = $0.syntax { return true }; return false })
        #expect(lastUpdate.context.heldLock(on: orders)?.mode == .accessExclusive)
    }

    @Test func commitInsideATransactionBlockIsInvalid() throws {
        let result = try Self.check(try Self.fixture("commit-part-way.do.sql"), mode: .perFile)
        let finding = try #require(result.findings.first { $0.rule == "routine-commit-in-transaction" })
        #expect(finding.start.line == 4 && finding.start.column == 3)
        #expect(result.verdict == .invalid)
    }

    @Test(arguments: [("execute-unknown.do.sql", 5), ("language-sql.do.sql", 1)])
    func hiddenSQLIsOpaque(name: String, line: Int) throws {
        let result = try Self.check(try Self.fixture(name))
        let finding = try #require(result.findings.first { $0.rule == "opaque-dynamic-sql" })
        #expect(finding.start.line == line)
        #expect(result.verdict == .downtime)
    }

    @Test func readAndRaiseIsHot() throws {
        let result = try Self.check(try Self.fixture("read-and-raise.do.sql"))
        #expect(result.verdict == .hot)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
    }

    @Test func opaqueSQLCanBeSuppressedWithAReason() throws {
        let sql = "-- patchgate: ignore opaque-dynamic-sql -- reviewed by hand\n" + (try Self.fixture("execute-unknown.do.sql"))
        let result = try Self.check(sql)
        #expect(result.findings.allSatisfy { $0.isSuppressed })
        #expect(result.verdict == .hot)
    }

    @Test(arguments: [
        ("'ALTER TABLE t ADD c int'", "ALTER TABLE t ADD c int"),
        ("format('ALTER TABLE %I ADD %s int', 'T t', 'c')", "ALTER TABLE \"T t\" ADD c int"),
        ("format('UPDATE t SET a = %L', 'it''s')", "UPDATE t SET a = 'it''s'"),
        ("'ALTER TABLE ' || 't' || ' ADD c int'", "ALTER TABLE t ADD c int"),
        ("format('%2$s %1$s', 'b', 'a')", "a b"),
    ])
    func constantTextIsEvaluated(expression: String, text: String) {
        #expect(ProceduralReader.constantText(Array(expression.utf8)) == text)
    }

    @Test(arguments: ["'ALTER TABLE ' || tbl", "format('ALTER TABLE %I', tbl)", "format('%5s', 'x')", "upper('x')"])
    func textBuiltAtRunTimeIsUnknown(expression: String) {
        #expect(ProceduralReader.constantText(Array(expression.utf8)) == nil)
    }

    // MARK: function bodies

    @Test func aBodyThatDoesNotCompileMakesTheFileInvalid() throws {
        let sql = """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          ALTER TABLE orders ADDD COLUMN note text;
        END $$;
        ALTER TABLE customers DROP COLUMN name;
        """
        let result = try Self.check(sql)
        let error = try #require(result.findings.first { $0.rule == "syntax-error" })
        #expect(error.start.line == 3 && error.start.column == 22)
        #expect(result.verdict == .invalid)
        #expect(result.findings.contains { $0.rule == "dropping-column" && $0.start.line == 5 })
        let off = try Self.check("SET check_function_bodies = false;\n" + sql)
        #expect(!off.findings.contains { $0.rule == "syntax-error" })
    }

    @Test func aPLpgSQLErrorIsLocatedByLine() throws {
        let sql = """
        CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
          r record;
        BEGIN
          FOR x IN SELECT 1 LOOP
          END LOOP;
        END $$;
        """
        let result = try Self.check(sql)
        let error = try #require(result.findings.first { $0.rule == "syntax-error" })
        #expect(error.start.line == 5)
        #expect(error.message.contains("the line only"))
    }

    @Test func aCallIsAnalysedAsTheBodyItRuns() throws {
        let sql = """
        CREATE FUNCTION add_index() RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          CREATE INDEX orders_total_idx ON orders (total);
        END $$;
        SELECT add_index();
        """
        let result = try Self.check(sql)
        let finding = try #require(result.findings.first { $0.rule == "require-concurrent-index-creation" })
        #expect(finding.start.line == 5)
        #expect(finding.message.contains("run by add_index(), called at line 5"))
        // Created but never called: nothing runs.
        let created = try Self.check(sql.replacingOccurrences(of: "SELECT add_index();", with: ""))
        #expect(!created.findings.contains { $0.rule == "require-concurrent-index-creation" })
    }

    @Test func aFunctionCreatedInAnEarlierPatchIsAnalysedAtTheCall() throws {
        let root = try TestSupport.temporaryDirectory()
        let migrations = root.appendingPathComponent("migrations")
        try FileManager.default.createDirectory(at: migrations, withIntermediateDirectories: true)
        try Self.fixture("schema.sql").write(to: root.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try """
        CREATE PROCEDURE drop_legacy() LANGUAGE plpgsql AS $$
        BEGIN
          ALTER TABLE orders DROP COLUMN legacy_code;
        END $$;
        """.write(to: migrations.appendingPathComponent("001_procedure.sql"), atomically: true, encoding: .utf8)
        try "CALL drop_legacy();\n".write(to: migrations.appendingPathComponent("002_call.sql"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["check", "--format", "json", "--assume-small", "--schema", "schema.sql", "migrations"], directory: root)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let files = document["files"] as? [[String: Any]] ?? []
        let call = try #require(files.first { ($0["path"] as? String)?.hasSuffix("002_call.sql") ?? false })
        let rules = (call["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("dropping-column"), "\(rules)")
    }
}
