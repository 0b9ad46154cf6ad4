import Foundation

/// Durations as PostgreSQL reads time settings such as lock_timeout: a bare number is
/// milliseconds; `us`, `ms`, `s`, `min`, `h` and `d` units.
public enum SettingDuration {
    /// lock_timeout and statement_timeout are int settings in milliseconds: PostgreSQL 15
    /// refuses a value past INT_MAX ("outside the valid range for parameter"), so a larger one
    /// sets nothing.
    public static let maximumMilliseconds = Int(Int32.max)

    public static func milliseconds(_ text: String) -> Int? {
        unboundedMilliseconds(text).flatMap { $0 <= Double(maximumMilliseconds) ? Int($0) : nil }
    }

    /// A well-formed duration past `maximumMilliseconds`.
    public static func isTooLong(_ text: String) -> Bool {
        unboundedMilliseconds(text).map { $0 > Double(maximumMilliseconds) } ?? false
    }

    private static func unboundedMilliseconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let factors: [String: Double] = ["": 1, "ms": 1, "us": 0.001, "s": 1000, "min": 60_000, "h": 3_600_000, "d": 86_400_000]
        return factors[unit].map { number * $0 }
    }
}
