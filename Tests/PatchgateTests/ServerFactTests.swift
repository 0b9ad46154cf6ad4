import Testing
import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// Facts a PostgreSQL 15 server showed (Tests/Truth has a case for each), where the answer
/// depends on the schema or on the rest of the file.
struct ServerFactTests {
    static func effects(_ patch: String, schema: String = "") -> StatementEffects? {
        let options = CheckOptions(transactionMode: .none, catalog: schema.isEmpty ? nil : TestSupport.catalog(schema))
        return TestSupport.check(patch, options: options).statements.last?.effects
    }

    static func name(_ relation: String) -> QualifiedName { QualifiedName(schema: "public", name: relation) }

    static let indexed = "CREATE TABLE public.t (id int PRIMARY KEY, a int);\nCREATE INDEX t_a_idx ON public.t (a);\n"

    /// They wait out every query before taking their last lock on the old index: nothing
    /// queues behind them, so alone outside a transaction they are live patches.
    @Test(arguments: ["DROP INDEX CONCURRENTLY t_a_idx;", "REINDEX INDEX CONCURRENTLY t_a_idx;",
                      "DROP INDEX CONCURRENTLY IF EXISTS public.t_a_idx;"])
    func concurrentIndexMaintenanceAloneIsHot(sql: String) {
        for catalog in [nil, TestSupport.catalog(Self.indexed)] {
            let result = TestSupport.check("-- patchgate: no-transaction\n" + sql, options: CheckOptions(transactionMode: .none, catalog: catalog))
            #expect(result.verdict == .hot, "\(result.findings.map(\.rule))")
            #expect(result.statements.last?.effects.locks.first { $0.relation == Self.name("t_a_idx") }?.isAfterOlderQueries == true)
        }
    }

    @Test func detachConcurrentlyEndsWithAccessExclusiveAfterOlderQueries() throws {
        let effects = try #require(Self.effects("ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;"))
        let parent = try #require(effects.locks.first { $0.relation == Self.name("events") })
        let partition = try #require(effects.locks.first { $0.relation == Self.name("events_2023") })
        #expect(parent.mode == .shareUpdateExclusive && !parent.isAfterOlderQueries)
        #expect(partition.mode == .accessExclusive && partition.isAfterOlderQueries)
        #expect(!effects.isTransactional)
    }

    @Test(arguments: [
        ("ALTER DOMAIN code ADD CONSTRAINT code_not_empty CHECK (VALUE <> '');", true),
        ("ALTER DOMAIN code SET NOT NULL;", true),
        ("ALTER DOMAIN code VALIDATE CONSTRAINT code_not_empty;", true),
        ("ALTER DOMAIN code ADD CONSTRAINT code_not_empty CHECK (VALUE <> '') NOT VALID;", false),
    ])
    func alterDomainChecksEveryTableUsingIt(sql: String, checks: Bool) {
        let schema = "CREATE DOMAIN public.code AS text;\nCREATE TABLE public.codes (id int, c public.code);\n"
            + "CREATE TABLE public.more (c code);\nCREATE TABLE public.other (c text);\n"
        let effects = Self.effects(sql, schema: schema)
        let expected = checks ? [Self.name("codes"), Self.name("more")] : []
        #expect(effects?.scans == expected)
        #expect(effects?.locks.map(\.relation) == expected)
        #expect(effects?.locks.allSatisfy { $0.mode == .share } == true)
    }

    @Test func droppingAPartitionLocksItsParent() {
        let schema = "CREATE TABLE public.ev (h date) PARTITION BY RANGE (h);\n"
            + "CREATE TABLE public.ev_1 PARTITION OF public.ev FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');\n"
        #expect(Self.effects("DROP TABLE ev_1;", schema: schema)?.lockMode(on: Self.name("ev")) == .accessExclusive)
        #expect(Self.effects("DROP TABLE ev_1;")?.lockMode(on: Self.name("ev")) == nil)
    }

