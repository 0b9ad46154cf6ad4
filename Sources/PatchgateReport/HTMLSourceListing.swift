import PatchgateRules
import PatchgateSource

/// A file's whole SQL with every finding highlighted where its span is: `<mark>` over the text
/// (the messages in its tooltip), and an anchor at each finding's start that the finding list
/// links to. Overlapping spans are cut into pieces, each marked with every finding over it.
enum HTMLSourceListing {
    static func render(_ source: SourceFile, findings: [Finding], file: Int) -> String {
        let ranges = findings.map { range(of: $0.span, in: source.bytes) }
        var cuts = Set([0, source.bytes.count])
        for range in ranges { cuts.formUnion([range.lowerBound, range.upperBound]) }
        let boundaries = cuts.sorted()
        // Findings by where they start and end, so each cut sees only its own: a scan of every
        // finding per cut made a file with many findings quadratic.
        var starting: [Int: [Int]] = [:], ending: [Int: [Int]] = [:]
        for index in ranges.indices {
            starting[ranges[index].lowerBound, default: []].append(index)
            if !ranges[index].isEmpty { ending[ranges[index].upperBound, default: []].append(index) }
        }
        var over = Set<Int>()
        // The newline after `<pre>` is dropped by HTML parsers, so one of the file's own survives.
        var code = "<pre class=\"code\">\n"
        for (start, end) in zip(boundaries, boundaries.dropFirst()) {
            for index in ending[start] ?? [] { over.remove(index) }
            let opening = starting[start] ?? []
            code += anchors(opening, ranges: ranges, findings: findings, file: file)
            for index in opening where !ranges[index].isEmpty { over.insert(index) }
            let text = HTMLText.escape(decode(source.bytes, start..<end))
            code += over.isEmpty ? text : mark(text, findings: over.sorted().map { findings[$0] })
        }
        code += anchors(starting[source.bytes.count] ?? [], ranges: ranges, findings: findings, file: file)
        code += "</pre>"
        return "<div class=\"source\">\(gutter(source, file: file))\(code)</div>\n"
    }

    /// Line numbers, each an anchor the effects table links to.
    private static func gutter(_ source: SourceFile, file: Int) -> String {
        var count = source.lines.lineCount
        // A final line break ends the last line; it does not start a line a browser would show.
        if count > 1, source.bytes.last == UInt8(ascii: "\n") { count -= 1 }
        let numbers = (1...count).map { "<a id=\"f\(file)-l\($0)\" href=\"#f\(file)-l\($0)\">\($0)</a>" }
        return "<pre class=\"gutter\" aria-hidden=\"true\">\n\(numbers.joined(separator: "\n"))</pre>"
    }

    /// Anchors for the findings that start here (`starting`, in finding order); an empty span
    /// gets a visible point marker.
    private static func anchors(_ starting: [Int], ranges: [Range<Int>], findings: [Finding], file: Int) -> String {
        var html = ""
        for index in starting {
            let finding = findings[index]
            if ranges[index].isEmpty {
                html += "<mark class=\"point \(HTMLReporter.markClass(finding))\" id=\"f\(file)-m\(index)\" title=\"\(HTMLText.escape(tooltip(finding)))\"></mark>"
            } else {
                html += "<span class=\"anchor\" id=\"f\(file)-m\(index)\"></span>"
            }
        }
        return html
    }

    private static func mark(_ text: String, findings: [Finding]) -> String {
        let strongest = findings.max { rank($0) < rank($1) } ?? findings[0]
        let title = findings.map(tooltip).joined(separator: "\n")
        return "<mark class=\"\(HTMLReporter.markClass(strongest))\" title=\"\(HTMLText.escape(title))\">\(text)</mark>"
    }

    /// A suppressed finding is the palest; otherwise the more severe one colours the text.
    private static func rank(_ finding: Finding) -> Int {
        finding.isSuppressed ? -1 : Severity.allCases.firstIndex(of: finding.severity) ?? 0
    }

    static func tooltip(_ finding: Finding) -> String {
        let prefix = finding.isSuppressed ? "suppressed " : ""
        return "\(prefix)\(finding.severity.rawValue)[\(finding.rule)]: \(finding.message)"
    }

    /// The span clamped to the file and moved off UTF-8 continuation bytes, so no cut splits a
    /// character.
    private static func range(of span: Span, in bytes: [UInt8]) -> Range<Int> {
        func snapped(_ offset: Int) -> Int {
            var offset = min(max(offset, 0), bytes.count)
            while offset > 0, offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        }
        let start = snapped(span.start)
        return start..<max(start, snapped(span.end))
    }

    /// A `\r` that ends a line is dropped: HTML would turn `\r\n` into one break anyway, and a
    /// lone `\r` is shown as U+FFFD so the lines stay the ones the gutter counts.
    private static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var kept: [UInt8] = []
        kept.reserveCapacity(range.count)
        for offset in range where !(bytes[offset] == 0x0D && offset + 1 < bytes.count && bytes[offset + 1] == 0x0A) {
            kept.append(bytes[offset])
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
