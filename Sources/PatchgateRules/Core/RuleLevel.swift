/// A rule's level as a configuration file sets it: `off` drops the rule's findings, the others
/// replace their severity. The verdict a finding forces is the rule's and stays.
public enum RuleLevel: String, CaseIterable, Sendable {
    case off, info, warning, error

    /// The severity findings take at this level; nil when they are dropped.
    var severity: Severity? {
        switch self {
        case .off: nil
        case .info: .info
        case .warning: .warning
        case .error: .error
        }
    }

    /// Applies per-rule levels. A finding that makes its file invalid is never dropped, whatever
    /// the levels say: PostgreSQL would fail on that file.
    static func apply(_ levels: [String: RuleLevel], to findings: [Finding]) -> [Finding] {
        guard !levels.isEmpty else { return findings }
        return findings.compactMap { finding in
            guard let level = levels[finding.rule] else { return finding }
            guard let severity = level.severity else { return finding.verdict == .invalid ? finding : nil }
            var leveled = finding
            leveled.severity = severity
            return leveled
        }
    }
}

extension RuleRegistry {
    /// The rules no configuration may turn off: their findings mean PostgreSQL would reject the
    /// file, so it must stay invalid (the same rules a suppression cannot excuse).
    public static let alwaysOn: Set<String> = Set(all.filter { $0.verdict == .invalid }.map(\.id))
}
