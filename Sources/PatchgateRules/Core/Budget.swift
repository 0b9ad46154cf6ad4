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

    /// `5m`, `90s`, `1.5h`, `500ms` or a bare number of seconds.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number >= 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let factors: [String: Double] = ["": 1, "s": 1, "ms": 0.001, "m": 60, "min": 60, "h": 3600]
        return factors[unit].map { number * $0 }
    }
}
