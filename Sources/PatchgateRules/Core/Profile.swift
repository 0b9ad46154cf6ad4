/// Whose process the patches follow: which files form the series, in what order, how the
/// runner applies them, and which budgets hold.
public enum Profile: String, Sendable, CaseIterable {
    /// Plain directories and the common migration tools' layouts.
    case generic
    /// Launchpad's `database/schema/patch-MAJOR-MINOR-N.sql` and its fast-downtime rules.
    case launchpad
}
