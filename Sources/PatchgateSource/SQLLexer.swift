/// One token of PostgreSQL's scanner, reduced to what statement spans need: where it is and
/// whether it is a comment.
public struct LexedToken: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case code, lineComment, blockComment }

    // 32-bit offsets (an input is at most 16 MiB): 12 bytes a token instead of 24, and a file
    // holds about one token per five bytes.
    private let storedStart: Int32
    private let storedEnd: Int32
    public let kind: Kind

    public var start: Int { Int(storedStart) }
    public var end: Int { Int(storedEnd) }

    public init(start: Int, end: Int, kind: Kind) {
        storedStart = Int32(clamping: start)
        storedEnd = Int32(clamping: end)
        self.kind = kind
    }
}

/// Token boundaries and comments as PostgreSQL 15's scanner (scan.l) finds them, without a
/// second pass through libpg_query and its protobuf output. It is exact only for text the
/// scanner accepts, so callers use it once the parser has accepted the text; on anything it
/// cannot finish (an unterminated quote or comment) it returns nil and the caller asks
/// libpg_query instead.
public struct SQLLexer {
    private let bytes: [UInt8]
    private let classes = SQLBytes.classes
    private var index = 0
    private var tokens: [LexedToken] = []

    public static func tokens(in bytes: [UInt8]) -> [LexedToken]? {
        var lexer = SQLLexer(bytes: bytes)
        return lexer.run() ? lexer.tokens : nil
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        tokens.reserveCapacity(bytes.count / 4)
    }

    private func byte(at position: Int) -> UInt8 { position < bytes.count ? bytes[position] : 0 }

    private mutating func run() -> Bool {
        while index < bytes.count {
            let start = index
            let kind: LexedToken.Kind
            switch classes.scanClass(bytes[index]) {
            case .space: index += 1; continue
            case .dash where byte(at: index + 1) == UInt8(ascii: "-"):
                skipLineComment(); kind = .lineComment
            case .slash where byte(at: index + 1) == UInt8(ascii: "*"):
                guard skipBlockComment() else { return false }
                kind = .blockComment
            case .quote:
                guard skipString(escapes: false) else { return false }
                kind = .code
            case .doubleQuote:
                guard skipQuotedIdentifier() else { return false }
                kind = .code
            case .dollar:
                guard skipDollar() else { return false }
                kind = .code
            case .digit: skipNumber(); kind = .code
            case .dot where SQLBytes.isDigit(byte(at: index + 1)): skipNumber(); kind = .code
            case .identifierStart:
                guard skipWordOrPrefixedString() else { return false }
                if let end = unicodeLiteralEnd(from: start) {
                    tokens.append(LexedToken(start: start, end: end, kind: .code))
                    continue
                }
                kind = .code
            case .operatorChar, .dash, .slash: skipOperator(); kind = .code
            case .other, .dot: index += 1; kind = .code
            }
            tokens.append(LexedToken(start: start, end: index, kind: kind))
        }
        return true
    }

