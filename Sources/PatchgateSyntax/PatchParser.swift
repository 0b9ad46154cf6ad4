import PgQuery
import PatchgateSource

/// Source text → located, typed statements. psql-only parts are blanked first (same byte
/// length), so every offset the parser reports is an offset in the file.
public enum PatchParser {
    public static func parse(_ source: SourceFile) -> ParsedPatch {
        let input = PsqlPreprocessor.prepare(source.bytes)
        let tokens = TokenIndex(scanning: input.bytes)
        var reader = StatementCollector(bytes: input.bytes, tokens: tokens)
        reader.collect()
        let comments = tokens.comments
        let directives = DirectiveReader.read(comments: comments, statements: reader.statements, source: source)
        return ParsedPatch(
            source: source, statements: reader.statements, comments: comments,
            directives: input.directives, problems: reader.problems,
            suppressions: directives.suppressions, requestsNoTransaction: directives.requestsNoTransaction
        )
    }
}

/// Parses the whole text at once; when PostgreSQL rejects it (or the tree is too deep), parses
/// each statement the scanner splits out on its own, so one bad statement is located and the
/// others are still checked.
struct StatementCollector {
    let bytes: [UInt8]
    let tokens: TokenIndex
    private(set) var statements: [ParsedStatement] = []
    private(set) var problems: [SyntaxProblem] = []
    private var collectsStringConstants = false

    init(bytes: [UInt8], tokens: TokenIndex) {
        self.bytes = bytes
        self.tokens = tokens
    }

    mutating func collect() {
        do {
            let tree = try LibPgQuery.parse(bytes)
            for raw in tree.stmts { append(raw, base: 0, limit: bytes.count) }
        } catch {
            collectPiecewise(wholeFileError: error)
        }
    }

    private mutating func collectPiecewise(wholeFileError: PgQueryError) {
        guard let ranges = try? LibPgQuery.split(bytes) else {
            record(wholeFileError, base: 0, range: 0..<bytes.count)
            return
        }
        for range in ranges {
            let end = range.length == 0 ? bytes.count : range.offset + range.length
            let pieceRange = range.offset..<min(end, bytes.count)
            do {
                let tree = try LibPgQuery.parse(Array(bytes[pieceRange]))
                for raw in tree.stmts { append(raw, base: pieceRange.lowerBound, limit: pieceRange.upperBound) }
            } catch {
                record(error, base: pieceRange.lowerBound, range: pieceRange)
            }
        }
        if problems.isEmpty { record(wholeFileError, base: 0, range: 0..<bytes.count) }
    }

    private mutating func append(_ raw: PgQuery_RawStmt, base: Int, limit: Int) {
        let start = base + Int(raw.stmtLocation)
        let end = raw.stmtLen == 0 ? limit : min(start + Int(raw.stmtLen), limit)
        guard let span = tokens.statementSpan(in: start..<end, bytes: bytes) else { return }
        let syntax = StatementReader.statement(raw.stmt)
        let constants = collectsStringConstants ? StringConstantCollector.constants(in: raw.stmt) : []
        if case .alterEnum(let alter) = syntax, alter.addedValue != nil { collectsStringConstants = true }
        statements.append(ParsedStatement(index: statements.count, span: span, syntax: syntax, stringConstants: constants))
    }

    private mutating func record(_ error: PgQueryError, base: Int, range: Range<Int>) {
        let statement = tokens.statementSpan(in: range, bytes: bytes)
        switch error {
        case .syntax(let message, let offset):
            let at = offset.map { base + $0 } ?? statement?.start ?? range.lowerBound
            problems.append(.syntaxError(message: message, offset: at, statement: statement))
        case .tooDeep(let limit):
            problems.append(.tooDeep(statement: statement ?? Span(start: range.lowerBound, end: range.upperBound), limit: limit))
        case .nulByte(let offset):
            problems.append(.syntaxError(message: "NUL byte in SQL text", offset: base + offset, statement: statement))
        }
    }
}
