/// How loudly a finding is reported; the verdict a rule forces is separate.
public enum Severity: String, Comparable, CaseIterable, Sendable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Whether a file can be applied live, needs the downtime window, must be reworked, or cannot
/// run at all. Ordered from best to worst.
public enum Verdict: String, Comparable, CaseIterable, Sendable {
    case hot, downtime, rejected, invalid

    private var rank: Int {
        switch self {
        case .hot: 0
        case .downtime: 1
        case .rejected: 2
        case .invalid: 3
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}
