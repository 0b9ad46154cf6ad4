import PatchgateEffects
import PatchgateRules

/// The durations a flag or the configuration file takes, each with its form and its bounds, so
/// that `--budget`, `budget:` and the others refuse the same values with the same words.
enum DurationSetting {
    /// `--budget`, `--patch-budget`, `budget:`, `patchBudget:`.
    case budget
    /// `--max-lock-timeout`, `maxLockTimeout:`.
    case lockTimeout

    /// Why `text` is refused; nil when it is a duration this setting takes.
    func problem(_ text: String) -> String? {
        switch self {
        case .budget:
            if Budget.seconds(text) != nil { return nil }
            if Budget.isTooLong(text) { return "'\(text)' is longer than \(Budget.maximumText), the longest budget patchgate takes" }
            return "'\(text)' is not a duration such as 5m, 15s or 300"
        case .lockTimeout:
            if SettingDuration.milliseconds(text) != nil { return nil }
            if SettingDuration.isTooLong(text) {
                return "'\(text)' is longer than PostgreSQL's limit for lock_timeout, \(SettingDuration.maximumMilliseconds)ms"
            }
            return "'\(text)' is not a duration such as 10s or 500ms"
        }
    }
}
