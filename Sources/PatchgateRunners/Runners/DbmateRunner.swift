import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// dbmate: `-- migrate:up` and `-- migrate:down` blocks in one file; each block is sent with one
/// Exec (lib/pq, no arguments: one simple query), inside `sqlDB.Begin()` unless its directive
/// line says `transaction:false` (pkg/dbmate/migration.go `upRegExp`, `Transaction()` returns
/// `m["transaction"] != "false"`; pkg/dbmate/db.go `tx.Exec(migrationSection.Up)`;
/// https://github.com/amacneil/dbmate#options).
public struct DbmateRunner: MigrationRunner {
    public let id = "dbmate"
    public var keepsDownInFile: Bool { true }
    public init() {}

    public func sections(of source: SourceFile) -> FileSections? {
        DbmateScript(source).sections
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let script = DbmateScript(parsed.source)
        let units = parsed.units(sections: sections, direction: direction) { span in
            let directive = direction == .up ? script.up : script.down
            if let directive, directive.transaction == "false" {
                return ApplicationUnit(span: span, wrapping: .none, delivery: .oneQuery,
                                       reason: "dbmate, the block as one query: transaction:false on line \(directive.line)")
            }
            return ApplicationUnit(span: span, wrapping: .runnerTransaction, delivery: .oneQuery,
                                   reason: "dbmate, the block as one query in one transaction (its default)")
        }
        return FileApplication(runner: id, units: units, noTransactionDirective: "-- migrate:up transaction:false")
    }
}

/// Where dbmate's blocks start, and their options.
struct DbmateScript {
    struct Directive {
        let line: Int
        let transaction: String?
    }

    var sections = FileSections()
    var up: Directive?
    var down: Directive?

    init(_ source: SourceFile) {
        var upLine: Range<Int>?, downLine: Range<Int>?
        for (number, range) in source.lineRanges.enumerated() {
            let line = source.lineText(range)
            guard line.hasPrefix("--") else { continue }
            let words = line.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first else { continue }
            let options = Dictionary(words.dropFirst().compactMap { word -> (String, String)? in
                let pair = word.split(separator: ":", omittingEmptySubsequences: false)
                return pair.count == 2 ? (String(pair[0]), String(pair[1])) : nil
            }, uniquingKeysWith: { _, last in last })
            if first == "migrate:up", upLine == nil {
                upLine = range
                up = Directive(line: number + 1, transaction: options["transaction"])
                check(options["transaction"], at: range)
            } else if first == "migrate:down", downLine == nil {
                downLine = range
                down = Directive(line: number + 1, transaction: options["transaction"])
                check(options["transaction"], at: range)
            }
        }
        let end = source.bytes.count
        guard let upLine else {
            sections.notes.append(Self.error(Span(start: 0, end: 0), "no `-- migrate:up` block: dbmate requires one"))
            return
        }
        guard let downLine else {
            sections.notes.append(Self.error(Span(start: 0, end: 0), "no `-- migrate:down` block: dbmate requires one (it may be empty)"))
            sections.up = [Span(start: source.nextLineStart(after: upLine), end: end)]
            return
        }
        if downLine.lowerBound < upLine.lowerBound {
            sections.notes.append(Self.error(Span(start: downLine.lowerBound, end: downLine.upperBound),
                                             "`-- migrate:down` before `-- migrate:up`: dbmate requires up first"))
            return
        }
        sections.up = [Span(start: source.nextLineStart(after: upLine), end: downLine.lowerBound)]
        sections.down = [Span(start: source.nextLineStart(after: downLine), end: end)]
    }

    private mutating func check(_ transaction: String?, at range: Range<Int>) {
        guard let transaction, transaction != "false", transaction != "true" else { return }
        sections.notes.append(RunnerNote(.directiveWarning, span: Span(start: range.lowerBound, end: range.upperBound),
                                         message: "dbmate reads `transaction:\(transaction)` as true: only `false` turns the transaction off",
                                         help: "write `transaction:false` or `transaction:true`"))
    }

    static func error(_ span: Span, _ message: String) -> RunnerNote {
        RunnerNote(.malformedDirective, span: span, message: message,
                   help: "dbmate rejects the file; see https://github.com/amacneil/dbmate#creating-migrations")
    }
}
