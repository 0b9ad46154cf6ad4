import Testing
import PatchgateSource
@testable import PgQuery
import PgQueryProto
@testable import PatchgateSyntax

struct StatementLocationTests {
    private func spans(_ sql: String) throws -> [String] {
        let parsed = try TestSupport.parse(sql)
        return parsed.statements.map { parsed.source.text($0.span) }
    }

    @Test func statementStartsAtItsFirstTokenNotAComment() throws {
        let sql = "-- leading\n/* block */ SELECT 1; -- trailing\n  /* x */\n  SELECT 2"
        let parsed = try TestSupport.parse(sql)
        #expect(try spans(sql) == ["SELECT 1", "SELECT 2"])
        #expect(parsed.source.position(of: parsed.statements[1].span.start) == SourcePosition(line: 4, column: 3))
        #expect(parsed.comments.count == 4)
        #expect(parsed.comments.map(\.isBlock) == [false, true, false, true])
    }

    @Test func missingFinalSemicolonAndCRLF() throws {
        #expect(try spans("SELECT 1;\r\nSELECT 2\r\n") == ["SELECT 1", "SELECT 2"])
    }

    @Test func dollarQuotedBodiesStayWhole() throws {
        let sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\nSELECT 2;"
        let parsed = try TestSupport.parse(sql)
        #expect(parsed.statements.count == 2)
        #expect(parsed.source.position(of: parsed.statements[1].span.start).line == 2)
    }

    @Test func columnsCountUnicodeScalars() throws {
        let parsed = try TestSupport.parse("SELECT 'é'; SELECT 2;")
        #expect(parsed.source.position(of: parsed.statements[1].span.start) == SourcePosition(line: 1, column: 13))
    }

    @Test func psqlScriptKeepsLaterPositions() throws {
        let sql = "\\set x 1\nCOPY t FROM stdin;\na\tb\n\\.\nSELECT :x;\nSELECT 3;"
        let parsed = try TestSupport.parse(sql)
        #expect(parsed.problems.isEmpty)
        #expect(parsed.statements.map { parsed.source.position(of: $0.span.start).line } == [2, 5, 6])
        #expect(parsed.directives.count == 3)
    }

    @Test func syntaxErrorIsLocatedAndOtherStatementsSurvive() throws {
        let parsed = try TestSupport.parse("SELECT 1;\nALTER TABLE t ADD COLUMN c int DEFALT 0;\nSELECT 3;")
        #expect(parsed.statements.count == 2)
        guard case .syntaxError(let message, let offset, _)? = parsed.problems.first else {
            Issue.record("expected a syntax error"); return
        }
        #expect(message.contains("DEFALT"))
        #expect(parsed.source.position(of: offset) == SourcePosition(line: 2, column: 32))
    }

    /// A SQL-standard function body holds semicolons the scanner splits at; in a rejected file
    /// it must still parse as one statement, and each bad statement gets its own error.
    @Test func rejectedFileKeepsFunctionBodiesWholeAndEveryError() throws {
        let body = "CREATE FUNCTION f() RETURNS int LANGUAGE SQL\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\n"
        let parsed = try TestSupport.parse(body + "SELECT FROM WHERE;\n" + body + "DROP TABLE;\n" + body + "SELECT 4;")
        #expect(parsed.statements.map(\.syntax.kind) == ["create-function", "create-function", "create-function", "select"])
        let lines = parsed.problems.compactMap { problem -> Int? in
            guard case .syntaxError(_, let offset, _) = problem else { return nil }
            return parsed.source.position(of: offset).line
        }
        #expect(lines == [6, 12])
    }

    /// After an error the rest is parsed in windows of statements; a function body cut by a
    /// window's end is still one statement, and errors after it are still found.
    @Test func functionBodyAcrossAWindowEdgeStaysWhole() throws {
        let body = "CREATE FUNCTION f() RETURNS int LANGUAGE SQL\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\n"
        let fillers = String(repeating: "SELECT 0;\n", count: StatementCollector.firstWindow - 2)
        let parsed = try TestSupport.parse("SELECT FROM WHERE;\n" + fillers + body + fillers + "DROP TABLE;\nSELECT 5;")
        #expect(parsed.statements.count == 2 * (StatementCollector.firstWindow - 2) + 2)
        #expect(parsed.statements.filter { $0.syntax.kind == "create-function" }.count == 1)
        let lines = parsed.problems.compactMap { problem -> Int? in
            guard case .syntaxError(_, let offset, _) = problem else { return nil }
            return parsed.source.position(of: offset).line
        }
        #expect(lines == [1, 2 * (StatementCollector.firstWindow - 2) + 7])
    }

