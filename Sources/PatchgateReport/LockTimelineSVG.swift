import PatchgateRules
import PatchgateSyntax

/// A file's lock timeline as inline SVG: statements in order along the horizontal axis, one row
/// per relation, a bar per statement that holds a lock on it, coloured by mode. Solid where the
/// statement asks for the lock, pale where it is held on from an earlier statement.
enum LockTimelineSVG {
    static let labelWidth = 210.0
    static let rowHeight = 24.0
    static let barHeight = 16.0
    static let top = 8.0

    /// The chart in a scrollable box, with a legend of the modes it uses.
    static func figure(_ timeline: LockTimeline, file: Int) -> String {
        var html = "<figure class=\"timeline\">\n<div class=\"scroll\">\n" + render(timeline, file: file) + "</div>\n"
        html += "<figcaption>\n<ul class=\"legend\">\n"
        let modes = Set(timeline.rows.flatMap { $0.segments.map(\.mode) }).sorted()
        for mode in modes {
            html += "<li><span class=\"swatch\" style=\"background:\(mode.colour)\"></span>\(mode.pgLocksName): \(mode.blockedTraffic)</li>\n"
        }
        html += "<li><span class=\"swatch taken\"></span>solid: the statement takes the lock</li>\n"
        html += "<li><span class=\"swatch held\"></span>pale: held on from an earlier statement"
        html += timeline.endsInTransaction ? ", until COMMIT at the end of the file</li>\n" : "</li>\n"
        if timeline.slots.contains(where: { !$0.isKnown }) {
            html += "<li><span class=\"swatch unknown\"></span>dashed, “?”: time unknown, a size is missing (drawn at the scale's full width)</li>\n"
        }
        if timeline.slots.contains(where: \.isLive) {
            html += "<li><span class=\"swatch live\"></span>green axis mark: live work, the application keeps running</li>\n"
        }
        if timeline.budgetEnd != nil {
            html += "<li><span class=\"swatch budget\"></span>dashed red: the \(DurationText.format(timeline.budgetSeconds)) budget runs out</li>\n"
        }
        html += "<li>\(HTMLText.line(EstimateText.clock(timeline.clock)))</li>\n"
        if timeline.clock.hasLiveWork { html += "<li>\(HTMLText.line(EstimateText.liveWork(timeline.clock)))</li>\n" }
        return html + "</ul>\n</figcaption>\n</figure>\n"
    }

    static func render(_ timeline: LockTimeline, file: Int) -> String {
        let starts = timeline.slots.reduce(into: [0.0]) { $0.append(($0.last ?? 0) + $1.width) }
        let plotWidth = starts.last ?? 0
        // Wide enough for the axis title under a short file (7.3 px a character at 12 px monospace).
        let width = labelWidth + max(plotWidth + 16, 7.3 * Double(axisTitle.count) + 8)
        let axisY = top + Double(timeline.rows.count) * rowHeight + 4
        let height = axisY + 44
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"f\(file)-timeline\" "
        svg += "width=\"\(number(width))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
        let summary = "\(FileBanner.counted(timeline.rows.count, "relation")) over \(FileBanner.counted(timeline.slots.count, "step"))"
        svg += "role=\"img\" aria-label=\"lock timeline: \(summary)\">\n"
        svg += grid(timeline, starts: starts, axisY: axisY)
        for (index, row) in timeline.rows.enumerated() {
            svg += bars(row, index: index, timeline: timeline, starts: starts)
        }
        svg += axis(timeline, starts: starts, axisY: axisY, plotWidth: plotWidth)
        svg += budgetLine(timeline, starts: starts, axisY: axisY)
        return svg + "</svg>\n"
    }

    /// Slot boundaries, and a dashed line where the closing COMMIT slot starts.
    private static func grid(_ timeline: LockTimeline, starts: [Double], axisY: Double) -> String {
        var svg = ""
        for (slot, start) in starts.enumerated() {
            let x = number(labelWidth + start)
            let isCommit = slot < timeline.slots.count && timeline.slots[slot].statement == nil
            let style = isCommit ? "stroke=\"#57606a\" stroke-dasharray=\"4 3\"" : "stroke=\"#d0d7de\""
            svg += "<line x1=\"\(x)\" y1=\"\(number(top - 4))\" x2=\"\(x)\" y2=\"\(number(axisY))\" \(style)/>\n"
        }
        return svg
    }

