import PatchgateSyntax

/// One row of the facts table: what PostgreSQL 15 does for a statement or subcommand, where
/// the documentation says so, and which truth cases (`Tests/Truth/cases`) confirm it on a real
/// server. Where the server and the docs disagree, `note` says so and the server wins.
///
/// The analysis takes every lock, rewrite and scan it reports from a row (`StatementEffects`
/// accepts no bare lock mode), so a fact is changed in one place.
public struct Fact: Sendable {
    public let id: String
    public let lock: LockMode
    /// The lock is taken only once every query older than the statement has ended (the
    /// statement waits them out first), so no query ever queues behind it.
    public let isAfterOlderQueries: Bool
    public let rewritesTable: Bool
    public let scansTable: Bool
    public let documentation: String
    public let truthCases: [String]
    public let note: String?

    init(_ id: String, lock: LockMode, afterOlderQueries: Bool = false, rewrites: Bool = false, scans: Bool = false,
         doc: String, truth: [String], note: String? = nil) {
        self.id = id
        self.lock = lock
        self.isAfterOlderQueries = afterOlderQueries
        self.rewritesTable = rewrites
        self.scansTable = scans
        self.documentation = "https://www.postgresql.org/docs/15/" + doc
        self.truthCases = truth
        self.note = note
    }
}

/// Every fact, for the test that each one has a truth case.
public enum FactsTable {
    public static var all: [Fact] {
        AlterTableFacts.all + ConstraintFacts.all + IndexFacts.all + TableFacts.all
            + MaintenanceFacts.all + DataFacts.all + CatalogFacts.all + DomainFacts.all + UntypedStatementFacts.all
    }
}
