/// Finds what psql would consume before sending SQL to the server and blanks it. A small
/// lexer that knows exactly enough of PostgreSQL's: quotes, dollar quotes, nested comments and
/// `E''` escapes, so a backslash or colon inside them is left alone.
public struct PsqlPreprocessor {
    private var bytes: [UInt8]
    private var directives: [PsqlDirective] = []
    private var index = 0
    private var statementStart = 0
    private var bracketDepth = 0

    public static func prepare(_ source: [UInt8]) -> ParserInput {
        var preprocessor = PsqlPreprocessor(bytes: source)
        preprocessor.run()
        return ParserInput(bytes: preprocessor.bytes, directives: preprocessor.directives)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            blank(0..<3)
            directives.append(PsqlDirective(kind: .byteOrderMark, span: Span(start: 0, end: 3)))
            index = 3
            statementStart = 3
        }
        let special = Self.special  // once, not a lazy-global check per byte
        while index < bytes.count {
            // Most bytes mean nothing to psql: skip them without a call per byte, in a local
            // position (the stored one was written back to memory at every byte).
            var position = index
            let count = bytes.count
            while position < count, !special[Int(bytes[position])] { position &+= 1 }
            index = position
            guard position < count else { break }
            step()
        }
    }

    /// The bytes `step` does something with; every other byte is passed over.
    private static let special: [Bool] = (0...255).map { byte in
        Array("-/'\"$\\:[];".utf8).contains(UInt8(byte))
    }

    private mutating func step() {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"): skipLineComment()
        case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"): skipBlockComment()
        case UInt8(ascii: "'"): skipString(escapes: isEscapeStringPrefix())
        case UInt8(ascii: "\""): skipQuoted(UInt8(ascii: "\""), backslashEscapes: false)
        case UInt8(ascii: "$"): skipDollarQuoteOrSign()
        case UInt8(ascii: "\\"): blankMetaCommand()
        case UInt8(ascii: ":"): handleColon()
        case UInt8(ascii: "["): bracketDepth += 1; index += 1
        case UInt8(ascii: "]"): bracketDepth = max(0, bracketDepth - 1); index += 1
        case UInt8(ascii: ";"): endStatement()
        default: index += 1
        }
    }

    private func peek(_ distance: Int) -> UInt8? {
        index + distance < bytes.count ? bytes[index + distance] : nil
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || byte == UInt8(ascii: "$") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || isLetter(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private mutating func skipLineComment() {
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
    }

    private mutating func skipBlockComment() {
        var depth = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                depth += 1; index += 2
            } else if bytes[index] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                depth -= 1; index += 2
                if depth == 0 { return }
            } else {
                index += 1
            }
        }
    }

    /// `E'…'` (or `e'…'`) takes backslash escapes; a plain string does not
    /// (standard_conforming_strings is on by default since 9.1).
    private func isEscapeStringPrefix() -> Bool {
        guard index >= 1, bytes[index - 1] | 0x20 == UInt8(ascii: "e") else { return false }
        return index < 2 || !Self.isIdentifierByte(bytes[index - 2])
    }

    private mutating func skipString(escapes: Bool) {
        skipQuoted(UInt8(ascii: "'"), backslashEscapes: escapes)
    }

    private mutating func skipQuoted(_ quote: UInt8, backslashEscapes: Bool) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if backslashEscapes, byte == UInt8(ascii: "\\") {
                index += 2
            } else if byte == quote {
                index += 1
                guard index < bytes.count, bytes[index] == quote else { return }
                index += 1
            } else {
                index += 1
            }
        }
    }

    private mutating func skipDollarQuoteOrSign() {
        if index > 0, Self.isIdentifierByte(bytes[index - 1]) { index += 1; return }
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "$") {
            guard end == index + 1 ? Self.isIdentifierStart(bytes[end]) : Self.isIdentifierByte(bytes[end]),
                  bytes[end] != UInt8(ascii: "$") else { index += 1; return }
            end += 1
        }
        guard end < bytes.count else { index += 1; return }
        let tag = Array(bytes[index...end])
        var search = end + 1
        while search + tag.count <= bytes.count {
            if bytes[search] == UInt8(ascii: "$"), bytes[search..<search + tag.count].elementsEqual(tag) {
                index = search + tag.count
                return
            }
            search += 1
        }
        index = bytes.count
    }

    /// psql reads a backslash command to the end of its line.
    private mutating func blankMetaCommand() {
        let start = index
        var nameEnd = index + 1
        while nameEnd < bytes.count, !Self.isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: "\\") || nameEnd == index + 1 {
            nameEnd += 1
        }
        var end = nameEnd
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let name = String(decoding: bytes[start..<nameEnd], as: UTF8.self)
        blank(start..<end)
        directives.append(PsqlDirective(kind: .metaCommand(name: name), span: Span(start: start, end: end)))
        index = end
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private mutating func handleColon() {
        let start = index
        guard let next = peek(1) else { index += 1; return }
        if next == UInt8(ascii: ":") || next == UInt8(ascii: "=") { index += 2; return }
        if start > 0, Self.isIdentifierByte(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ":") {
            index += 1; return
        }
        if next == UInt8(ascii: "'") || next == UInt8(ascii: "\"") {
            index += 1
            skipQuoted(next, backslashEscapes: false)
            bytes[start] = UInt8(ascii: " ")
            recordVariable(Span(start: start, end: index), name: Span(start: start + 2, end: index - 1))
            return
        }
        guard bracketDepth == 0, Self.isIdentifierStart(next) else { index += 1; return }
        var end = start + 1
        while end < bytes.count, Self.isIdentifierByte(bytes[end]), bytes[end] != UInt8(ascii: "$") { end += 1 }
        // `_name` is an identifier of the same length, so the statement still parses and every
        // later position stays where it was.
        bytes[start] = UInt8(ascii: "_")
        recordVariable(Span(start: start, end: end), name: Span(start: start + 1, end: end))
        index = end
    }

    private mutating func recordVariable(_ span: Span, name: Span) {
        let text = String(decoding: bytes[name.start..<max(name.start, name.end)], as: UTF8.self)
        directives.append(PsqlDirective(kind: .variable(name: text), span: span))
    }

    private mutating func endStatement() {
        index += 1
        if isCopyFromStdin(bytes[statementStart..<index - 1]) { blankCopyData() }
        statementStart = index
    }

    /// Rows follow on the line after the statement and end at a line holding only `\.`.
    private mutating func blankCopyData() {
        var start = index
        while start < bytes.count, bytes[start] != UInt8(ascii: "\n") { start += 1 }
        guard start < bytes.count else { return }
        start += 1
        var lineStart = start
        var end = bytes.count
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var content = lineStart..<lineEnd
            if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { content = lineStart..<lineEnd - 1 }
            if bytes[content].elementsEqual([UInt8(ascii: "\\"), UInt8(ascii: ".")]) {
                end = content.upperBound
                break
            }
            lineStart = lineEnd + 1
        }
        guard end > start else { return }
        blank(start..<end)
        directives.append(PsqlDirective(kind: .copyData, span: Span(start: start, end: end)))
        index = end
    }

    private func isCopyFromStdin(_ statement: ArraySlice<UInt8>) -> Bool {
        // Cheap tests first: almost no statement is a COPY, fewer still mention stdin.
        guard Self.firstWordIsCopy(statement), Self.contains(statement, caseInsensitive: Array("stdin".utf8)) else { return false }
        let words = Self.words(statement)
        return zip(words, words.dropFirst()).contains { $0 == "from" && $1 == "stdin" }
    }

    /// Whether the first of `words(text)` is `copy`, found without collecting any word.
    private static func firstWordIsCopy(_ text: ArraySlice<UInt8>) -> Bool {
        var position = text.startIndex
        while position < text.endIndex {
            if let next = lineCommentEnd(text, at: position) { position = next; continue }
            if isIdentifierByte(text[position]) { break }
            position += 1
        }
        var end = position
        while end < text.endIndex, isIdentifierByte(text[end]) { end += 1 }
        return end - position == 4 && text[position..<end].map { $0 | 0x20 }.elementsEqual("copy".utf8)
    }

    /// Where a `--` comment that starts at `position` ends (its line break), or nil when none
    /// starts there.
    private static func lineCommentEnd(_ text: ArraySlice<UInt8>, at position: Int) -> Int? {
        guard text[position] == UInt8(ascii: "-"), position + 1 < text.endIndex, text[position + 1] == UInt8(ascii: "-") else { return nil }
        var end = position
        while end < text.endIndex, text[end] != UInt8(ascii: "\n") { end += 1 }
        return end
    }

    /// `needle` is lower-case letters; runs once per statement, so a plain loop, no closures.
    private static func contains(_ text: ArraySlice<UInt8>, caseInsensitive needle: [UInt8]) -> Bool {
        guard let first = needle.first, text.count >= needle.count else { return false }
        var start = text.startIndex
        let last = text.endIndex - needle.count
        while start <= last {
            if text[start] | 0x20 == first {
                var offset = 1
                while offset < needle.count, text[start + offset] | 0x20 == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Lower-cased bare words outside comments; enough to recognise `COPY … FROM stdin`.
    private static func words(_ text: ArraySlice<UInt8>) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var position = text.startIndex
        while position < text.endIndex {
            if let next = lineCommentEnd(text, at: position) { position = next; continue }
            let byte = text[position]
            if isIdentifierByte(byte) {
                current.append(isLetter(byte) ? byte | 0x20 : byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll()
            }
            position += 1
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private mutating func blank(_ range: Range<Int>) {
        for position in range where bytes[position] != UInt8(ascii: "\n") {
            bytes[position] = UInt8(ascii: " ")
        }
    }
}
