import Foundation
import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// pressly/goose: one file holds `-- +goose Up` and `-- +goose Down`; goose splits a section
/// into statements (a line whose last word ends in `;`, or a `StatementBegin`/`StatementEnd`
/// block) and sends each with one Exec, inside `db.BeginTx` unless `-- +goose NO TRANSACTION`
/// is on any line (internal/sqlparser/parser.go `useTx = false`; migration_sql.go `tx.ExecContext`
/// / `db.ExecContext`; https://pressly.github.io/goose/documentation/annotations/).
public struct GooseRunner: MigrationRunner {
    public let id = "goose"
    public var keepsDownInFile: Bool { true }
    public init() {}

    public func sections(of source: SourceFile) -> FileSections? {
        GooseScript(source).sections
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let script = GooseScript(parsed.source)
        let units = parsed.units(sections: sections, direction: direction) { span in
            var unit: ApplicationUnit
            if let line = script.noTransactionLine {
                unit = ApplicationUnit(span: span, wrapping: .none, delivery: .statementByStatement,
                                       reason: "goose, statement by statement: NO TRANSACTION on line \(line)")
            } else {
                unit = ApplicationUnit(span: span, wrapping: .runnerTransaction, delivery: .statementByStatement,
                                       reason: "goose, statement by statement in one transaction (its default)")
            }
            unit.oneQueryBlocks = script.pieces.filter { $0.start >= span.start && $0.start < span.end }
            return unit
        }
        return FileApplication(runner: id, units: units, noTransactionDirective: "-- +goose NO TRANSACTION")
    }
}

/// The lines goose reads: its annotations, and where it cuts statements.
struct GooseScript {
    var sections = FileSections()
    /// Each statement goose sends with one Exec (a StatementBegin/End block is one).
    var pieces: [Span] = []
    var noTransactionLine: Int?

    init(_ source: SourceFile) {
        enum State { case start, up, down }
        var state = State.start
        var sectionStart: Int?
        var blockStart: Int?
        var pieceStart: Int?
        var pendingEnd: Int?
        func note(_ range: Range<Int>, _ message: String) -> RunnerNote {
            RunnerNote(.malformedDirective, span: Span(start: range.lowerBound, end: range.upperBound), message: message,
                       help: "goose rejects the file; see https://pressly.github.io/goose/documentation/annotations/")
        }
        for (number, range) in source.lineRanges.enumerated() {
            let line = source.lineText(range)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("--") {
                let command = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
                switch command {
                case "+goose Up":
                    if state != .start { sections.notes.append(note(range, "a second `-- +goose Up`: goose allows one")) }
                    state = .up
                    sectionStart = source.nextLineStart(after: range)
                    continue
                case "+goose Down":
                    if state != .up { sections.notes.append(note(range, "`-- +goose Down` before `-- +goose Up`: goose requires the Up annotation first")) }
                    if let pieceStart, blockStart == nil {
                        sections.notes.append(note(pieceStart..<(pendingEnd ?? range.lowerBound), "the up section's last statement does not end with `;`: goose stops with \"missing semicolon?\""))
                    }
                    if let start = sectionStart, state == .up { sections.up.append(Span(start: start, end: range.lowerBound)) }
                    state = .down
                    sectionStart = source.nextLineStart(after: range)
                    pieceStart = nil
                    continue
                case "+goose StatementBegin":
                    if state == .start { sections.notes.append(note(range, "`-- +goose StatementBegin` before `-- +goose Up`")) }
                    blockStart = source.nextLineStart(after: range)
                    continue
                case "+goose StatementEnd":
                    if let start = blockStart {
                        pieces.append(Span(start: start, end: range.lowerBound))
                    } else {
                        sections.notes.append(note(range, "`-- +goose StatementEnd` without `-- +goose StatementBegin`"))
                    }
                    blockStart = nil
                    pieceStart = nil
                    continue
                case "+goose NO TRANSACTION":
                    noTransactionLine = number + 1
                    continue
                default: break
                }
            }
            guard state != .start, blockStart == nil else { continue }
            if pieceStart == nil {
                if trimmed.isEmpty || trimmed.hasPrefix("--") { continue }
                pieceStart = range.lowerBound
            }
            pendingEnd = range.upperBound
            if Self.endsWithSemicolon(line), let start = pieceStart {
                pieces.append(Span(start: start, end: range.upperBound))
                pieceStart = nil
            }
        }
        let end = source.bytes.count
        if let start = sectionStart {
            if state == .up { sections.up.append(Span(start: start, end: end)) }
            if state == .down { sections.down.append(Span(start: start, end: end)) }
        }
        // A file of comments alone gives goose nothing to run; one with SQL and no Up fails.
        if state == .start, sections.notes.isEmpty, pieceStart != nil || !pieces.isEmpty || Self.holdsSQL(source) {
            sections.notes.append(RunnerNote(.malformedDirective, span: Span(start: 0, end: 0),
                                             message: "no `-- +goose Up` annotation: goose requires one",
                                             help: "start the migration with `-- +goose Up`"))
        }
        if let start = blockStart {
            sections.notes.append(note(start..<start, "`-- +goose StatementBegin` without `-- +goose StatementEnd`"))
        } else if let start = pieceStart, state == .up {
            sections.notes.append(note(start..<(pendingEnd ?? end), "the last statement does not end with `;`: goose stops with \"missing semicolon?\""))
        }
    }

    static func holdsSQL(_ source: SourceFile) -> Bool {
        source.lineRanges.contains { range in
            let line = source.lineText(range).trimmingCharacters(in: .whitespaces)
            return !line.isEmpty && !line.hasPrefix("--")
        }
    }

    /// goose's `endsWithSemicolon`: the last word before a `--` word ends with `;`.
    static func endsWithSemicolon(_ line: String) -> Bool {
        var previous: Substring = ""
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if word.hasPrefix("--") { break }
            previous = word
        }
        return previous.hasSuffix(";")
    }
}