    @Test func syntaxErrorAfterMultibyteTextCountsCharacters() throws {
        let parsed = try TestSupport.parse("SELECT 'ééé' FROM;")
        guard case .syntaxError(_, let offset, _)? = parsed.problems.first else {
            Issue.record("expected a syntax error"); return
        }
        #expect(parsed.source.position(of: offset) == SourcePosition(line: 1, column: 18))
    }
}

struct TypedSyntaxTests {
    private func statement(_ sql: String) throws -> Statement {
        let parsed = try TestSupport.parse(sql)
        try #require(parsed.statements.count == 1)
        return parsed.statements[0].syntax
    }

    @Test func alterTableSubcommands() throws {
        let syntax = try statement("""
            ALTER TABLE ONLY app.orders ADD COLUMN note varchar(50) NOT NULL DEFAULT now(),
              DROP COLUMN old CASCADE, ALTER COLUMN total TYPE numeric(10,2) USING total::numeric,
              ALTER COLUMN a SET NOT NULL, ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES cust (id) NOT VALID,
              VALIDATE CONSTRAINT fk, DISABLE TRIGGER ALL
            """)
        guard case .alterTable(let alter) = syntax else { Issue.record("not ALTER TABLE"); return }
        #expect(alter.table == QualifiedName(schema: "app", name: "orders"))
        #expect(!alter.recursesToChildren)
        #expect(alter.actions.count == 7)
        guard case .addColumn(let column, _) = alter.actions[0] else { Issue.record("not ADD COLUMN"); return }
        #expect(column.type == ColumnType(schema: "pg_catalog", name: "varchar", modifiers: [50]))
        #expect(column.isNotNull)
        #expect(column.defaultValue == .function(name: ["now"], arguments: []))
        #expect(alter.actions[1] == .dropColumn(name: "old", ifExists: false, isCascade: true))
        guard case .alterColumnType(_, let type, let using) = alter.actions[2] else { Issue.record("not TYPE"); return }
        #expect(type.modifiers == [10, 2])
        #expect(using != nil)
        #expect(alter.actions[3] == .setNotNull(column: "a"))
        guard case .addConstraint(let constraint) = alter.actions[4] else { Issue.record("not ADD CONSTRAINT"); return }
        #expect(constraint.isNotValid)
        #expect(constraint.kind == .foreignKey(columns: ["c"], references: ForeignKeyReference(table: QualifiedName(name: "cust"), columns: ["id"])))
        #expect(alter.actions[5] == .validateConstraint(name: "fk"))
        #expect(alter.actions[6] == .setTriggerState(.all, isEnabled: false))
        guard case .alterTable(let detach) = try statement("ALTER TABLE orders DETACH PARTITION orders_2020 CONCURRENTLY") else {
            Issue.record("not ALTER TABLE"); return
        }
        #expect(detach.actions == [.detachPartition(QualifiedName(name: "orders_2020"), isConcurrent: true)])
    }

    @Test(arguments: [
        ("CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a) WHERE b", "create-index"),
        ("DROP INDEX CONCURRENTLY IF EXISTS i", "drop-index"),
        ("REINDEX TABLE CONCURRENTLY t", "reindex"),
        ("CREATE TABLE t2 AS SELECT * FROM t", "create-table-as"),
        ("CREATE MATERIALIZED VIEW mv AS SELECT 1", "create-materialized-view"),
        ("REFRESH MATERIALIZED VIEW CONCURRENTLY mv", "refresh-materialized-view"),
        ("ALTER TYPE mood ADD VALUE 'meh'", "alter-enum"),
        ("CREATE TYPE mood AS ENUM ('a')", "create-enum"),
        ("CREATE OR REPLACE VIEW v AS SELECT 1", "create-view"),
        ("ALTER TABLE t RENAME COLUMN a TO b", "rename"),
        ("VACUUM FULL t", "vacuum"), ("ANALYZE t", "analyze"), ("CLUSTER t USING i", "cluster"),
        ("TRUNCATE a, b CASCADE", "truncate"), ("LOCK TABLE t IN SHARE MODE", "lock"),
        ("SET lock_timeout = '2s'", "set"), ("BEGIN", "begin"), ("COMMIT", "commit"), ("ROLLBACK", "rollback"),
        ("COMMENT ON COLUMN t.a IS 'x'", "comment"), ("GRANT SELECT ON t TO r", "grant"),
        ("REVOKE ALL ON t FROM r", "revoke"), ("INSERT INTO t SELECT * FROM u", "insert"),
        ("UPDATE t SET a = 1", "update"), ("DELETE FROM t WHERE a = 1", "delete"),
        ("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", "create-trigger"),
        ("CREATE FUNCTION f() RETURNS int STABLE LANGUAGE sql AS 'select 1'", "create-function"),
        ("CREATE EXTENSION pg_trgm", "other"),
    ])
    func statementKinds(sql: String, kind: String) throws {
        #expect(try statement(sql).kind == kind)
    }

