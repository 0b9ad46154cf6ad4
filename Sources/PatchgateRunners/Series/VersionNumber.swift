/// A migration version such as Flyway's `2.10.1` or golang-migrate's `000012`: parts compared as
/// numbers (so 2 comes before 10), of any length (kratos uses 20-digit versions, past Int64).
struct VersionNumber: Comparable, Sendable {
    /// Each part's digits without leading zeros.
    let parts: [Substring]

    /// nil unless `text` is digit runs separated by `.` or `_`.
    init?(_ text: Substring) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "_" })
        guard !parts.isEmpty, parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCIIDigit } }) else { return nil }
        self.parts = parts.map { $0.drop { $0 == "0" } }
    }

    /// Missing trailing parts count as 0, so `1.1` and `1.1.0` are the same version.
    static func < (lhs: Self, rhs: Self) -> Bool {
        for index in 0..<max(lhs.parts.count, rhs.parts.count) {
            let left = index < lhs.parts.count ? lhs.parts[index] : ""
            let right = index < rhs.parts.count ? rhs.parts[index] : ""
            if left.count != right.count { return left.count < right.count }
            if left != right { return left < right }
        }
        return false
    }

    static func == (lhs: Self, rhs: Self) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
