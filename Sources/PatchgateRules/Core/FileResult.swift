import PatchgateEffects
import PatchgateSource

/// Everything decided about one file; reporters render it and decide nothing.
public struct FileResult: Sendable {
    public let path: String
    /// nil when the bytes are not SQL text (not UTF-8, NUL bytes).
    public let source: SourceFile?
    public let statements: [AnalyzedStatement]
    /// Sorted by offset, then rule id.
    public let findings: [Finding]
    public let verdict: Verdict
    /// With `--profile launchpad`: hot or cold, as the patch's statements make it.
    public var launchpadClass: LaunchpadClass?
    /// Seconds per statement and blocked time per table; empty when the file did not parse.
    public let estimate: PatchEstimate
    public let clock: FileClock
    /// How the runner applies the file (runner, units, wrapping, delivery, why).
    public var application: FileApplication?
    /// Why parts of the file were not checked (a down section without `--include-down`).
    public var skippedSections: [String] = []
    /// Where the reports send a reader for a rule's page.
    public var ruleDocs = RuleDocs()

    public init(path: String, source: SourceFile?, statements: [AnalyzedStatement], findings: [Finding],
                estimate: PatchEstimate = PatchEstimate(statements: [], blockedTables: []), clock: FileClock = FileClock()) {
        self.path = path
        self.estimate = estimate
        self.clock = clock
        self.source = source
        self.statements = statements
        self.findings = findings.sorted { ($0.span.start, $0.rule, $0.span.end) < ($1.span.start, $1.rule, $1.span.end) }
        verdict = findings.lazy.filter { !$0.isSuppressed }.map(\.verdict).max() ?? .hot
    }

    /// The findings that make the verdict worse than hot.
    public var reasons: [Finding] { findings.filter(\.isReason) }

    /// The findings that force the verdict itself (a rejected file's rejections, not its
    /// downtime warnings): what a banner says first.
    public var decidingReasons: [Finding] { reasons.filter { $0.verdict == verdict } }

    /// Unsuppressed findings of a severity: what the summary and the exit code count.
    public func count(_ severity: Severity) -> Int { findings.count { $0.severity == severity && !$0.isSuppressed } }
}

/// The whole run: files in path order (or in the run's order: a series' replay order), and the
/// paths that could not be read at all.
public struct CheckResult: Sendable {
    public let files: [FileResult]
    public let inputErrors: [InputError]
    public var windowBudgetSeconds = Budget().windowSeconds
    /// Where the rule pages are published (`--rule-docs-url`), for reports that need absolute
    /// links; nil when not given.
    public var ruleDocsBaseURL: String?
    /// Files the run did not check (down migrations, sqitch verify scripts), and why.
    public var skipped: [SkippedInput] = []

    public var ruleDocs: RuleDocs { RuleDocs(baseURL: ruleDocsBaseURL) }

    public init(files: [FileResult], inputErrors: [InputError]) {
        self.init(filesInRunOrder: files.sorted { $0.path < $1.path }, inputErrors: inputErrors)
    }

    /// Files kept in the order given: the order the run replayed them in, which a reader of a
    /// series follows.
    public init(filesInRunOrder files: [FileResult], inputErrors: [InputError]) {
        self.files = files
        self.inputErrors = inputErrors.sorted { $0.path < $1.path }
    }

    public var statementCount: Int { files.reduce(0) { $0 + $1.statements.count } }

    /// The files in the order a reviewer reads them: those that need rework first (rejected,
    /// then invalid), then those that need the window, then hot ones; the run's order within
    /// each verdict.
    public var filesForReview: [FileResult] {
        [Verdict.rejected, .invalid, .downtime, .hot].flatMap { verdict in files.filter { $0.verdict == verdict } }
    }
    public func count(_ severity: Severity) -> Int { files.reduce(0) { $0 + $1.count(severity) } }
}

/// The counts a run's summary line and JSON summary show.
public struct RunSummary: Sendable {
    public var files = 0
    public var statements = 0
    public var findingsBySeverity: [Severity: Int] = [:]
    public var filesByVerdict: [Verdict: Int] = [:]
    /// The downtime of every file whose verdict is downtime: they share one window.
    public var downtimeSeconds = 0.0
    /// Files whose verdict is downtime although their downtime is unknown (a rule level turned
    /// `size-unknown` off): the window's length is then unknown, `downtimeSeconds` its known part.
    public var filesOfUnknownDowntime = 0
    public var windowBudgetSeconds = Budget().windowSeconds
    /// Files and sections not checked, and why; every format counts them.
    public var skipped: [SkippedInput] = []

    public init() {}

    public var isOverWindowBudget: Bool { downtimeSeconds > windowBudgetSeconds }
    public var isWindowKnown: Bool { filesOfUnknownDowntime == 0 }

    public mutating func add(_ file: FileResult) {
        files += 1
        statements += file.statements.count
        for finding in file.findings where !finding.isSuppressed { findingsBySeverity[finding.severity, default: 0] += 1 }
        filesByVerdict[file.verdict, default: 0] += 1
        skipped += file.skippedSections.map { SkippedInput(path: file.path, reason: $0) }
        if file.verdict == .downtime {
            downtimeSeconds = EstimateCeiling.sum(downtimeSeconds, file.clock.downtimeSeconds)
            if !file.clock.isDowntimeKnown { filesOfUnknownDowntime += 1 }
        }
    }

    public mutating func merge(_ other: RunSummary) {
        files += other.files
        statements += other.statements
        findingsBySeverity.merge(other.findingsBySeverity, uniquingKeysWith: +)
        filesByVerdict.merge(other.filesByVerdict, uniquingKeysWith: +)
        skipped += other.skipped
        downtimeSeconds = EstimateCeiling.sum(downtimeSeconds, other.downtimeSeconds)
        filesOfUnknownDowntime += other.filesOfUnknownDowntime
    }

    public func count(_ severity: Severity) -> Int { findingsBySeverity[severity] ?? 0 }
    public func count(_ verdict: Verdict) -> Int { filesByVerdict[verdict] ?? 0 }
}

extension CheckResult {
    public var summary: RunSummary {
        var summary = RunSummary()
        summary.windowBudgetSeconds = windowBudgetSeconds
        files.forEach { summary.add($0) }
        summary.skipped = SkippedInput.sorted(summary.skipped + skipped)
        return summary
    }
}