    @Test func otherStatementsKeepTheirNodeName() throws {
        #expect(try statement("CREATE EXTENSION pg_trgm") == .other(UntypedStatement(nodeName: "CreateExtensionStmt")))
    }

    @Test func settingsAndLocksKeepTheirValues() throws {
        #expect(try statement("SET LOCAL lock_timeout = '2s'") == .setVariable(SetVariable(name: "lock_timeout", value: "2s", isLocal: true)))
        #expect(try statement("SET lock_timeout TO 500") == .setVariable(SetVariable(name: "lock_timeout", value: "500", isLocal: false)))
        guard case .lock(let lock) = try statement("LOCK TABLE a, b IN SHARE ROW EXCLUSIVE MODE NOWAIT") else {
            Issue.record("not LOCK"); return
        }
        #expect(lock.mode == .shareRowExclusive)
        #expect(lock.tables.map(\.name) == ["a", "b"])
        #expect(lock.isNoWait)
    }

    @Test func dataStatementsKnowTheirWhere() throws {
        #expect(try statement("UPDATE t SET a = 1") == .update(Update(table: QualifiedName(name: "t"), hasWhere: false)))
        #expect(try statement("DELETE FROM s.t WHERE id < 10") == .delete(Delete(table: QualifiedName(schema: "s", name: "t"), hasWhere: true)))
    }

    @Test func defaultsKeepTheirExpressionTree() throws {
        guard case .createTable(let table) = try statement(
            "CREATE TABLE t (a int DEFAULT 0, b timestamptz DEFAULT CURRENT_TIMESTAMP, c uuid DEFAULT gen_random_uuid(), d text[] DEFAULT '{}')"
        ) else { Issue.record("not CREATE TABLE"); return }
        #expect(table.columns[0].defaultValue == .constant(.integer(0)))
        #expect(table.columns[1].defaultValue == .sqlValueFunction(name: "current_timestamp"))
        #expect(table.columns[2].defaultValue == .function(name: ["gen_random_uuid"], arguments: []))
        #expect(table.columns[3].type.isArray)
    }

    /// libpg_query 15's JSON drops negative integers as if they were zero; they are read back
    /// from the SQL text, where the constant (its minus sign) starts.
    @Test func negativeIntegersKeepTheirValue() throws {
        guard case .createTable(let table) = try statement(
            "CREATE TABLE t (a int DEFAULT -1, b int DEFAULT - 32, c int DEFAULT -0, d numeric(10, 2) DEFAULT -2.5, e int DEFAULT 7)"
        ) else { Issue.record("not CREATE TABLE"); return }
        #expect(table.columns.map(\.defaultValue) == [
            .constant(.integer(-1)), .constant(.integer(-32)), .constant(.integer(0)), .constant(.number("-2.5")), .constant(.integer(7)),
        ])
        #expect(table.columns[3].type.modifiers == [10, 2])
        #expect(try statement("SET statement_timeout = -1") == .setVariable(SetVariable(name: "statement_timeout", value: "-1", isLocal: false)))
    }
}

