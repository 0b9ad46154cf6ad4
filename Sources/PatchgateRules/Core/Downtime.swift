import PatchgateEffects
import PatchgateSyntax

/// How long a file keeps the application from its tables, the figure the budget is held to.
public enum Downtime {
    /// Generic: the longest any pre-existing table stays blocked. Launchpad applies cold patches
    /// with every client disconnected, so there the whole apply time counts once anything blocks.
    public static func seconds(of estimate: PatchEstimate, profile: Profile) -> Double {
        guard estimate.blockedSeconds > 0 else { return 0 }
        return profile == .launchpad ? estimate.applySeconds : estimate.blockedSeconds
    }

    /// The tables whose sizes `seconds(of:profile:)` needed and did not have: when there are
    /// any, the downtime is unknown and the seconds are only its known part.
    public static func unknownSizes(of estimate: PatchEstimate, profile: Profile) -> [QualifiedName] {
        guard estimate.blockedSeconds > 0 else { return [] }
        return profile == .launchpad ? estimate.unknownSizes : estimate.blockingUnknownSizes
    }

    /// Work the application does not wait for. Launchpad applies a patch that blocks anything
    /// with every client disconnected: then all of it is downtime and none is live.
    static func isLiveWorkSeparate(_ estimate: PatchEstimate, profile: Profile) -> Bool {
        profile != .launchpad || estimate.blockedSeconds == 0
    }

    /// Findings of time-bound rules over work whose cost is estimated become downtime
    /// warnings: `size-unknown` and `over-budget` decide whether the time is acceptable.
    static func settle(_ findings: [Finding], estimate: PatchEstimate, statements: [AnalyzedStatement]) -> [Finding] {
        var workByIndex: [Int: Bool] = [:]
        for (statement, cost) in zip(statements, estimate.statements) { workByIndex[statement.parsed.index] = cost.hasDataWork }
        return findings.map { finding in
            guard RuleRegistry.timeBoundIDs.contains(finding.rule), finding.verdict > .downtime,
                  let index = finding.statementIndex, workByIndex[index] == true else { return finding }
            return finding.reclassified(severity: .warning, verdict: .downtime)
        }
    }
}

/// Seconds as a reviewer reads them: `0.4 s`, `12 s`, `3 min 05 s`, `2 h 10 min`.
public enum DurationText {
    public static func format(_ seconds: Double) -> String {
        if seconds < 10 { return "\(rounded(seconds, places: seconds < 1 ? 2 : 1)) s" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min " + padded(whole % 60) + " s" }
        let minutes = Int((seconds / 60).rounded())
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h " + padded(minutes % 60) + " min"
    }

    private static func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func rounded(_ value: Double, places: Int) -> String {
        let factor = places == 2 ? 100.0 : 10.0
        let scaled = Int((value * factor).rounded())
        let fraction = scaled % Int(factor)
        let digits = places == 2 && fraction < 10 ? "0\(fraction)" : "\(fraction)"
        return "\(scaled / Int(factor)).\(digits)"
    }
}
