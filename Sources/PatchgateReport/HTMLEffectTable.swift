/// A file's effects table in HTML: the Markdown table's columns, with each statement's line and
/// SQL spanning its rows and the line number linking to the SQL listing.
enum HTMLEffectTable {
    static func render(_ rows: [EffectRow], file: Int) -> String {
        // In a box of its own that scrolls: nine columns do not fit a narrow window, and the
        // page itself must not grow wider than it.
        var html = "<div class=\"table-scroll\">\n<table class=\"effects\">\n<thead><tr><th>line</th><th>statement</th><th>table</th><th>lock mode</th>"
        html += "<th>blocks</th><th>rewrite</th><th>scan</th><th>index build</th><th>estimate</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += row.isFirst ? "<tr class=\"first\">" : "<tr>"
            if row.isFirst {
                let span = row.statementRows > 1 ? " rowspan=\"\(row.statementRows)\"" : ""
                html += "<td class=\"line\"\(span)><a href=\"#f\(file)-l\(row.line)\">\(row.line)</a></td>"
                html += "<td class=\"sql\"\(span)><code>\(HTMLText.line(row.sql))</code></td>"
            }
            html += "<td class=\"name\">\(row.relation.map { HTMLText.line($0.description) } ?? "—")</td>"
            if let mode = row.lock?.mode {
                html += "<td class=\"lock\"><span class=\"swatch\" style=\"background:\(mode.colour)\"></span>\(mode.pgLocksName)</td>"
            } else {
                html += "<td>—</td>"
            }
            let blocked = row.lock.map { $0.mode.blocksReads ? "reads" : $0.mode.blocksWrites ? "writes" : "none" } ?? "none"
            html += "<td class=\"blocks-\(blocked)\">\(row.blocks)</td>"
            html += "<td class=\"flag\">\(row.isRewritten ? "rewrite" : "—")</td><td class=\"flag\">\(row.isScanned ? "scan" : "—")</td>"
            html += "<td class=\"name\">\(HTMLText.line(row.indexBuildText))</td>"
            html += row.isFirst ? "<td class=\"seconds\"\(row.statementRows > 1 ? " rowspan=\"\(row.statementRows)\"" : "")>\(row.secondsText)</td></tr>\n" : "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }
}
