import Foundation
import Testing
import PatchgateEffects
import PatchgateRules
import PatchgateSyntax

/// The clock: sizes from `--stats`, the cost model, blocked time to the end of the transaction,
/// and the budget deciding between downtime and rejected.
struct EstimateTests {
    static let megabyte: Int64 = 1_048_576

    static func options(_ sizes: [String: Int64], assumeSmall: Bool = false, patchBudget: Double = 300) -> CheckOptions {
        var options = CheckOptions()
        var tables: [QualifiedName: TableStatistics.Size] = [:]
        for (name, heap) in sizes { tables[QualifiedName(schema: "public", name: name)] = TableStatistics.Size(heapBytes: heap) }
        options.statistics = TableStatistics(tables: tables)
        options.assumeSmall = assumeSmall
        options.budget = Budget(patchSeconds: patchBudget, windowSeconds: 300)
        return options
    }

    static let rewrite = "ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();\n"

    @Test func theBudgetAloneDecidesBetweenDowntimeAndRejected() {
        let small = TestSupport.check(Self.rewrite, options: Self.options(["orders": 10 * Self.megabyte]))
        let big = TestSupport.check(Self.rewrite, options: Self.options(["orders": 100_000 * Self.megabyte]))
        #expect(small.verdict == .downtime)
        #expect(!small.findings.contains { $0.rule == "over-budget" })
        #expect(big.verdict == .rejected)
        #expect(big.findings.contains { $0.rule == "over-budget" && $0.message.contains("line 1") })
        // 100,000 MB at the default 80 MB/s rewrite rate is 1,250 s, plus the overhead.
        #expect(abs(big.clock.downtimeSeconds - (1250 + CostRates().statementOverheadSeconds)) < 0.001)
    }

    @Test func aSmallerPatchBudgetRejectsWhatTheWindowAllows() {
        let sql = Self.rewrite
        let allowed = TestSupport.check(sql, options: Self.options(["orders": 800 * Self.megabyte]))
        let strict = TestSupport.check(sql, options: Self.options(["orders": 800 * Self.megabyte], patchBudget: 5))
        #expect(allowed.verdict == .downtime)
        #expect(strict.verdict == .rejected)
        #expect(strict.findings.contains { $0.rule == "over-budget" })
    }

    @Test func unknownSizeIsRejectedUnlessAssumedSmall() {
        let unknown = TestSupport.check(Self.rewrite, options: Self.options(["customer": Self.megabyte]))
        let assumed = TestSupport.check(Self.rewrite, options: Self.options([:], assumeSmall: true))
        #expect(unknown.findings.contains { $0.rule == "size-unknown" && $0.message.contains("public.orders") })
        #expect(unknown.verdict == .rejected)
        #expect(assumed.verdict == .downtime)
        #expect(!assumed.findings.contains { $0.rule == "size-unknown" })
    }

    @Test func liveWorkOnAnUnknownTableNeedsNoSize() {
        let result = TestSupport.check("-- patchgate: no-transaction\nCREATE INDEX CONCURRENTLY orders_idx ON orders (created_at);\n",
                                       options: Self.options([:]))
        #expect(!result.findings.contains { $0.rule == "size-unknown" })
        #expect(result.verdict == .hot)
    }

    /// A table stays blocked from its first blocking lock until COMMIT: the ALTER on customer
    /// costs nothing itself, but customer waits for the whole UPDATE of orders after it.
    @Test func aTableStaysBlockedUntilTheTransactionEnds() throws {
        let sql = """
            ALTER TABLE customer ADD COLUMN note text;
            UPDATE orders SET status = 'open';
            """
        let sizes = ["orders": 70 * Self.megabyte, "customer": Self.megabyte]
        let inTransaction = TestSupport.check(sql, options: Self.options(sizes))
        let customer = try #require(inTransaction.estimate.blockedTables.first { $0.relation.name == "customer" })
        let update = inTransaction.estimate.statements[1]
        #expect(update.inputs.map(\.operation) == [.wholeTableWrite])
        #expect(customer.seconds >= update.seconds)
        #expect(customer.reads && customer.writes)
        var autocommit = Self.options(sizes)
        autocommit.transactionMode = .none
        let separate = TestSupport.check(sql, options: autocommit)
        let alone = try #require(separate.estimate.blockedTables.first { $0.relation.name == "customer" })
        #expect(alone.seconds < update.seconds)
    }

