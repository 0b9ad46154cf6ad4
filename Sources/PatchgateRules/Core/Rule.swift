import PatchgateEffects
import PatchgateSource
import PatchgateSyntax

/// A rule's identity and defaults, shown by reports, `patchgate rules`, SARIF metadata and the
/// header of its page: the severity and verdict its findings are reported with.
public struct RuleDescriptor: Sendable {
    public let id: String
    public let severity: Severity
    public let verdict: Verdict
    public let summary: String
    /// The budget decides: the rule's findings on timed work are downtime warnings, and the file
    /// is rejected by `over-budget` or `size-unknown` (see `Downtime.settle`).
    public var isTimeBound = false

    /// The line under the page's title, made from the code so that page and reports agree.
    public var pageHeader: String {
        let header = "**Severity:** \(severity.rawValue) · **Verdict:** \(verdict.rawValue)"
        guard isTimeBound else { return header }
        return header + " when the work is timed: the file is then rejected if its estimated downtime is over the budget"
            + " (`over-budget`) or a table's size is unknown (`size-unknown`); work patchgate cannot time stays error · rejected"
    }
}

/// A check over a whole analysed patch. Rules read syntax and effects, never text.
public protocol Rule: Sendable {
    static var id: String { get }
    static var defaultSeverity: Severity { get }
    /// The verdict a finding of this rule forces on its file.
    static var verdict: Verdict { get }
    static var summary: String { get }
    /// True when the rule reports slow work whose cost depends on the table's size: the budget,
    /// not the rule, then decides whether the file is rejected.
    static var isTimeBound: Bool { get }
    init()
    func findings(in patch: PatchContext) -> [Finding]
    /// The rule as a statement rule, or nil: a requirement rather than an `as?` cast, which
    /// searched the binary's conformance tables for every rule type at start-up.
    var asStatementRule: (any StatementRule)? { get }
}

extension Rule {
    public static var isTimeBound: Bool { false }

    /// A time-bound rule's findings reach the reports as `Downtime.settle` makes them.
    public static var descriptor: RuleDescriptor {
        isTimeBound
            ? RuleDescriptor(id: id, severity: .warning, verdict: .downtime, summary: summary, isTimeBound: true)
            : RuleDescriptor(id: id, severity: defaultSeverity, verdict: verdict, summary: summary)
    }

    /// A finding of this rule over `span`, located with the file's line index: the one place a
    /// finding takes its rule's severity and verdict.
    static func finding(span: Span, lines: LineIndex, statementIndex: Int?, message: String, help: String) -> Finding {
        Finding(rule: id, severity: defaultSeverity, verdict: verdict, message: message, help: help, span: span,
                start: lines.position(of: span.start), end: lines.position(of: span.end), statementIndex: statementIndex)
    }
}

/// A rule that looks at one statement at a time.
public protocol StatementRule: Rule {
    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding]
}

extension Rule {
    public var asStatementRule: (any StatementRule)? { nil }
}

extension StatementRule {
    public var asStatementRule: (any StatementRule)? { self }

    public func findings(in patch: PatchContext) -> [Finding] {
        patch.statements.flatMap { check($0, in: patch) }
    }
}
