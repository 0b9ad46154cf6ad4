import PatchgateEffects
import PatchgateRules

/// What the banner over each file says in the review formats (Markdown, HTML): the verdict as
/// decided, what it means (the README's words), and facts read off the result. An estimated
/// duration, once the model has one, is one more fact here.
struct FileBanner {
    let verdict: Verdict
    let facts: [String]

    init(_ file: FileResult) {
        verdict = file.verdict
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
        self.facts = facts
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
        case .downtime: "needs the short downtime window, but only for fast catalog changes"
        case .rejected: "rewrites or scans a live table under a blocking lock, builds an index non-concurrently, or breaks running code: rework it"
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