    @Test func everyEstimateNamesItsInputs() throws {
        let result = TestSupport.check("CREATE INDEX orders_created_idx ON orders (created_at);\n",
                                       options: Self.options(["orders": 300 * Self.megabyte]))
        let input = try #require(result.estimate.statements.first?.inputs.first)
        #expect(input.relation == QualifiedName(schema: "public", name: "orders"))
        #expect(input.operation == .indexBuild)
        #expect(input.bytes == 300 * Self.megabyte)
        #expect(input.rateMBps == CostRates().rate(.indexBuild))
        #expect(result.estimate.statements[0].blocks.map(\.writes) == [true])
        #expect(result.estimate.statements[0].blocks.map(\.reads) == [false])
    }

    @Test func aRewriteRebuildsEveryListedIndex() {
        var options = Self.options([:])
        let orders = QualifiedName(schema: "public", name: "orders")
        options.statistics = TableStatistics(tables: [orders: TableStatistics.Size(
            heapBytes: 100 * Self.megabyte, indexBytes: 20 * Self.megabyte,
            indexes: [QualifiedName(schema: "public", name: "orders_pkey"): 10 * Self.megabyte,
                      QualifiedName(schema: "public", name: "orders_customer_idx"): 10 * Self.megabyte])])
        let result = TestSupport.check("VACUUM FULL orders;\n", options: {
            var copy = options
            copy.transactionMode = .none
            return copy
        }())
        let operations = result.estimate.statements[0].inputs.map { "\($0.operation.rawValue) \(($0.index ?? $0.relation).name)" }
        #expect(operations == ["rewrite orders", "index-build orders_customer_idx", "index-build orders_pkey"])
    }

    /// Without an index list in the stats, the schema says which indexes a rewrite rebuilds.
    @Test func theSchemaNamesTheIndexesARewriteRebuilds() {
        let sized = TableStatistics(tables: [QualifiedName(schema: "public", name: "orders"):
            TableStatistics.Size(heapBytes: 100 * Self.megabyte, indexBytes: 20 * Self.megabyte)])
        func rebuilds(schema: String?) -> [String] {
            var options = CheckOptions(catalog: schema.map { TestSupport.catalog($0) })
            options.statistics = sized
            let result = TestSupport.check(Self.rewrite, options: options)
            return result.estimate.statements[0].inputs.filter { $0.operation == .indexBuild }.map { ($0.index ?? $0.relation).name }
        }
        let schema = "CREATE TABLE public.orders (id int PRIMARY KEY, customer int);\nCREATE INDEX orders_customer_idx ON public.orders (customer);"
        #expect(rebuilds(schema: schema) == ["orders_customer_idx", "orders_pkey"])
        #expect(rebuilds(schema: nil) == ["orders"], "one build for all the indexBytes when nothing names them")
    }

    @Test func ratesAreConfigurable() {
        var options = Self.options(["orders": 100 * Self.megabyte])
        let standard = TestSupport.check(Self.rewrite, options: options)
        options.rates.megabytesPerSecond[.rewrite] = 1
        let slow = TestSupport.check(Self.rewrite, options: options)
        #expect(slow.clock.downtimeSeconds > standard.clock.downtimeSeconds + 90)
    }

    @Test func durationsReadAsAReviewerExpects() {
        #expect(DurationText.format(0.05) == "0.05 s")
        #expect(DurationText.format(4.25) == "4.3 s")
        #expect(DurationText.format(42) == "42 s")
        #expect(DurationText.format(300) == "5 min")
        #expect(DurationText.format(305) == "5 min 05 s")
        #expect(DurationText.format(5400) == "1 h 30 min")
    }
}
