/// Which of Launchpad's two ways a patch is applied: live, by hand, outside any transaction
/// (hot), or by full-update.py in the fast downtime, all patches in one transaction (cold).
public enum LaunchpadClass: String, Sendable, CaseIterable {
    case hot, cold
}