    @Test func untypedStatementsLockWhatTheirFactSays() {
        let table = Self.name("t")
        #expect(Self.effects("CREATE POLICY p ON t USING (a > 0);")?.lockMode(on: table) == .accessExclusive)
        #expect(Self.effects("ALTER POLICY p ON t USING (a > 1);")?.lockMode(on: table) == .accessExclusive)
        #expect(Self.effects("DROP POLICY p ON t;")?.lockMode(on: table) == .accessExclusive)
        #expect(Self.effects("CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;")?.lockMode(on: table) == .accessExclusive)
        #expect(Self.effects("DROP RULE r ON t;")?.lockMode(on: table) == .accessExclusive)
        #expect(Self.effects("CREATE STATISTICS s ON a, b FROM t;")?.lockMode(on: table) == .shareUpdateExclusive)
        // A statistics object is named alone: its table comes from the catalog.
        let statistics = Self.indexed + "CREATE STATISTICS public.s ON id, a FROM public.t;\n"
        #expect(Self.effects("DROP STATISTICS s;", schema: statistics)?.lockMode(on: table) == .shareUpdateExclusive)
        #expect(Self.effects("DROP STATISTICS s;")?.locks == [])
    }

    @Test(arguments: [
        ("VACUUM (FULL false) t;", false), ("VACUUM (FULL off, ANALYZE) t;", false), ("VACUUM (FULL 0) t;", false),
        ("VACUUM (FULL) t;", true), ("VACUUM (FULL true) t;", true), ("VACUUM (FULL 1) t;", true), ("VACUUM FULL t;", true),
    ])
    func vacuumFullRewritesOnlyWhenTrue(sql: String, rewrites: Bool) {
        #expect(Self.effects(sql)?.rewrites.isEmpty == !rewrites)
    }

    @Test func bareClusterRewritesEveryMarkedTable() {
        let schema = Self.indexed + "ALTER TABLE public.t CLUSTER ON t_a_idx;\nCREATE TABLE public.u (id int PRIMARY KEY);\n"
        let effects = Self.effects("CLUSTER;", schema: schema)
        #expect(effects?.rewrites == [Self.name("t")])
        #expect(effects?.isTransactional == false)
        let unmarked = Self.effects("ALTER TABLE t SET WITHOUT CLUSTER;\nCLUSTER;", schema: schema)
        #expect(unmarked?.rewrites == [])
    }

    @Test(arguments: [
        ("time", "time(6)", false), ("time", "time(3)", true), ("interval", "interval(6)", false),
        ("int", "integer", false), ("citext", "text", false), ("text", "citext", false), ("varchar(40)", "citext", false),
        ("citext", "varchar(30)", true), ("timestamp", "timestamptz", true),
    ])
    func typeChangesThatKeepTheTable(from old: String, to new: String, rewrites: Bool) {
        let effects = Self.effects("ALTER TABLE t ALTER COLUMN c TYPE \(new);", schema: "CREATE TABLE public.t (c \(old));")
        #expect(effects?.rewrites.isEmpty == !rewrites)
    }

