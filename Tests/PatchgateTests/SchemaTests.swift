import Foundation
import Testing
import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// Each schema-dependent decision, with a case that flips when the schema changes.
struct SchemaTests {
    static func effects(_ patch: String, schema: String) -> StatementEffects? {
        TestSupport.check(patch, options: CheckOptions(catalog: TestSupport.catalog(schema))).statements.last?.effects
    }

    static func rules(_ patch: String, schema: String) -> Set<String> {
        Set(TestSupport.check(patch, options: CheckOptions(catalog: TestSupport.catalog(schema))).findings.map(\.rule))
    }

    @Test(arguments: [
        ("varchar(100)", false), ("varchar(300)", true), ("text", true), ("integer", true),
    ])
    func typeChangeRewritesDependOnTheOldType(oldType: String, rewrites: Bool) {
        let effects = Self.effects("ALTER TABLE t ALTER COLUMN c TYPE varchar(200);",
                                   schema: "CREATE TABLE public.t (c \(oldType));")
        #expect((effects?.rewrites.isEmpty == false) == rewrites)
    }

    @Test func typeChangeKeepingStorageStillVerifiesChecks() {
        let withCheck = Self.effects("ALTER TABLE t ALTER COLUMN c TYPE varchar(200);",
                                     schema: "CREATE TABLE public.t (c varchar(100) CHECK (c <> ''));")
        let without = Self.effects("ALTER TABLE t ALTER COLUMN c TYPE varchar(200);",
                                   schema: "CREATE TABLE public.t (c varchar(100));")
        #expect(withCheck?.scans == [QualifiedName(schema: "public", name: "t")])
        #expect(without?.scans == [])
    }

    @Test(arguments: [("", true), (" NOT VALID", true), ("VALIDATED", false)])
    func setNotNullScanDependsOnAValidatedCheck(suffix: String, scans: Bool) {
        let check = suffix == "VALIDATED" ? "" : suffix
        let schema = "CREATE TABLE public.t (c int);\n"
            + (suffix.isEmpty ? "" : "ALTER TABLE ONLY public.t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL)\(check);\n")
        let effects = Self.effects("ALTER TABLE t ALTER COLUMN c SET NOT NULL;", schema: schema)
        #expect((effects?.scans.isEmpty == false) == scans)
    }

    /// As a PostgreSQL 15.18 server does: a recursing subcommand locks each partition like the
    /// parent and scans or rewrites the partitions; ENABLE TRIGGER locks the parent alone.
    @Test func partitionsAreLockedWhenTheSchemaHasThem() {
        let parent = "CREATE TABLE public.p (k int, c int) PARTITION BY RANGE (k);\n"
        let partitions = parent + "CREATE TABLE public.p1 PARTITION OF public.p FOR VALUES FROM (0) TO (10);\n"
            + "CREATE TABLE public.p2 PARTITION OF public.p FOR VALUES FROM (10) TO (20);\n"
        let p1 = QualifiedName(schema: "public", name: "p1"), p2 = QualifiedName(schema: "public", name: "p2")
        let notNull = Self.effects("ALTER TABLE p ALTER COLUMN c SET NOT NULL;", schema: partitions)
        #expect(notNull?.lockMode(on: p1) == .accessExclusive && notNull?.lockMode(on: p2) == .accessExclusive)
        #expect(notNull?.scans == [p1, p2])
        let retype = Self.effects("ALTER TABLE p ALTER COLUMN c TYPE bigint;", schema: partitions)
        #expect(retype?.rewrites == [p1, p2])
        let alone = Self.effects("ALTER TABLE p ALTER COLUMN c SET NOT NULL;", schema: parent)
        #expect(alone?.lockMode(on: p1) == nil)
        let triggers = Self.effects("ALTER TABLE p ENABLE TRIGGER ALL;", schema: partitions)
        #expect(triggers?.lockMode(on: p1) == nil)
    }

    /// What a 15.18 server does with ALTER COLUMN TYPE into and out of domains.
    @Test(arguments: [
        ("CREATE DOMAIN public.d AS varchar(200);", "varchar(100)", "d", false),
        ("CREATE DOMAIN public.d AS varchar(200) CHECK (VALUE <> '');", "varchar(100)", "d", true),
        ("CREATE DOMAIN public.d AS varchar(200) NOT NULL;", "varchar(100)", "d", true),
        ("CREATE DOMAIN public.d AS text;", "d", "text", false),
        ("CREATE DOMAIN public.d AS varchar(200);", "d", "varchar(300)", true),
    ])
    func domainsCountOnlyWithoutConstraints(domain: String, from: String, to: String, rewrites: Bool) {
        let schema = domain + "\nCREATE TABLE public.t (c \(from));"
        let effects = Self.effects("ALTER TABLE t ALTER COLUMN c TYPE \(to);", schema: schema)
        #expect((effects?.rewrites.isEmpty == false) == rewrites)
    }

