import PatchgateRules

/// The `tool.driver.rules` of a SARIF run: one reporting descriptor per rule that has a result,
/// sorted by id (listing every rule would tie every log to every rule page). SARIF's `helpUri`
/// must be an absolute URI and the rule pages are files of the repository, so the page itself
/// goes into `help` (text and Markdown) and its path into the descriptor's properties; `helpUri`
/// is written when the run says where the pages are published (`--rule-docs-url`).
struct SARIFRules {
    let ids: [String]
    var docsBaseURL: String?

    func write(into json: inout JSONWriter) {
        let descriptors = RuleRegistry.all
        json.array(ids) { json, id in
            json.object { json in
                Self.descriptorFields(id: id, descriptor: descriptors.first { $0.id == id }, docsBaseURL: docsBaseURL, into: &json)
            }
        }
    }

    private static func descriptorFields(id: String, descriptor: RuleDescriptor?, docsBaseURL: String?, into json: inout JSONWriter) {
        json.field("id", id)
        json.field("name", upperCamelCase(id))
        if let base = docsBaseURL { json.field("helpUri", (base.hasSuffix("/") ? base : base + "/") + "\(id).md") }
        guard let descriptor else { return }
        let page = RuleRegistry.page(for: id)
        json.key("shortDescription")
        json.object { $0.field("text", descriptor.summary) }
        json.key("fullDescription")
        json.object { $0.field("text", page.flatMap(firstParagraph) ?? descriptor.summary) }
        if let page {
            json.key("help")
            json.object { json in
                json.field("text", page)
                json.field("markdown", page)
            }
        }
        json.key("defaultConfiguration")
        json.object { $0.field("level", SARIFReporter.level(descriptor.severity)) }
        json.key("properties")
        json.object { json in
            json.field("verdict", descriptor.verdict.rawValue)
            json.field("page", "rules/\(id).md")
        }
    }

    /// `require-concurrent-index-creation` → `RequireConcurrentIndexCreation`, the rule's type name.
    static func upperCamelCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The page's first paragraph of prose (after the title and the severity line): what the
    /// rule catches.
    static func firstParagraph(of page: String) -> String? {
        var paragraph: [Substring] = []
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = trimmed(line)
            if text.isEmpty {
                if !paragraph.isEmpty { break }
                continue
            }
            if paragraph.isEmpty && (text.hasPrefix("#") || text.hasPrefix("**Severity:**")) { continue }
            paragraph.append(text)
        }
        return paragraph.isEmpty ? nil : paragraph.joined(separator: " ")
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while line.first?.isWhitespace == true { line.removeFirst() }
        while line.last?.isWhitespace == true { line.removeLast() }
        return line
    }
}
