/// A file or section of one that the run did not check, and why: listed in JSON and counted in
/// every format, so that nothing is skipped silently.
public struct SkippedInput: Equatable, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// In path order, then reason: the same bytes whatever order the workers finished in.
    public static func sorted(_ items: [SkippedInput]) -> [SkippedInput] {
        items.sorted { ($0.path.utf8.lexicographicallyPrecedes($1.path.utf8)) || ($0.path == $1.path && $0.reason < $1.reason) }
    }
}
