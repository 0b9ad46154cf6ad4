import PatchgateEffects
import PatchgateSyntax

/// A patch as Launchpad's process applies it, decided from its statements before their effects
/// are worked out: the class picks the transaction model and how index builds run.
public struct LaunchpadPatch: Sendable {
    /// The revision the file name carries, when `upgrade.py` would pick the file up.
    public let revision: LaunchpadRevision?
    /// Each statement's entry on the manual's lists, by statement index.
    public let listings: [Int: LaunchpadListing]
    public let applyClass: LaunchpadClass
    /// The statements as the runner applies them: in a hot patch a plain CREATE INDEX becomes
    /// its CONCURRENTLY form, because the DBA runs it that way.
    public let appliedStatements: [ParsedStatement]
    /// Indexes of the statements written plain and applied with CONCURRENTLY.
    public let appliedConcurrently: Set<Int>

    public init(path: String, statements: [ParsedStatement]) {
        revision = LaunchpadRevision(fileName: path)
        var listings: [Int: LaunchpadListing] = [:]
        var created: Set<String> = []
        for statement in statements {
            listings[statement.index] = LaunchpadListing.of(statement.syntax, createdEarlier: created)
            if case .createTable(let create) = statement.syntax { created.insert(create.table.name) }
        }
        self.listings = listings
        let isCold = listings.values.contains { $0.applyClass == .cold }
        applyClass = isCold ? .cold : .hot
        var concurrently: Set<Int> = []
        appliedStatements = statements.map { statement in
            guard !isCold, case .createIndex(let index) = statement.syntax, !index.isConcurrent else { return statement }
            concurrently.insert(statement.index)
            return statement.applied(as: .createIndex(index.concurrentForm))
        }
        appliedConcurrently = concurrently
    }

    /// The first statement that makes the patch cold, with its entry.
    public var firstColdStatement: (index: Int, listing: LaunchpadListing)? {
        listings.filter { $0.value.applyClass == .cold }.min { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
