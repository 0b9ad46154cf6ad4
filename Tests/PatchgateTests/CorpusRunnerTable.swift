import Foundation

/// `corpus-runners.md` read: one row per set of corpus files.
struct CorpusRunnerTable {
    enum Detection: Equatable, Sendable {
        case none
        case runner(String)
        case ambiguous([String])
    }

    struct Row: Sendable, CustomStringConvertible {
        let series: String
        /// A path below the corpus directory: the files the row covers.
        let files: String
        /// The runner that sends the files as their tool does.
        let runner: String
        let detected: Detection

        var description: String { files }
    }

    let rows: [Row]

    static func load(_ url: URL) -> CorpusRunnerTable {
        let lines = ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| series ") && !$0.hasPrefix("| ---") }.compactMap(row)
        return CorpusRunnerTable(rows: rows)
    }

    static func row(_ line: String) -> Row? {
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count >= 4 else { return nil }
        return Row(series: cells[0], files: cells[1], runner: cells[2], detected: detection(cells[3]))
    }

    static func detection(_ cell: String) -> Detection {
        if cell == "none" { return .none }
        if cell.hasPrefix("ambiguous:") {
            return .ambiguous(cell.dropFirst("ambiguous:".count).split(separator: ",").map(String.init))
        }
        return .runner(cell)
    }
}
