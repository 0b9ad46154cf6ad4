import PgQuery
import PatchgateSource

/// The scanner's tokens in file order, to find where a statement's first and last real
/// tokens are (libpg_query's statement ranges include the comments before them).
struct TokenIndex {
    struct Token {
        let start: Int
        let end: Int
        let isComment: Bool
        let isBlockComment: Bool
    }

    private let tokens: [Token]
    /// False when the scanner itself failed (an unterminated quote): spans fall back to trimming
    /// white space.
    let isComplete: Bool

    init(scanning bytes: [UInt8]) {
        if let result = try? LibPgQuery.scan(bytes) {
            tokens = result.tokens.map {
                Token(start: Int($0.start), end: Int($0.end), isComment: $0.token == .sqlComment || $0.token == .cComment,
                      isBlockComment: $0.token == .cComment)
            }
            isComplete = true
        } else {
            tokens = []
            isComplete = false
        }
    }

    var comments: [SourceComment] {
        tokens.filter(\.isComment).map { token in
            SourceComment(span: Span(start: token.start, end: token.end), isBlock: token.isBlockComment)
        }
    }

    /// The span of the real tokens inside `range`, or nil when it holds only comments.
    func statementSpan(in range: Range<Int>, bytes: [UInt8]) -> Span? {
        guard isComplete else { return Self.trimmed(range, bytes: bytes) }
        var index = firstIndex(startingAtOrAfter: range.lowerBound)
        while index < tokens.count, tokens[index].start < range.upperBound, tokens[index].isComment { index += 1 }
        guard index < tokens.count, tokens[index].start < range.upperBound else { return nil }
        let start = tokens[index].start
        var last = firstIndex(startingAtOrAfter: range.upperBound) - 1
        while last > index, tokens[last].isComment { last -= 1 }
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
