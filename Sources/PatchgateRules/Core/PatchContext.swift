import PatchgateEffects
import PatchgateSource
import PatchgateSyntax

/// One file as the rules see it. A class: every rule of a phase is handed it, and a struct of
/// this many references cost a retain and a release of each per rule.
public final class PatchContext: Sendable {
    public let source: SourceFile
    public let parsed: ParsedPatch
    public let statements: [AnalyzedStatement]
    public let estimate: PatchEstimate
    /// The file's downtime against its budget.
    public let clock: FileClock
    public let options: CheckOptions
    /// Findings of the earlier rule phases, for the rules that only report what those did not.
    public let earlierFindings: [Finding]
    /// How Launchpad applies the patch; set with `--profile launchpad` only.
    public let launchpad: LaunchpadPatch?
    /// How the runner applies the file: decided once, before the analysis.
    public let application: FileApplication
    /// Where each statement ran, as PostgreSQL moves the transaction state for that application.
    public let timeline: TransactionTimeline
    /// The statements an earlier finding rejected: rules ask once per statement, and a search
    /// of the findings each time was quadratic in a big file.
    private let rejectedStatements: Set<Int>

    public init(source: SourceFile, parsed: ParsedPatch, statements: [AnalyzedStatement], estimate: PatchEstimate,
                clock: FileClock, options: CheckOptions, earlierFindings: [Finding], launchpad: LaunchpadPatch? = nil,
                application: FileApplication, timeline: TransactionTimeline) {
        self.source = source
        self.parsed = parsed
        self.statements = statements
        self.estimate = estimate
        self.clock = clock
        self.options = options
        self.earlierFindings = earlierFindings
        self.launchpad = launchpad
        self.application = application
        self.timeline = timeline
        rejectedStatements = Set(earlierFindings.lazy.filter { $0.verdict >= .rejected }.compactMap(\.statementIndex))
    }

    /// A finding of `rule` over a statement's whole span.
    public func finding<R: Rule>(_ rule: R.Type, _ statement: AnalyzedStatement, _ message: String, help: String) -> Finding {
        finding(rule, span: statement.parsed.span, statementIndex: statement.parsed.index, message, help: help)
    }

    public func finding<R: Rule>(_ rule: R.Type, span: Span, statementIndex: Int?, _ message: String, help: String) -> Finding {
        R.finding(span: span, lines: source.lines, statementIndex: statementIndex, message: message, help: help)
    }

    /// The estimate of one statement of this file.
    public func estimate(of statement: AnalyzedStatement) -> StatementEstimate? {
        position(ofStatement: statement.parsed.index).map { estimate.statements[$0] }
    }

    /// The statement numbered `index` (`ParsedStatement.index`), if the file applies it.
    public func statement(numbered index: Int) -> AnalyzedStatement? {
        position(ofStatement: index).map { statements[$0] }
    }

    /// Where statement `index` is in `statements`. Statements are numbered in order from 0, so
    /// the index is almost always the position; else (Launchpad leaves some out) a binary
    /// search: a scan per finding made a file of many statements quadratic.
    public func position(ofStatement index: Int) -> Int? {
        if index >= 0, index < statements.count, statements[index].parsed.index == index { return index }
        var low = 0, high = statements.count
        while low < high {
            let middle = (low + high) / 2
            if statements[middle].parsed.index < index { low = middle + 1 } else { high = middle }
        }
        return low < statements.count && statements[low].parsed.index == index ? low : nil
    }

    /// The statement with index `index` (a DO block or call that runs an embedded statement).
    public func statement(at index: Int) -> AnalyzedStatement? {
        if index < statements.count, statements[index].parsed.index == index { return statements[index] }
        return statements.first { $0.parsed.index == index }
    }

    /// True when an earlier, more specific rule already rejected this statement.
    public func isAlreadyRejected(_ statement: AnalyzedStatement) -> Bool {
        rejectedStatements.contains(statement.parsed.index)
    }
}

/// How files are applied, which decides transactions and lock budgets.
public struct CheckOptions: Sendable {
    /// Without a runner: the whole file in one transaction, or statement by statement.
    public var transactionMode: TransactionMode
    /// `--transaction` given: it replaces the runner's wrapping and delivery (its sections stay).
    public var transactionOverride: TransactionMode?
    /// The migration tool that applies the file; nil: `transactionMode` decides.
    public var runner: (any MigrationRunner)?
    /// The part of a file holding both directions that is checked.
    public var direction = ApplicationUnit.Direction.up
    /// `--include-down`: a file's down section is checked on its own, so it is not listed as skipped.
    public var checksDownSections = false
    /// A `lock_timeout` above this does not count as a guard.
    public var maxLockTimeoutMilliseconds: Int
    /// The schema before the first file (`--schema`); nil when none was given, so patchgate
    /// knows only what the patch itself creates.
    public var catalog: Catalog?
    /// The file existed at the `--changed-since` merge base and was modified since.
    public var isLandedPatch = false
    public var profile: Profile = .generic
    public var budget = Budget()
    /// Per-rule levels from the configuration file, applied as the rule phases run.
    public var ruleLevels: [String: RuleLevel] = [:]
    /// The baseline dump (`--schema launchpad-MAJOR-MINOR-N.sql`) that already contains this
    /// patch, which is then checked without the schema.
    public var containingBaseline: String?
    /// `--launchpad-require-concurrently`: a plain CREATE INDEX in a hot Launchpad patch is an
    /// error, for teams that want the SQL to say how it runs.
    public var launchpadRequiresConcurrently = false
    /// Table sizes (`--stats`); nil when none were given, so every size is unknown.
    public var statistics: TableStatistics?
    /// Count tables of unknown size as empty instead of rejecting the work on them.
    public var assumeSmall = false
    public var rates = CostRates()

    var sizes: PatchEstimator.Sizes { PatchEstimator.Sizes(statistics: statistics, assumeSmall: assumeSmall, catalog: catalog) }

    public init(transactionMode: TransactionMode = .perFile, maxLockTimeoutMilliseconds: Int = 10_000, catalog: Catalog? = nil) {
        self.transactionMode = transactionMode
        self.maxLockTimeoutMilliseconds = maxLockTimeoutMilliseconds
        self.catalog = catalog
    }
}
