import PgQuery
import PatchgateSource

/// Source text → located, typed statements. psql-only parts are blanked first (same byte
/// length), so every offset the parser reports is an offset in the file.
public enum PatchParser {
    /// `routines`: the PL/pgSQL bodies of functions the schema already has, by name, so that a
    /// call of one is analysed as the statements it runs.
    public static func parse(_ source: SourceFile, routines: [String: ProceduralBody] = [:]) -> ParsedPatch {
        let input = PsqlPreprocessor.prepare(source.bytes)
        var reader = StatementCollector(bytes: input.bytes, routines: routines)
        reader.collect()
        let comments = reader.tokens.comments
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
    private(set) var tokens: TokenIndex
    private(set) var statements: [ParsedStatement] = []
    private(set) var problems: [SyntaxProblem] = []
    private var collectsStringConstants = false
    private var expander: RoutineExpander

    init(bytes: [UInt8], routines: [String: ProceduralBody] = [:]) {
        self.bytes = bytes
        tokens = TokenIndex(lexed: [])
        expander = RoutineExpander(routines: routines)
    }

    mutating func collect() {
        let lexed = SQLLexer.tokens(in: bytes)
        let longStatements = lexed.map { Self.longStatements($0, in: bytes) } ?? []
        tokens = lexed.map(TokenIndex.init(lexed:)) ?? TokenIndex(scanning: bytes)
        // A big file is parsed in windows of the scanner's statements: PostgreSQL's tree and
        // libpg_query's JSON of a whole 16 MiB file take tens of times its size at once.
        if bytes.count > Self.windowBytes, let ranges = try? LibPgQuery.split(bytes) {
            statements.reserveCapacity(ranges.count)  // not grown by doubling: a statement is a few hundred bytes
            collect(pieces: Self.pieces(ranges, count: bytes.count), failure: nil, longStatements: longStatements)
            return
        }
        do {
            let tree = try LibPgQuery.parseStatements(bytes, mayBeDeep: !longStatements.isEmpty)
            for raw in tree { append(raw, base: 0, limit: bytes.count) }
        } catch {
            collectPiecewise(wholeFileError: error, longStatements: longStatements)
        }
    }

    /// The most text one libpg_query call parses once a file is split: its JSON stays under
    /// `RawStatement.wholeIndexLimit`, so each window is indexed in one pass.
    static let windowBytes = 256 << 10

    /// A statement of this many tokens may nest deeper than the readers follow; only text that
    /// holds one has the depth of its tree counted (a pass over all of its JSON). The threshold
    /// decides speed only: shorter statements cannot nest that deep.
    static let longStatementTokens = 2_000

    /// The byte ranges of statements (runs of tokens between semicolons) at least that long.
    static func longStatements(_ tokens: [LexedToken], in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var count = 0, start = 0
        for token in tokens where token.kind == .code {
            if token.end - token.start == 1, bytes[token.start] == UInt8(ascii: ";") {
                if count >= longStatementTokens { ranges.append(start..<token.start) }
                count = 0
                continue
            }
            if count == 0 { start = token.start }
            count += 1
        }
        if count >= longStatementTokens { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// The statements of a file PostgreSQL rejects: the text before the failing statement is
    /// parsed as one piece, the failing statement on its own (for its error), then the text
    /// after it again, in windows of the scanner's statements that double while they parse. A
    /// window costs what it holds (re-parsing all the rest after each error made a file of many
    /// errors quadratic). An error in a window's last statement may come from the cut (a
    /// function body's semicolons split it), so that window is widened first. Where an error
    /// cannot be placed in one of the scanner's statements, every remaining one is parsed alone.
    private mutating func collectPiecewise(wholeFileError: PgQueryError, longStatements: [Range<Int>]) {
        guard let ranges = try? LibPgQuery.split(bytes) else {
            record(wholeFileError, base: 0, range: 0..<bytes.count)
            return
        }
        collect(pieces: Self.pieces(ranges, count: bytes.count), failure: wholeFileError, longStatements: longStatements)
    }

    /// The scanner's statements as byte ranges of the file.
    private static func pieces(_ ranges: [StatementRange], count: Int) -> [Range<Int>] {
        ranges.map { $0.offset..<min($0.length == 0 ? count : $0.offset + $0.length, count) }
    }

    /// The statements of `pieces`, in windows that double while they parse, each at most
    /// `windowBytes` of text unless it was widened past a statement its end cut. `failure`:
    /// the text of all pieces was parsed as one and failed so.
    private mutating func collect(pieces: [Range<Int>], failure wholeFailure: PgQueryError?, longStatements: [Range<Int>]) {
        let textStart = { (piece: Int) in piece == 0 ? 0 : pieces[piece].lowerBound }
        let textEnd = { [bytes] (end: Int) in end == pieces.count ? bytes.count : pieces[end].lowerBound }
        // The text of pieces `next..<end` failed to parse as one, with `failure`.
        var next = 0, end = pieces.count, window = Self.firstWindow
        var failure = wholeFailure, firstFailure = wholeFailure.map { ($0, 0) }
        var isWidening = false
        while next < pieces.count {
            if let error = failure {
                let base = textStart(next)
                // A statement's piece ends before its semicolon: an error there is still its own.
                guard case .syntax(_, let offset?) = error, base + offset >= pieces[next].lowerBound,
                      let failing = pieces[next..<end].lastIndex(where: { $0.lowerBound <= base + offset }) else {
                    for piece in pieces[next...] { collect(piece, longStatements: longStatements) }
                    break
                }
                if failing == end - 1, end < pieces.count {
                    window = 2 * (end - next)
                    isWidening = true
                } else {
                    if failing > next, !collect(base..<pieces[failing].lowerBound, longStatements: longStatements, recordsFailure: false) {
                        for piece in pieces[next..<failing] { collect(piece, longStatements: longStatements) }
                    }
                    collect(pieces[failing], longStatements: longStatements)
                    next = failing + 1
                    window = Self.firstWindow  // so that no error costs more than the text since the last
                }
                failure = nil
            }
            while next < pieces.count {
                end = min(pieces.count, next + window)
                // A widened window keeps its size: capping it again would cut the same statement.
                while !isWidening, end > next + 1, textEnd(end) - textStart(next) > Self.windowBytes { end = (next + end) / 2 }
                isWidening = false
                do {
                    try parse(textStart(next)..<textEnd(end), longStatements: longStatements)
                    next = end
                    window = min(2 * window, pieces.count)
                } catch {
                    failure = error
                    if firstFailure == nil { firstFailure = (error, textStart(next)) }
                    break
                }
            }
        }
        if problems.isEmpty, let (error, base) = firstFailure { record(error, base: base, range: base..<bytes.count) }
    }

    /// How many of the scanner's statements the first window after an error holds.
    static let firstWindow = 16

    /// Parses one range of the file, keeping its statements or recording its error; false when
    /// it did not parse.
    @discardableResult
    private mutating func collect(_ range: Range<Int>, longStatements: [Range<Int>], recordsFailure: Bool = true) -> Bool {
        do {
            try parse(range, longStatements: longStatements)
            return true
        } catch {
            if recordsFailure { record(error, base: range.lowerBound, range: range) }
            return false
        }
    }

    private mutating func parse(_ range: Range<Int>, longStatements: [Range<Int>]) throws(PgQueryError) {
        let mayBeDeep = longStatements.contains { $0.overlaps(range) }
        let tree = try LibPgQuery.parseStatements(Array(bytes[range]), mayBeDeep: mayBeDeep)
        for raw in tree { append(raw, base: range.lowerBound, limit: range.upperBound) }
    }

    private mutating func append(_ raw: RawStatement, base: Int, limit: Int) {
        let start = base + raw.location
        let end = raw.length == 0 ? limit : min(start + raw.length, limit)
        guard let span = tokens.statementSpan(in: start..<end, bytes: bytes) else { return }
        // Every tree is read: an untyped statement still names the relations its facts lock.
        let (syntax, constants, bodyLiteral) = raw.readTree { tree in
            (StatementReader.statement(tree), collectsStringConstants ? StringConstantCollector.constants(in: tree) : [],
             ProceduralReader.bodyLiteral(of: tree.nodeFields[raw.nodeName == "DoStmt" ? "args" : "options"]))
        }
        if case .alterEnum(let alter) = syntax, alter.addedValue != nil { collectsStringConstants = true }
        let expansion = expander.expand(syntax, span: span, bodyLiteral: bodyLiteral.map { base + $0 }, bytes: bytes)
        let index = statements.count
        statements.append(ParsedStatement(index: index, span: span, syntax: expansion.statement, stringConstants: constants,
                                          routineRun: expansion.routineRun))
        for run in expansion.runs {
            let embedding = Embedding(runBy: index + run.embedding.runBy, routine: run.embedding.routine,
                                      condition: run.embedding.condition, isDynamic: run.embedding.isDynamic)
            statements.append(ParsedStatement(index: statements.count, span: run.span, syntax: run.syntax,
                                              embedding: embedding, routineRun: run.routineRun))
        }
        for problem in expansion.problems {
            let message = problem.hasColumn ? "PL/pgSQL body: \(problem.message)" : "PL/pgSQL body: \(problem.message) (the line only: PL/pgSQL gives no column)"
            problems.append(.syntaxError(message: message, offset: problem.offset, statement: span))
        }
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
