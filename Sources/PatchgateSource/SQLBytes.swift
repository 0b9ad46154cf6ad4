/// PostgreSQL's character classes from scan.l, one table lookup per byte (the lexer runs over
/// every byte of every patch). Bytes from 0x80 up are letters to PostgreSQL.
enum SQLBytes {
    enum ScanClass: UInt8 {
        case space, dash, slash, quote, doubleQuote, dollar, digit, dot, identifierStart, operatorChar, other
    }

    /// The class table, for a scanner to fetch once: a static is checked for its one-time
    /// initialisation at every access, and the lexer asks about every byte of every patch.
    struct Classes {
        fileprivate let table: [ScanClass]

        func scanClass(_ byte: UInt8) -> ScanClass { table[Int(byte)] }

        /// `ident_cont`: letters, digits, `_` and `$`.
        func isIdentifierContinuation(_ byte: UInt8) -> Bool {
            switch table[Int(byte)] {
            case .identifierStart, .digit, .dollar: true
            default: false
            }
        }

        /// `dolq_start`: a letter or `_`.
        func isDollarTagStart(_ byte: UInt8) -> Bool { table[Int(byte)] == .identifierStart }

        /// `dolq_cont`: a letter, `_` or a digit (no `$`).
        func isDollarTagContinuation(_ byte: UInt8) -> Bool {
            let scanClass = table[Int(byte)]
            return scanClass == .identifierStart || scanClass == .digit
        }

        /// `op_chars`: ~ ! @ # ^ & | ` ? + - * / % < > =
        func isOperatorChar(_ byte: UInt8) -> Bool {
            switch table[Int(byte)] {
            case .operatorChar, .dash, .slash: true
            default: false
            }
        }
    }

    static let classes = Classes(table: table)

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static let table: [ScanClass] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C: return .space
        case UInt8(ascii: "-"): return .dash
        case UInt8(ascii: "/"): return .slash
        case UInt8(ascii: "'"): return .quote
        case UInt8(ascii: "\""): return .doubleQuote
        case UInt8(ascii: "$"): return .dollar
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "."): return .dot
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), 0x80...0xFF:
            return .identifierStart
        case UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"), UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "&"),
             UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: "?"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "%"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "="):
            return .operatorChar
        default: return .other
        }
    }
}
