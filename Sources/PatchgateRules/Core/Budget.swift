import Foundation

/// How long a downtime may last: each patch on its own, and the whole window (every patch of the
/// run that needs downtime, applied together).
public struct Budget: Hashable, Sendable {
    public var patchSeconds: Double
    public var windowSeconds: Double

    public init(patchSeconds: Double = 300, windowSeconds: Double = 300) {
        self.patchSeconds = patchSeconds
        self.windowSeconds = windowSeconds
    }

    /// The longest budget taken, 10,000 hours: longer means no limit, and a number past what a
    /// Double holds exactly (or past Int when a report rounds it) must be refused, not trapped on.
    public static let maximumSeconds: Double = 36_000_000
    public static let maximumText = "10000h"

    /// `5m`, `90s`, `1.5h`, `500ms` or a bare number of seconds, up to `maximumSeconds`.
    public static func seconds(_ text: String) -> Double? {
        unboundedSeconds(text).flatMap { $0 <= maximumSeconds ? $0 : nil }
    }

    /// A well-formed duration longer than `maximumSeconds`.
    public static func isTooLong(_ text: String) -> Bool {
        unboundedSeconds(text).map { $0 > maximumSeconds } ?? false
    }

    private static func unboundedSeconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number >= 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let factors: [String: Double] = ["": 1, "s": 1, "ms": 0.001, "m": 60, "min": 60, "h": 3600]
        return factors[unit].map { number * $0 }
    }
}