    /// `--` to the end of the line; `\r` ends it too.
    private mutating func skipLineComment() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") { index += 1 }
    }

    /// `/* … */`, nested as PostgreSQL nests them.
    private mutating func skipBlockComment() -> Bool {
        var depth = 0
        index += 2
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), byte(at: index + 1) == UInt8(ascii: "*") {
                depth += 1; index += 2
            } else if bytes[index] == UInt8(ascii: "*"), byte(at: index + 1) == UInt8(ascii: "/") {
                index += 2
                if depth == 0 { return true }
                depth -= 1
            } else {
                index += 1
            }
        }
        return false
    }

    /// A letter starts a word, unless it is the prefix of a string: `E'…'` (backslash
    /// escapes), `B'…'`, `X'…'`, `N'…'`, `U&'…'` and the identifier `U&"…"`.
    private mutating func skipWordOrPrefixedString() -> Bool {
        let lead = bytes[index] | 0x20
        let next = byte(at: index + 1)
        if next == UInt8(ascii: "'") {
            switch lead {
            case UInt8(ascii: "e"): index += 1; return skipString(escapes: true)
            case UInt8(ascii: "b"), UInt8(ascii: "x"), UInt8(ascii: "n"): index += 1; return skipString(escapes: false)
            default: break
            }
        }
        if lead == UInt8(ascii: "u"), next == UInt8(ascii: "&") {
            let quote = byte(at: index + 2)
            if quote == UInt8(ascii: "'") { index += 2; return skipString(escapes: false) }
            if quote == UInt8(ascii: "\"") { index += 2; return skipQuotedIdentifier() }
        }
        index += 1
        while index < bytes.count, classes.isIdentifierContinuation(bytes[index]) { index += 1 }
        return true
    }

    /// libpg_query 15's scanner reports a `U&'…'` string as ending where it starts and a
    /// `U&"…"` identifier as ending after its first byte (the end of the last piece it matched);
    /// a statement ending in one ends there too, and patchgate keeps that.
    private func unicodeLiteralEnd(from start: Int) -> Int? {
        guard index - start >= 3, bytes[start] | 0x20 == UInt8(ascii: "u"), bytes[start + 1] == UInt8(ascii: "&") else { return nil }
        switch bytes[start + 2] {
        case UInt8(ascii: "'"): return start
        case UInt8(ascii: "\""): return start + 1
        default: return nil
        }
    }

    /// A quoted string from its opening quote, with `''` inside, and the SQL-standard
    /// continuation: a quote on a later line, after only white space, goes on with the same
    /// string. (PostgreSQL also lets `--` comments sit in between; libpg_query, which reports
    /// comments as tokens, does not.)
    private mutating func skipString(escapes: Bool) -> Bool {
        index += 1
        while true {
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            if escapes, byte == UInt8(ascii: "\\") {
                index += 2
            } else if byte == UInt8(ascii: "'") {
                index += 1
                if self.byte(at: index) == UInt8(ascii: "'") { index += 1; continue }
                guard let next = continuationQuote(after: index) else { return true }
                index = next + 1
            } else {
                index += 1
            }
        }
    }

    /// The position of the quote that continues a string ending at `position`, or nil.
    private func continuationQuote(after position: Int) -> Int? {
        var position = position
        var sawNewline = false
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C: position += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): sawNewline = true; position += 1
            case UInt8(ascii: "'"): return sawNewline ? position : nil
            default: return nil
            }
        }
        return nil
    }

    /// `"…"` with `""` inside; no escapes, no continuation.
    private mutating func skipQuotedIdentifier() -> Bool {
        index += 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                guard byte(at: index) == UInt8(ascii: "\"") else { return true }
            }
            index += 1
        }
        return false
    }

    /// `$tag$ … $tag$`, a parameter `$1`, or a lone `$`.
    private mutating func skipDollar() -> Bool {
        var end = index + 1
        if SQLBytes.isDigit(byte(at: end)) {
            while SQLBytes.isDigit(byte(at: end)) { end += 1 }
            index = end
            return true
        }
        if classes.isDollarTagStart(byte(at: end)) {
            end += 1
            while classes.isDollarTagContinuation(byte(at: end)) { end += 1 }
        }
        guard byte(at: end) == UInt8(ascii: "$") else { index += 1; return true }
        let tag = bytes[index...end]
        var search = end + 1
        while search + tag.count <= bytes.count {
            if bytes[search] == UInt8(ascii: "$"), bytes[search..<search + tag.count].elementsEqual(tag) {
                index = search + tag.count
                return true
            }
            search += 1
        }
        return false
    }

    /// `12`, `1.5`, `.5`, `1e-3`; `1..2` is `1` then `..`.
    private mutating func skipNumber() {
        while SQLBytes.isDigit(byte(at: index)) { index += 1 }
        if byte(at: index) == UInt8(ascii: "."), byte(at: index + 1) != UInt8(ascii: ".") {
            index += 1
            while SQLBytes.isDigit(byte(at: index)) { index += 1 }
        }
        if byte(at: index) | 0x20 == UInt8(ascii: "e") {
            var exponent = index + 1
            if byte(at: exponent) == UInt8(ascii: "+") || byte(at: exponent) == UInt8(ascii: "-") { exponent += 1 }
            if SQLBytes.isDigit(byte(at: exponent)) {
                index = exponent
                while SQLBytes.isDigit(byte(at: index)) { index += 1 }
            }
        }
    }

    /// A run of operator characters stops where a comment starts inside it (`+--x` is `+`).
    private mutating func skipOperator() {
        index += 1
        while index < bytes.count, classes.isOperatorChar(bytes[index]) {
            let next = byte(at: index + 1)
            if bytes[index] == UInt8(ascii: "-"), next == UInt8(ascii: "-") { return }
            if bytes[index] == UInt8(ascii: "/"), next == UInt8(ascii: "*") { return }
            index += 1
        }
    }
}
