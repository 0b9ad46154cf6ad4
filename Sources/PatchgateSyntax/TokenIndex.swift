import PgQuery
import PatchgateSource

/// The scanner's tokens in file order, to find where a statement's first and last real
/// tokens are (libpg_query's statement ranges include the comments before them).
struct TokenIndex {
    private let tokens: [LexedToken]
    /// False when the scanner itself failed (an unterminated quote): spans fall back to trimming
    /// white space.
    let isComplete: Bool

    /// The Swift lexer's tokens, which are the scanner's (a corpus test checks it, for text the
    /// parser accepts and text it rejects), without a second libpg_query pass.
    init(lexed: [LexedToken]) {
        self.init(tokens: lexed, isComplete: true)
    }

    /// libpg_query's own scanner, for text the Swift lexer gave up on (an unterminated quote or
    /// comment), where the scanner may fail too.
    init(scanning bytes: [UInt8]) {
        guard let scanned = try? LibPgQuery.scanTokens(bytes) else {
            self.init(tokens: [], isComplete: false)
            return
        }
        self.init(tokens: scanned.map { token in
            let kind: LexedToken.Kind = token.isLineComment ? .lineComment : token.isBlockComment ? .blockComment : .code
            return LexedToken(start: token.start, end: token.end, kind: kind)
        }, isComplete: true)
    }

    private init(tokens: [LexedToken], isComplete: Bool) {
        self.tokens = tokens
        self.isComplete = isComplete
    }

    var comments: [SourceComment] {
        tokens.compactMap { token in
            token.kind == .code ? nil : SourceComment(span: Span(start: token.start, end: token.end), isBlock: token.kind == .blockComment)
        }
    }

    /// The span of the real tokens inside `range`, or nil when it holds only comments.
    func statementSpan(in range: Range<Int>, bytes: [UInt8]) -> Span? {
        guard isComplete else { return Self.trimmed(range, bytes: bytes) }
        var index = firstIndex(startingAtOrAfter: range.lowerBound)
        while index < tokens.count, tokens[index].start < range.upperBound, tokens[index].kind != .code { index += 1 }
        guard index < tokens.count, tokens[index].start < range.upperBound else { return nil }
        let start = tokens[index].start
        var last = firstIndex(startingAtOrAfter: range.upperBound) - 1
        while last > index, tokens[last].kind != .code { last -= 1 }
        return Span(start: start, end: min(tokens[last].end, range.upperBound))
    }

    private func firstIndex(startingAtOrAfter offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func trimmed(_ range: Range<Int>, bytes: [UInt8]) -> Span? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
        guard let start = range.first(where: { !isSpace(bytes[$0]) }),
              let last = range.last(where: { !isSpace(bytes[$0]) }) else { return nil }
        return Span(start: start, end: last + 1)
    }
}
