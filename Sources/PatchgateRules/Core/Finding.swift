import PatchgateSource

/// One problem at an exact place, from one rule.
public struct Finding: Hashable, Sendable {
    public let rule: String
    /// The rule's default severity unless a configured rule level replaced it.
    public internal(set) var severity: Severity
    /// The verdict this finding forces on its file (`hot` forces nothing).
    public let verdict: Verdict
    public let message: String
    public let help: String
    public let span: Span
    public let start: SourcePosition
    public let end: SourcePosition
    /// The statement it is about, when it is about one.
    public let statementIndex: Int?
    /// Set when a `patchgate: ignore` comment suppressed it: it is still shown, but no longer
    /// counts toward the verdict or the exit code.
    public private(set) var suppressionReason: String?

    public var isSuppressed: Bool { suppressionReason != nil }
    /// The safe SQL to apply instead, for the common rewrites (`SafeRewrites`).
    public private(set) var rewrite: SafeRewrite?

    /// It makes its file's verdict worse than hot.
    public var isReason: Bool { verdict > .hot && !isSuppressed }

    /// The same finding with another severity and verdict: how slow work whose duration is
    /// known becomes a question for the budget, and how a configured rule level applies.
    public func reclassified(severity: Severity, verdict: Verdict) -> Finding {
        var copy = Finding(rule: rule, severity: severity, verdict: verdict, message: message, help: help,
                           span: span, start: start, end: end, statementIndex: statementIndex)
        copy.suppressionReason = suppressionReason
        copy.rewrite = rewrite
        return copy
    }

    func with(rewrite: SafeRewrite) -> Finding {
        var copy = self
        copy.rewrite = rewrite
        return copy
    }

    public func suppressed(because reason: String) -> Finding {
        var copy = self
        copy.suppressionReason = reason
        return copy
    }

    public init(rule: String, severity: Severity, verdict: Verdict, message: String, help: String,
                span: Span, start: SourcePosition, end: SourcePosition, statementIndex: Int?) {
        self.rule = rule
        self.severity = severity
        self.verdict = verdict
        self.message = message
        self.help = help
        self.span = span
        self.start = start
        self.end = end
        self.statementIndex = statementIndex
    }
}
