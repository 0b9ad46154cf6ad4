import PatchgateEffects
import PatchgateRules

/// What the banner over each file says in the review formats (Markdown, HTML): the verdict as
/// decided, what it means (the README's words), facts read off the result, and the estimate
/// with its inputs.
struct FileBanner {
    let verdict: Verdict
    /// What the banner says first: the reason for the verdict (the first finding that forces
    /// it, and how many more do), or the verdict's meaning when nothing forces it.
    let headline: String
    let facts: [String]
    /// The file's time in a few words, for a summary row: `downtime 1 h 28 min`, `downtime
    /// unknown`, `live work 22 min 45 s`, or `—`.
    static func timeSummary(_ file: FileResult) -> String {
        var parts: [String] = []
        let clock = file.clock
        if clock.hasDowntime, file.verdict == .downtime || file.verdict == .rejected {
            parts.append(clock.isDowntimeKnown ? "downtime \(DurationText.format(clock.downtimeSeconds))" : "downtime unknown")
        }
        if clock.hasLiveWork, file.verdict != .invalid {
            parts.append(clock.isLiveWorkKnown ? "live work \(DurationText.format(clock.liveSeconds))" : "live work unknown")
        }
        return parts.isEmpty ? "—" : parts.joined(separator: "; ")
    }

    /// One line per statement that works on data while tables are blocked.
    let estimates: [String]

    init(_ file: FileResult) {
        verdict = file.verdict
        headline = Self.headline(file)
        var facts: [String] = []
        if file.source == nil {
            facts.append("not SQL text")
        } else {
            facts.append(Self.counted(file.statements.count, "statement"))
        }
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = file.count(severity)
            return count == 0 ? nil : Self.counted(count, severity.rawValue)
        }
        facts.append(counts.isEmpty ? "no findings" : counts.joined(separator: ", "))
        let suppressed = file.findings.count(where: \.isSuppressed)
        if suppressed > 0 { facts.append("\(suppressed) suppressed") }
        if let transaction = Self.transaction(file.statements) { facts.append(transaction) }
        if file.clock.hasDowntime, file.verdict == .downtime || file.verdict == .rejected {
            facts.append(EstimateText.clock(file.clock))
        }
        if file.clock.hasLiveWork, file.verdict != .invalid { facts.append(EstimateText.liveWork(file.clock)) }
        self.facts = facts
        estimates = Self.estimateLines(file)
    }

    /// `the size of public.orders is unknown, … (size-unknown, line 1); 1 more reason below`.
    static func headline(_ file: FileResult) -> String {
        let deciding = file.decidingReasons
        guard let first = deciding.first else { return file.verdict.meaning }
        var text = "\(first.message) (\(first.rule), line \(first.start.line))"
        if deciding.count > 1 { text += "; \(counted(deciding.count - 1, "more reason")) below" }
        return text
    }

    /// One line per statement that works on data, with its inputs: while tables are blocked
    /// (downtime), or while nothing is (live work, said so).
    static func estimateLines(_ file: FileResult) -> [String] {
        guard let source = file.source else { return [] }
        return zip(file.statements, file.estimate.statements).filter(\.1.hasDataWork).map { statement, estimate in
            let line = source.position(of: statement.parsed.span.start).line
            let duration = EstimateText.duration(estimate)
            if estimate.isLiveWork {
                let live = estimate.isComplete ? "\(duration) of live work =" : "live work of unknown length:"
                return "line \(line): \(live) \(EstimateText.inputs(estimate)); blocks nothing, the application keeps running"
            }
            let blocked = estimate.blocks.isEmpty ? "while tables locked earlier in its transaction stay blocked"
                : "blocks " + estimate.blocks.map { "\($0.relation) (\($0.reads ? "reads, writes" : "writes"))" }.joined(separator: ", ")
            return "line \(line): \(duration)\(estimate.isComplete ? " =" : ":") \(EstimateText.inputs(estimate)); \(blocked)"
        }
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    /// How the runner applies the file, as the effects model saw each statement.
    private static func transaction(_ statements: [AnalyzedStatement]) -> String? {
        guard !statements.isEmpty else { return nil }
        let inside = statements.count(where: \.context.isInTransaction)
        if inside == statements.count { return "applied in one transaction: every lock is held until COMMIT" }
        if inside == 0 { return "applied statement by statement: each lock ends with its statement" }
        return "partly in a transaction block: locks taken in it are held until its COMMIT"
    }
}

extension Verdict {
    /// The README's meaning of each verdict.
    var meaning: String {
        switch self {
        case .hot: "safe to apply while the application runs"
        case .downtime: "needs the short downtime window, and its estimated downtime fits the budget"
        case .rejected: "breaks running code, or blocks tables for longer than the budget (or for an unknown time): rework it"
        case .invalid: "cannot run as it will be applied"
        }
    }

    /// A sign that reads without colour, in Markdown where there is none.
    var symbol: String {
        switch self {
        case .hot: "✅"
        case .downtime: "⏳"
        case .rejected: "❌"
        case .invalid: "⛔"
        }
    }
}
