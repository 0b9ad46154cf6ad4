import Foundation
import Testing
import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// The safe SQL attached to the common findings: written from the statement, and safe when
/// applied — each step, checked on its own, no longer draws the rule and is valid SQL.
struct SafeRewriteTests {
    static let cases: [(rule: String, sql: String, expected: [String])] = [
        ("require-concurrent-index-creation",
         "CREATE UNIQUE INDEX orders_ref_idx ON orders USING btree (lower(ref) DESC) INCLUDE (id) WHERE ref IS NOT NULL;\n",
         ["CREATE UNIQUE INDEX CONCURRENTLY orders_ref_idx ON orders USING btree (lower(ref) DESC) INCLUDE (id) WHERE ref IS NOT NULL;"]),
        ("constraint-missing-not-valid",
         "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE;\n",
         ["ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE NOT VALID;",
          "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;"]),
        ("constraint-missing-not-valid", "ALTER TABLE orders ADD CHECK (amount > 0);\n",
         ["ALTER TABLE orders ADD CHECK (amount > 0) NOT VALID;", "ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_check;"]),
        ("adding-column-with-volatile-default", "ALTER TABLE \"order\" ADD COLUMN uid uuid NOT NULL DEFAULT gen_random_uuid();\n",
         ["ALTER TABLE \"order\" ADD COLUMN uid uuid;", "ALTER TABLE \"order\" ALTER COLUMN uid SET DEFAULT gen_random_uuid();",
          "UPDATE \"order\" SET uid = gen_random_uuid() WHERE ctid IN (SELECT ctid FROM \"order\" WHERE uid IS NULL LIMIT 5000);",
          "ALTER TABLE \"order\" ADD CONSTRAINT order_uid_not_null CHECK (uid IS NOT NULL) NOT VALID;",
          "ALTER TABLE \"order\" VALIDATE CONSTRAINT order_uid_not_null;", "ALTER TABLE \"order\" ALTER COLUMN uid SET NOT NULL;",
          "ALTER TABLE \"order\" DROP CONSTRAINT order_uid_not_null;"]),
        ("adding-column-with-volatile-default", "ALTER TABLE orders ADD COLUMN seen_at timestamp(3) with time zone DEFAULT clock_timestamp();\n",
         ["ALTER TABLE orders ADD COLUMN seen_at timestamptz(3);", "ALTER TABLE orders ALTER COLUMN seen_at SET DEFAULT clock_timestamp();",
          "UPDATE orders SET seen_at = clock_timestamp() WHERE ctid IN (SELECT ctid FROM orders WHERE seen_at IS NULL LIMIT 5000);"]),
        ("setting-not-null", "ALTER TABLE orders ALTER COLUMN ref SET NOT NULL;\n",
         ["ALTER TABLE orders ADD CONSTRAINT orders_ref_not_null CHECK (ref IS NOT NULL) NOT VALID;",
          "ALTER TABLE orders VALIDATE CONSTRAINT orders_ref_not_null;", "ALTER TABLE orders ALTER COLUMN ref SET NOT NULL;",
          "ALTER TABLE orders DROP CONSTRAINT orders_ref_not_null;"]),
    ]

    static let schema = """
        CREATE TABLE customer (id bigint PRIMARY KEY);
        CREATE TABLE orders (id bigint PRIMARY KEY, ref text, amount numeric, customer_id bigint);
        CREATE TABLE "order" (id bigint PRIMARY KEY);

        """

    static var options: CheckOptions {
        var options = CheckOptions()
        options.assumeSmall = true
        return options
    }

    @Test(arguments: cases)
    func theSafeSQLIsWrittenFromTheStatement(rule: String, sql: String, expected: [String]) throws {
        let file = TestSupport.check(sql, options: Self.options)
        let finding = try #require(file.findings.first { $0.rule == rule }, "\(file.findings.map(\.rule))")
        let rewrite = try #require(finding.rewrite)
        #expect(rewrite.sql.filter { !$0.hasPrefix("--") } == expected)
    }

    /// Each step applied as a file of its own (the concurrent build outside a transaction, as
    /// the rewrite says): valid SQL, and the rule that asked for the rewrite is satisfied.
    @Test(arguments: cases)
    func eachStepOfTheSafeSQLPasses(rule: String, sql: String, expected: [String]) throws {
        let file = TestSupport.check(sql, options: Self.options)
        let rewrite = try #require(file.findings.first { $0.rule == rule }?.rewrite)
        var applied = Self.schema
        for step in rewrite.sql where !step.hasPrefix("--") {
            var options = Self.options
            // What the steps before made of the schema: a later step is a later patch.
            options.catalog = TestSupport.catalog(applied)
            if step.contains("CONCURRENTLY") { options.transactionMode = .none }
            applied += step + "\n"
            let checked = TestSupport.check(step + "\n", options: options)
            #expect(checked.verdict != .invalid, "\(step): \(checked.findings.map(\.message))")
            #expect(!checked.findings.contains { $0.rule == rule }, "\(step) still draws \(rule)")
            #expect(!checked.findings.contains { $0.verdict == .rejected }, "\(step): \(checked.findings.map(\.rule))")
        }
    }

    /// Where the syntax keeps less than the statement says, no SQL rather than wrong SQL.
    @Test(arguments: [
        "ALTER TABLE orders ADD COLUMN d interval hour to minute DEFAULT clock_timestamp() - now();\n",
        "ALTER TABLE orders ADD COLUMN a int DEFAULT random()::int, ADD COLUMN b int;\n",
        "CREATE /* why */ INDEX orders_a_idx ON orders (a);\n",
    ])
    func noRewriteWhereItCannotBeWrittenExactly(sql: String) throws {
        let file = TestSupport.check(sql, options: Self.options)
        #expect(!file.findings.isEmpty)
        #expect(file.findings.allSatisfy { $0.rewrite == nil }, "\(file.findings.compactMap(\.rewrite))")
    }

    @Test func reservedWordsAndOddNamesAreQuoted() {
        let file = TestSupport.check("ALTER TABLE \"User Accounts\" ALTER COLUMN \"select\" SET NOT NULL;\n", options: Self.options)
        let sql = file.findings.first { $0.rule == "setting-not-null" }?.rewrite?.text ?? ""
        #expect(sql.contains("ALTER TABLE \"User Accounts\" ALTER COLUMN \"select\" SET NOT NULL;"), "\(sql)")
        #expect(sql.contains("ADD CONSTRAINT \"User Accounts_select_not_null\" CHECK (\"select\" IS NOT NULL) NOT VALID;"))
    }
}