    @Test(arguments: [("UTC", false), ("Etc/GMT", false), ("utc", false), ("Europe/London", true), ("America/New_York", true)])
    func timestampToTimestamptzKeepsTheTableUnderUTC(zone: String, rewrites: Bool) {
        let patch = "SET TimeZone = '\(zone)';\nALTER TABLE t ALTER COLUMN c TYPE timestamptz;"
        #expect(Self.effects(patch, schema: "CREATE TABLE public.t (c timestamp);")?.rewrites.isEmpty == !rewrites)
        #expect(Self.effects("SET TIME ZONE '\(zone)';\nALTER TABLE t ALTER COLUMN c TYPE timestamp;",
                             schema: "CREATE TABLE public.t (c timestamptz);")?.rewrites.isEmpty == !rewrites)
    }

    static let keyed = "CREATE TABLE public.parent (id int PRIMARY KEY, code varchar(10) UNIQUE);\n"
        + "CREATE TABLE public.child (id int, parent_id int REFERENCES public.parent (id), code varchar(10) REFERENCES public.parent (code));\n"

    @Test(arguments: [
        ("ALTER TABLE child ALTER COLUMN parent_id TYPE bigint;", ["child"]),
        ("ALTER TABLE parent ALTER COLUMN id TYPE bigint;", ["child"]),
        ("ALTER TABLE child ALTER COLUMN code TYPE varchar(20);", []),
        ("ALTER TABLE child ALTER COLUMN code TYPE text;", []),
        ("ALTER TABLE parent ALTER COLUMN code TYPE text;", []),
    ])
    func foreignKeyTypeChangesRevalidateOnlyWhenNotBinaryCompatible(sql: String, scanned: [String]) {
        let effects = Self.effects(sql, schema: Self.keyed)
        #expect(effects?.scans == scanned.map(Self.name))
        let other = sql.contains("TABLE child") ? "parent" : "child"
        #expect(effects?.lockMode(on: Self.name(other)) == .accessExclusive)
    }

    @Test func typeChangeKeepingTheTableVerifiesATableCheckOnTheColumn() {
        let schema = "CREATE TABLE public.t (c varchar(10));\nALTER TABLE public.t ADD CONSTRAINT c_present CHECK (c <> '');\n"
        #expect(Self.effects("ALTER TABLE t ALTER COLUMN c TYPE text;", schema: schema)?.scans == [Self.name("t")])
        #expect(Self.effects("ALTER TABLE t ALTER COLUMN c TYPE text;", schema: "CREATE TABLE public.t (c varchar(10));")?.scans == [])
    }

    @Test(arguments: [("id int", true), ("id int NOT NULL", false)])
    func primaryKeyUsingIndexScansANullableColumn(column: String, scans: Bool) {
        let schema = "CREATE TABLE public.n (\(column));\nCREATE UNIQUE INDEX n_id_idx ON public.n (id);\n"
        #expect(Self.effects("ALTER TABLE n ADD PRIMARY KEY USING INDEX n_id_idx;", schema: schema)?.scans.isEmpty == !scans)
    }

    @Test(arguments: [("DEFAULT 1", true), ("DEFAULT NULL", true), ("", false)])
    func newReferencingColumnIsValidatedOnlyWithADefault(defaultClause: String, scans: Bool) {
        let effects = Self.effects("ALTER TABLE child ADD COLUMN p2 int REFERENCES parent (id) \(defaultClause);", schema: Self.keyed)
        #expect(effects?.scans.isEmpty == !scans)
    }

    @Test func insertSharesTheReferencedKeys() {
        let effects = Self.effects("INSERT INTO child (id, parent_id) VALUES (1, 5);", schema: Self.keyed)
        #expect(effects?.lockMode(on: Self.name("parent")) == .rowShare)
        #expect(effects?.lockMode(on: Self.name("parent_pkey")) == .rowShare)
        #expect(effects?.lockMode(on: Self.name("parent_code_key")) == .rowShare)
    }

    @Test(arguments: ["SELECT setval('counter', 50);", "SELECT nextval('public.counter');", "SELECT setval('counter'::regclass, 5, false);"])
    func sequenceFunctionsWriteTheSequence(sql: String) {
        #expect(Self.effects(sql)?.lockMode(on: Self.name("counter")) == .rowExclusive)
    }

    @Test(arguments: [
        ("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';", CompatibilityBreak.Kind.renamesEnumValue),
        ("ALTER TYPE mood RENAME TO feeling;", .renamesType),
        ("ALTER SCHEMA billing RENAME TO accounts;", .renamesSchema),
        ("DROP DATABASE IF EXISTS shop;", .dropsDatabase),
    ])
    func renamesOfTypesAndSchemasBreakRunningCode(sql: String, kind: CompatibilityBreak.Kind) {
        #expect(Self.effects(sql)?.compatibility.map(\.kind) == [kind])
    }

    @Test func dropDatabaseCannotRunInATransaction() {
        #expect(Self.effects("DROP DATABASE shop;")?.isTransactional == false)
    }
}
