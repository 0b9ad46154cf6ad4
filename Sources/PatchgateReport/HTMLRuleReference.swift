import PatchgateRules

extension HTMLText {
    /// The rule's name linked to its published page, or followed by the command that prints it.
    static func ruleReference(_ rule: String, docs: RuleDocs) -> String {
        guard let url = docs.url(for: rule) else {
            return "<strong class=\"rule\">\(line(rule))</strong> (<code>\(line(docs.reference(for: rule)))</code>)"
        }
        return "<a class=\"rule\" href=\"\(escape(urlTarget(url)))\">\(line(rule))</a>"
    }

    /// An http(s) URL keeps its scheme's colon; everything else is percent-encoded as a path,
    /// so that no configured value can become a `javascript:` link.
    static func urlTarget(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) {
            return scheme + MarkdownText.linkTarget(String(url.dropFirst(scheme.count)))
        }
        return MarkdownText.linkTarget(url)
    }
}
