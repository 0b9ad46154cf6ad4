/// Finds the first YAML alias (`*name`) of a settings file before Yams composes it. An alias
/// copies its anchored node, and a few lines of aliases to aliases used as mapping keys make
/// Yams hash an exponential tree (419 bytes took over a minute). Settings never need one, so
/// the file is refused at the alias instead.
///
/// A `*` is an alias where a node may start: at the start of a line, after `- `, `? ` or `: `,
/// and after `[`, `{` or `,` inside brackets. Elsewhere it is text: inside a plain scalar
/// (`include: db/*.sql`), a quoted one, a comment or a block scalar (`|`, `>`).
struct YAMLAliasScan {
    struct Alias: Equatable {
        let name: String
        /// 1-based, columns in Unicode scalars, as Yams' marks count them.
        let line: Int
        let column: Int
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    /// True where a node may start: nothing but indentation and indicators so far.
    private var atNodeStart = true
    private var flowDepth = 0
    /// The indentation of the line that opened a block scalar, while its lines are skipped.
    private var blockScalarIndent: Int?

    static func firstAlias(in text: String) -> Alias? {
        var scan = YAMLAliasScan(scalars: Array(text.unicodeScalars))
        return scan.run()
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private static func isBlank(_ scalar: Unicode.Scalar?) -> Bool {
        scalar == nil || scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func run() -> Alias? {
        while let scalar = peek() {
            if column == 1, skipsBlockScalarLine() { continue }
            switch scalar {
            case "\n":
                advance()
                // A new line in block context may start a node; inside brackets a node may
                // continue from the previous line, and the state stays as it was.
                if flowDepth == 0 { atNodeStart = true }
            case " ", "\t", "\r":
                advance()
            case "#" where column == 1 || Self.isBlank(scalars[index - 1]):
                while let next = peek(), next != "\n" { advance() }
            case "*" where atNodeStart:
                return alias()
            case "&" where atNodeStart, "!" where atNodeStart:
                // An anchor or a tag comes before its node, which may still start here.
                skipName()
            case "'" where atNodeStart, "\"" where atNodeStart:
                skipQuoted(closing: scalar)
            case "|" where atNodeStart, ">" where atNodeStart:
                blockScalarIndent = indentation(ofLineAt: index)
                while let next = peek(), next != "\n" { advance() }
            case "-" where atNodeStart && Self.isBlank(peek(1)), "?" where atNodeStart && Self.isBlank(peek(1)):
                advance()
            case ":" where Self.isBlank(peek(1)) || (flowDepth > 0 && peek(1).map { ",]}".unicodeScalars.contains($0) } == true):
                advance()
                atNodeStart = true
            case "[", "{":
                flowDepth += 1
                advance()
                atNodeStart = true
            case "]", "}":
                flowDepth = max(flowDepth - 1, 0)
                advance()
                atNodeStart = false
            case "," where flowDepth > 0:
                advance()
                atNodeStart = true
            default:
                advance()
                atNodeStart = false
            }
        }
        return nil
    }

    private mutating func alias() -> Alias {
        let start = (line: line, column: column)
        advance()
        // libyaml's anchor names: letters, digits, '-' and '_'.
        var name = ""
        while let next = peek(), next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "-" || next == "_" {
            name.unicodeScalars.append(next)
            advance()
        }
        return Alias(name: name, line: start.line, column: start.column)
    }

    /// An anchor or tag: its indicator and name, up to a blank or, in brackets, a flow indicator.
    private mutating func skipName() {
        advance()
        while let next = peek(), !Self.isBlank(next), !(flowDepth > 0 && ",[]{}".unicodeScalars.contains(next)) { advance() }
    }

    /// A quoted scalar, which may span lines: `''` escapes a single quote, `\` any character
    /// in a double-quoted one.
    private mutating func skipQuoted(closing: Unicode.Scalar) {
        advance()
        while let next = peek() {
            advance()
            if closing == "\"", next == "\\", peek() != nil {
                advance()
            } else if next == closing {
                if closing == "'", peek() == "'" { advance(); continue }
                break
            }
        }
        atNodeStart = false
    }

    /// Skips the line at `index` when it belongs to the open block scalar: blank, or indented
    /// deeper than the line that opened it.
    private mutating func skipsBlockScalarLine() -> Bool {
        guard let parent = blockScalarIndent else { return false }
        let lineIsBlank = scalars[index...].prefix { $0 != "\n" }.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard lineIsBlank || indentation(ofLineAt: index) > parent else {
            blockScalarIndent = nil
            return false
        }
        while let next = peek(), next != "\n" { advance() }
        if peek() != nil { advance() }
        return true
    }

    private func indentation(ofLineAt position: Int) -> Int {
        var start = position
        while start > 0, scalars[start - 1] != "\n" { start -= 1 }
        return scalars[start...].prefix { $0 == " " }.count
    }
}