    /// DROP COLUMN takes the indexes keyed on the column with it, and a view that uses the
    /// column makes PostgreSQL refuse it without CASCADE.
    @Test func droppingAColumnNamesWhatGoesWithIt() {
        let schema = "CREATE TABLE public.t (c int, d int);\nCREATE INDEX t_c_idx ON public.t (c);\n"
            + "CREATE VIEW public.v AS SELECT c FROM public.t;\n"
        let message = { (patch: String, schema: String) in
            TestSupport.check(patch, options: CheckOptions(catalog: TestSupport.catalog(schema)))
                .findings.first { $0.rule == "dropping-column" }?.message ?? ""
        }
        let dropC = message("ALTER TABLE t DROP COLUMN c;", schema)
        #expect(dropC.contains("it also drops index public.t_c_idx"))
        #expect(dropC.contains("view public.v uses it, so PostgreSQL refuses the DROP without CASCADE"))
        #expect(message("ALTER TABLE t DROP COLUMN c CASCADE;", schema).contains("CASCADE drops view public.v"))
        let dropD = message("ALTER TABLE t DROP COLUMN d;", schema)
        #expect(!dropD.contains("index") && !dropD.contains("view"))
        let everything = "CREATE TABLE public.t (c int, d int);\nCREATE VIEW public.v AS SELECT * FROM public.t;\n"
        #expect(message("ALTER TABLE t DROP COLUMN d;", everything).contains("view public.v uses it"))
        #expect(!message("ALTER TABLE t DROP COLUMN c;", "CREATE TABLE public.t (c int, d int);").contains("view"))
    }

    @Test func dropIndexLocksTheTableTheSchemaNames() {
        let known = Self.effects("DROP INDEX t_c_idx;", schema: "CREATE TABLE public.t (c int);\nCREATE INDEX t_c_idx ON public.t (c);")
        let unknown = Self.effects("DROP INDEX t_c_idx;", schema: "CREATE TABLE public.t (c int);")
        #expect(known?.lockMode(on: QualifiedName(schema: "public", name: "t")) == .accessExclusive)
        #expect(unknown?.lockMode(on: QualifiedName(schema: "public", name: "t")) == nil)
    }

    @Test func droppingATableLocksItsForeignKeyNeighbours() {
        let schema = "CREATE TABLE public.parent (id int PRIMARY KEY);\nCREATE TABLE public.child (id int, parent_id int REFERENCES public.parent);"
        let effects = Self.effects("DROP TABLE child;", schema: schema)
        #expect(effects?.lockMode(on: QualifiedName(schema: "public", name: "parent")) == .accessExclusive)
        let alone = Self.effects("DROP TABLE child;", schema: "CREATE TABLE public.child (id int, parent_id int);")
        #expect(alone?.lockMode(on: QualifiedName(schema: "public", name: "parent")) == nil)
    }

    @Test func concurrentIndexOnAPartitionedTableIsInvalid() {
        let patch = "-- patchgate: no-transaction\nCREATE INDEX CONCURRENTLY e_k_idx ON e (k);"
        #expect(Self.rules(patch, schema: "CREATE TABLE public.e (k int) PARTITION BY RANGE (k);").contains("concurrent-index-on-partitioned-table"))
        #expect(!Self.rules(patch, schema: "CREATE TABLE public.e (k int);").contains("concurrent-index-on-partitioned-table"))
    }

    @Test func namesMustExistAndNewNamesMustNot() {
        #expect(Self.rules("ALTER TABLE t ADD COLUMN d int;", schema: "CREATE TABLE public.u (c int);").contains("unknown-object"))
        #expect(!Self.rules("ALTER TABLE t ADD COLUMN d int;", schema: "CREATE TABLE public.t (c int);").contains("unknown-object"))
        #expect(Self.rules("ALTER TABLE t ADD COLUMN c int;", schema: "CREATE TABLE public.t (c int);").contains("already-exists"))
        #expect(Self.rules("ALTER TABLE t DROP COLUMN x;", schema: "CREATE TABLE public.t (c int);").contains("unknown-object"))
    }

    @Test func constraintIndexesAndSequencesAreKnown() {
        let schema = "CREATE SEQUENCE public.t_id_seq;\nCREATE TABLE public.t (id int);\nALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);"
        #expect(!Self.rules("ALTER INDEX t_pkey RENAME TO t_pk;\nALTER SEQUENCE t_id_seq RENAME TO t_seq;", schema: schema).contains("unknown-object"))
        #expect(Self.rules("ALTER INDEX t_key RENAME TO t_k;", schema: schema).contains("unknown-object"))
    }

    /// Each patch of a series is checked against the schema as the earlier patches left it.
    @Test func laterPatchesSeeEarlierOnes() throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data("CREATE TABLE public.invoice (id int);\n".utf8).write(to: directory.appendingPathComponent("schema.sql"))
        try Data("SET lock_timeout = '1s';\nALTER TABLE invoice RENAME TO bill;\n".utf8).write(to: directory.appendingPathComponent("001.sql"))
        try Data("SET lock_timeout = '1s';\nALTER TABLE bill ADD COLUMN paid boolean;\n".utf8).write(to: directory.appendingPathComponent("002.sql"))
        let series = try TestSupport.run(["check", "--schema", "schema.sql", "001.sql", "002.sql"], directory: directory)
        #expect(!series.stdout.contains("unknown-object"))
        // Checked alone, 002.sql still sees 001.sql: the earlier patches of its series are replayed.
        let alone = try TestSupport.run(["check", "--schema", "schema.sql", "002.sql"], directory: directory)
        #expect(!alone.stdout.contains("unknown-object"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("001.sql"))
        let withoutFirst = try TestSupport.run(["check", "--schema", "schema.sql", "002.sql"], directory: directory)
        #expect(withoutFirst.stdout.contains("002.sql:2:1: error[unknown-object]"))
        #expect(withoutFirst.status == 1)
    }
}