    private static func bars(_ row: LockTimeline.Row, index: Int, timeline: LockTimeline, starts: [Double]) -> String {
        let y = top + Double(index) * rowHeight
        let name = row.relation.description
        let label = name.count > 26 ? String(name.prefix(25)) + "…" : name
        var svg = "<g class=\"relation\"><title>\(HTMLText.line(name))</title>"
        svg += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + barHeight - 3))\" text-anchor=\"end\">\(HTMLText.line(label))</text></g>\n"
        for segment in row.segments {
            let slot = timeline.slots[segment.slot]
            let x = labelWidth + starts[segment.slot] + 1
            let barWidth = starts[segment.slot + 1] - starts[segment.slot] - 2
            let how = segment.isTaken ? "taken by" : (slot.statement == nil ? "held until" : "held during")
            let title = "\(name): \(segment.mode.pgLocksName), \(how) \(slot.statement == nil ? "COMMIT" : slot.detail)"
            let fill = segment.mode.colour
            let look = segment.isTaken ? "fill=\"\(fill)\"" : "fill=\"\(fill)\" fill-opacity=\"0.35\" stroke=\"\(fill)\""
            svg += "<rect class=\"\(segment.isTaken ? "taken" : "held")\" data-mode=\"\(segment.mode.pgLocksName)\" "
            svg += "x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(barWidth))\" height=\"\(number(barHeight))\" rx=\"2\" \(look)>"
            svg += "<title>\(HTMLText.line(title))</title></rect>\n"
            if !slot.isKnown {
                // Dashed and marked "?": the width stands for no time at all.
                svg += "<rect class=\"unknown\" x=\"\(number(x + 1))\" y=\"\(number(y + 1))\" width=\"\(number(barWidth - 2))\" height=\"\(number(barHeight - 2))\" "
                svg += "fill=\"#ffffff\" fill-opacity=\"0.45\" stroke=\"#1f2328\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>"
                svg += "<text class=\"unknown\" x=\"\(number(x + barWidth / 2))\" y=\"\(number(y + barHeight - 3))\" text-anchor=\"middle\">? size unknown</text>\n"
            }
        }
        return svg
    }

    /// A dashed red line where the budget, counted from the start of the longest block, ends.
    private static func budgetLine(_ timeline: LockTimeline, starts: [Double], axisY: Double) -> String {
        guard let end = timeline.budgetEnd else { return "" }
        let x = number(labelWidth + starts[end.slot] + end.fraction * (starts[end.slot + 1] - starts[end.slot]))
        var svg = "<line class=\"budget\" x1=\"\(x)\" y1=\"\(number(top - 6))\" x2=\"\(x)\" y2=\"\(number(axisY + 4))\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"6 3\">"
        svg += "<title>budget \(DurationText.format(timeline.budgetSeconds)) ends here</title></line>\n"
        return svg
    }

    /// Tick labels are line numbers; hovering shows the statement.
    private static func axis(_ timeline: LockTimeline, starts: [Double], axisY: Double, plotWidth: Double) -> String {
        var svg = "<line x1=\"\(number(labelWidth))\" y1=\"\(number(axisY))\" x2=\"\(number(labelWidth + plotWidth))\" y2=\"\(number(axisY))\" stroke=\"#57606a\"/>\n"
        for (index, slot) in timeline.slots.enumerated() {
            let x = number(labelWidth + (starts[index] + starts[index + 1]) / 2)
            let slotWidth = starts[index + 1] - starts[index]
            // Durations only where they fit: the wide slots are the ones worth reading.
            let duration = slot.statement == nil ? "" : slot.isKnown ? DurationText.format(slot.seconds) : "unknown"
            let label = slotWidth >= 8 * Double(duration.count + slot.label.count + 3) && !duration.isEmpty ? "\(slot.label) · \(duration)" : slot.label
            svg += "<text class=\"tick\" x=\"\(x)\" y=\"\(number(axisY + 14))\" text-anchor=\"middle\">\(HTMLText.escape(label))"
            svg += "<title>\(HTMLText.line(slot.detail))</title></text>\n"
            if slot.isLive {
                svg += "<line class=\"live\" x1=\"\(number(labelWidth + starts[index] + 1))\" y1=\"\(number(axisY))\" "
                svg += "x2=\"\(number(labelWidth + starts[index + 1] - 1))\" y2=\"\(number(axisY))\" stroke=\"#1a7f37\" stroke-width=\"4\"/>\n"
            }
        }
        svg += "<text class=\"axis-title\" x=\"\(number(labelWidth))\" y=\"\(number(axisY + 34))\">\(HTMLText.escape(axisTitle))</text>\n"
        return svg
    }

    /// The scale, said where the chart is read.
    static let axisTitle = "statements by line, drawn to a log scale of time: 0.05 s → \(number(LockTimeline.TimeScale.minimumWidth)) px, "
        + "each ×10 longer +\(number(LockTimeline.TimeScale.widthPerDecade)) px →"

    /// Coordinates with at most one decimal, the same on every platform.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}

extension LockMode {
    /// Cool colours for modes ordinary traffic passes, warm for those that block writes, red for
    /// the one that blocks reads too.
    var colour: String {
        switch self {
        case .accessShare: "#9ecae1"
        case .rowShare: "#6baed6"
        case .rowExclusive: "#3182bd"
        case .shareUpdateExclusive: "#31a354"
        case .share: "#e6b400"
        case .shareRowExclusive: "#fd8d3c"
        case .exclusive: "#e6550d"
        case .accessExclusive: "#c00000"
        }
    }

    /// What a legend says the mode blocks.
    var blockedTraffic: String {
        if blocksReads { return "blocks reads and writes" }
        return blocksWrites ? "blocks writes" : "blocks neither reads nor writes"
    }
}
