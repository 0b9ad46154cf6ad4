import PatchgateEffects
import PatchgateSyntax

/// A file's time as the reports show it: the downtime against its budget, known or not, and
/// the live work, which the application does not wait for and which is never added to it.
public struct FileClock: Hashable, Sendable {
    /// The longest the application waits. When `unknownSizes` is not empty, only the part the
    /// known sizes give: the downtime itself is unknown.
    public let downtimeSeconds: Double
    public let budgetSeconds: Double
    /// Tables whose size the downtime depends on and the statistics lack, by name.
    public let unknownSizes: [QualifiedName]
    /// Data work done while no table is blocked (CREATE INDEX CONCURRENTLY, VALIDATE).
    public let liveSeconds: Double
    /// Tables whose size the live work depends on and the statistics lack.
    public let liveUnknownSizes: [QualifiedName]

    public init(downtimeSeconds: Double = 0, budgetSeconds: Double = Budget().patchSeconds, unknownSizes: [QualifiedName] = [],
                liveSeconds: Double = 0, liveUnknownSizes: [QualifiedName] = []) {
        self.downtimeSeconds = downtimeSeconds
        self.budgetSeconds = budgetSeconds
        self.unknownSizes = unknownSizes
        self.liveSeconds = liveSeconds
        self.liveUnknownSizes = liveUnknownSizes
    }

    init(estimate: PatchEstimate, options: CheckOptions) {
        let isLiveSeparate = Downtime.isLiveWorkSeparate(estimate, profile: options.profile)
        self.init(downtimeSeconds: Downtime.seconds(of: estimate, profile: options.profile), budgetSeconds: options.budget.patchSeconds,
                  unknownSizes: Downtime.unknownSizes(of: estimate, profile: options.profile),
                  liveSeconds: isLiveSeparate ? estimate.liveSeconds : 0,
                  liveUnknownSizes: isLiveSeparate ? estimate.liveUnknownSizes : [])
    }

    /// False when a size the downtime depends on is missing.
    public var isDowntimeKnown: Bool { unknownSizes.isEmpty }
    /// True when even the known part of the downtime exceeds the budget.
    public var isOverBudget: Bool { downtimeSeconds > budgetSeconds }
    /// Only a known downtime can be within the budget.
    public var isWithinBudget: Bool { isDowntimeKnown && !isOverBudget }
    public var hasDowntime: Bool { downtimeSeconds > 0 || !isDowntimeKnown }
    public var hasLiveWork: Bool { liveSeconds > 0 || !liveUnknownSizes.isEmpty }
    public var isLiveWorkKnown: Bool { liveUnknownSizes.isEmpty }
}
