import PatchgateSource

/// `-- patchgate: ignore <rule-id> … -- <reason>` before a statement, or `ignore-file` before
/// the first one: a reviewed finding that no longer counts toward the verdict.
public struct Suppression: Hashable, Sendable {
    public enum Scope: Hashable, Sendable {
        case file
        /// The statement the comment stands before (its index).
        case statement(Int)
    }

    public let rules: [String]
    /// nil when the comment gives none: such a suppression is reported and suppresses nothing.
    public let reason: String?
    public let scope: Scope
    /// The comment that holds it.
    public let span: Span
}
