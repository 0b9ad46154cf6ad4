/// The safe form of a statement a finding is about, as SQL to apply instead: made from the
/// statement's syntax by `SafeRewrites`, never by a reporter.
public struct SafeRewrite: Hashable, Sendable {
    /// What the steps achieve, in a few words: `build the index without blocking writes`.
    public let summary: String
    /// SQL statements in order, each ending with `;`; lines starting with `--` say where a step
    /// belongs (its own file, a later patch, a batch job).
    public let sql: [String]

    public init(summary: String, sql: [String]) {
        self.summary = summary
        self.sql = sql
    }

    public var text: String { sql.joined(separator: "\n") }
}
