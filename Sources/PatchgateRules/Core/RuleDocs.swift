/// Where a reader finds a rule's page. `rules/<id>.md` exists only in patchgate's own
/// repository, so reports link the published pages when the run says where they are
/// (`ruleDocsUrl`, `--rule-docs-url`) and otherwise name the command that prints the page.
public struct RuleDocs: Hashable, Sendable {
    public var baseURL: String?

    public init(baseURL: String? = nil) {
        self.baseURL = baseURL
    }

    public func url(for rule: String) -> String? {
        baseURL.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + rule + ".md" }
    }

    /// The link when there is one, else `patchgate explain <id>`.
    public func reference(for rule: String) -> String {
        url(for: rule) ?? "patchgate explain \(rule)"
    }
}