/// The relations a SELECT reads, for every shape of query: joins, subqueries, set operations
/// and WITH queries are followed, other parts of the query are not.
struct SelectSourceTests {
    static let queries: [(String, [String], Bool)] = [
        ("SELECT 1", [], false),
        ("SELECT * FROM a", ["a"], false),
        ("SELECT * FROM s.a, b JOIN c ON true LEFT JOIN (d CROSS JOIN e) ON true", ["s.a", "b", "c", "d", "e"], false),
        ("SELECT * FROM (SELECT * FROM x) sub, LATERAL (SELECT * FROM y) l", ["x", "y"], false),
        ("WITH w AS (SELECT * FROM base), v AS (SELECT * FROM w) SELECT * FROM v, other", ["v", "other", "base", "w"], false),
        ("SELECT * FROM a UNION SELECT * FROM b EXCEPT (SELECT * FROM c INTERSECT SELECT * FROM d)", ["a", "b", "c", "d"], false),
        ("SELECT * FROM a WHERE id IN (SELECT id FROM hidden) FOR UPDATE", ["a"], true),
        ("SELECT * FROM a FOR SHARE OF a NOWAIT", ["a"], true),
        ("VALUES (1), (2)", [], false),
        ("SELECT f(x) FROM generate_series(1, 3) x", [], false),
        ("SELECT * FROM \"Quoted\".\"Name\"", ["Quoted.Name"], false),
        ("SELECT * INTO new_table FROM old_table", ["old_table"], false),
        // Deeper than the collector follows (two levels a subquery): not named.
        (String(repeating: "SELECT * FROM (", count: 40) + "SELECT * FROM bottom" + String(repeating: ") q", count: 40), [], false),
        (String(repeating: "SELECT * FROM (", count: 20) + "SELECT * FROM bottom" + String(repeating: ") q", count: 20), ["bottom"], false),
    ]

    @Test(arguments: queries)
    func sourcesAreNamedInOrder(_ sql: String, relations: [String], locksRows: Bool) throws {
        let raw = try #require(try LibPgQuery.parseStatements(Array(sql.utf8)).first)
        guard case .select(let select) = raw.readTree(StatementReader.statement) else { Issue.record("not a SELECT"); return }
        #expect(select.sourceRelations.map { [$0.schema, $0.name].compactMap { $0 }.joined(separator: ".") } == relations)
        #expect(select.locksRows == locksRows)
    }
}

/// The list of typed statement kinds is what the typed reader really types: an empty node of
/// every type pg_query.proto has (its JSON written by the generated protobuf code, which knows
/// every node type's JSON name) is read, and must be typed exactly when the list says so.
struct TypedKindsTests {
    @Test func listMatchesTheReader() throws {
        var kind = 1, misses = 0
        var checked = 0
        while misses < 8 {  // pg_query.proto numbers its node kinds 1, 2, 3 … without gaps
            guard let json = try emptyNodeJSON(ofKind: kind) else { misses += 1; kind += 1; continue }
            misses = 0
            let sql = Array("{\"version\":150001,\"stmts\":[{\"stmt\":\(json)}]}".utf8)
            let raw = try #require(RawStatement.statements(inResult: sql, source: [])?.first)
            var isTyped = true
            if case .other = raw.readTree(StatementReader.statement) { isTyped = false }
            // An empty TRANSACTION has no kind of its own yet, so its reader says `.other`.
            if raw.nodeName == "TransactionStmt" { isTyped = true }
            #expect(StatementReader.readsKind(raw.nodeName) == isTyped, "\(raw.nodeName)")
            checked += 1
            kind += 1
        }
        #expect(checked > 200)
    }

    /// `{"CreateStmt":{}}` for the node case with field number `kind`, nil past the last one.
    private func emptyNodeJSON(ofKind kind: Int) throws -> String? {
        var tag = UInt64(kind) << 3 | 2
        var bytes: [UInt8] = []
        while tag >= 0x80 { bytes.append(UInt8(tag & 0x7F) | 0x80); tag >>= 7 }
        bytes += [UInt8(tag), 0]
        guard let node = try? PgQuery_Node(serializedBytes: bytes), node.node != nil else { return nil }
        return try node.jsonString()
    }
}

/// The scanner's comment token numbers, which the tool keeps without the generated types.
struct ScannerTokenNumberTests {
    @Test func commentNumbersAreThoseOfTheInstalledProto() {
        #expect(ScannedToken.sqlComment == PgQuery_Token.sqlComment.rawValue)
        #expect(ScannedToken.cComment == PgQuery_Token.cComment.rawValue)
    }

    @Test func commentsAreFoundByNumber() throws {
        let tokens = try LibPgQuery.scanTokens(Array("SELECT 1; -- line\n/* block */".utf8))
        #expect(tokens.filter(\.isLineComment).map(\.start) == [10])
        #expect(tokens.filter(\.isBlockComment).map(\.start) == [18])
        #expect(tokens.filter(\.isComment).count == 2)
    }
}
