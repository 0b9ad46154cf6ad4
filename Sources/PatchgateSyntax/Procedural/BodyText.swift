import PatchgateSource

/// Where a routine's body lies in the file: the bytes between the quotes of its string
/// constant. PL/pgSQL counts lines from the body's first byte; a quote doubled inside a
/// single-quoted body takes no line, so lines map one to one.
struct BodyText {
    enum Quoting { case dollar, single, escape }

    let start: Int
    let end: Int
    let quoting: Quoting

    /// The body of the string constant starting at `literal` (`$tag$…$tag$`, `'…'`, `E'…'`).
    /// CREATE FUNCTION's `as` option is located at its AS keyword, DO's at the constant.
    init?(bytes: [UInt8], literal given: Int, limit: Int) {
        var literal = given
        if literal + 1 < limit, bytes[literal] | 0x20 == UInt8(ascii: "a"), bytes[literal + 1] | 0x20 == UInt8(ascii: "s") {
            literal += 2
            while literal < limit, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[literal]) { literal += 1 }
        }
        guard literal < limit, literal < bytes.count else { return nil }
        let quote = UInt8(ascii: "'"), dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\")
        if bytes[literal] == dollar {
            guard let close = bytes[(literal + 1)..<limit].firstIndex(of: dollar) else { return nil }
            let tag = Array(bytes[literal...close])
            start = close + 1
            var position = start
            while position + tag.count <= limit, !bytes[position..<position + tag.count].elementsEqual(tag) { position += 1 }
            guard position + tag.count <= limit else { return nil }
            end = position
            quoting = .dollar
            return
        }
        let isEscape = bytes[literal] == UInt8(ascii: "E") || bytes[literal] == UInt8(ascii: "e")
        let open = isEscape ? literal + 1 : literal
        guard open < limit, bytes[open] == quote else { return nil }
        start = open + 1
        var position = start
        while position < limit {
            if isEscape, bytes[position] == backslash { position += 2; continue }
            if bytes[position] == quote {
                if position + 1 < limit, bytes[position + 1] == quote { position += 2; continue }
                break
            }
            position += 1
        }
        guard position < limit else { return nil }
        end = position
        quoting = isEscape ? .escape : .single
    }

    func text(in bytes: [UInt8]) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    /// The body as the string's value: doubled quotes (and an E string's backslashes) undone.
    func unquoted(in bytes: [UInt8]) -> [UInt8] {
        guard quoting != .dollar else { return Array(bytes[start..<end]) }
        var value: [UInt8] = [], position = start
        while position < end {
            let byte = bytes[position]
            if quoting == .escape, byte == UInt8(ascii: "\\"), position + 1 < end {
                let next = bytes[position + 1]
                value.append(next == UInt8(ascii: "n") ? 0x0A : next == UInt8(ascii: "t") ? 0x09 : next)
                position += 2
                continue
            }
            value.append(byte)
            position += byte == UInt8(ascii: "'") ? 2 : 1
        }
        return value
    }

    /// Where line `line` of the body (1 = the body's first byte) starts in the file.
    func lineStart(_ line: Int, in bytes: [UInt8]) -> Int {
        var position = start, remaining = line - 1
        while remaining > 0, position < end {
            if bytes[position] == 0x0A { remaining -= 1 }
            position += 1
        }
        return remaining > 0 ? start : position
    }

    /// Where `text` stands, looked for from the start of its line on: exact when found there
    /// byte for byte; else the line itself (a query PL/pgSQL rewrote, such as one whose INTO
    /// it took out, or one with doubled quotes in a single-quoted body).
    func locate(_ text: [UInt8], line: Int, in bytes: [UInt8], ignoringCase: Bool = false) -> Place {
        let from = lineStart(line, in: bytes)
        let fold: (UInt8) -> UInt8 = { ignoringCase && $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        let wanted = text.map(fold)
        if !wanted.isEmpty, end - wanted.count >= from {
            for position in from...(end - wanted.count) where fold(bytes[position]) == wanted[0] {
                var matched = 1
                while matched < wanted.count, fold(bytes[position + matched]) == wanted[matched] { matched += 1 }
                if matched == wanted.count { return Place(span: Span(start: position, end: position + wanted.count), isExact: true) }
            }
        }
        return Place(span: lineSpan(from: from, in: bytes), isExact: false)
    }

    /// The line from `from` without its leading and trailing blanks.
    private func lineSpan(from: Int, in bytes: [UInt8]) -> Span {
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        var first = from
        while first < end, isBlank(bytes[first]) { first += 1 }
        var last = first
        while last < end, bytes[last] != 0x0A { last += 1 }
        while last > first, isBlank(bytes[last - 1]) { last -= 1 }
        return Span(start: first, end: max(last, min(first + 1, end)))
    }

    /// Where the token a syntax error names (`syntax error at or near "foo"`) first stands.
    func nearToken(of message: String, in bytes: [UInt8]) -> Int? {
        let marker = Array("at or near \"".utf8), text = Array(message.utf8)
        guard text.count > marker.count,
              let open = (0...(text.count - marker.count)).first(where: { text[$0..<$0 + marker.count].elementsEqual(marker) }),
              let close = text[(open + marker.count)...].lastIndex(of: UInt8(ascii: "\"")), close > open + marker.count
        else { return nil }
        let token = Array(text[(open + marker.count)..<close])
        let place = locate(token, line: 1, in: bytes)
        return place.isExact ? place.span.start : nil
    }
}
