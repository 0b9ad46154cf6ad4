import Foundation

/// Durations as PostgreSQL reads time settings such as lock_timeout: a bare number is
/// milliseconds; `us`, `ms`, `s`, `min`, `h` and `d` units.
public enum SettingDuration {
    public static func milliseconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let factors: [String: Double] = ["": 1, "ms": 1, "us": 0.001, "s": 1000, "min": 60_000, "h": 3_600_000, "d": 86_400_000]
        return factors[unit].map { Int(number * $0) }
    }
}
