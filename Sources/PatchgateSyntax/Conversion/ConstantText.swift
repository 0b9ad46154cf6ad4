/// The text an `EXECUTE` runs, when it is known before the block runs: a string constant, a
/// concatenation of them, or `format()` / `quote_ident()` / `quote_literal()` of constants.
/// Anything that reads a variable, a column or a query is unknown (nil).
enum ConstantText {
    static func evaluate(_ expression: Expression) -> String? {
        switch expression {
        case .constant(let constant): return text(of: constant)
        case .typeCast(let inner, _): return evaluate(inner)
        case .operation(let name, let operands) where name == "||" && operands.count == 2:
            guard let left = evaluate(operands[0]), let right = evaluate(operands[1]) else { return nil }
            return left + right
        case .function(let name, let arguments):
            return function(name.last ?? "", schema: name.count > 1 ? name[0] : nil, arguments: arguments)
        case .column, .sqlValueFunction, .nullTest, .operation, .subquery, .other, .truncated: return nil
        }
    }

    private static func text(of constant: Expression.Constant) -> String? {
        switch constant {
        case .string(let text), .number(let text), .bitString(let text): text
        case .integer(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        case .null: nil
        }
    }

    private static func function(_ name: String, schema: String?, arguments: [Expression]) -> String? {
        guard schema == nil || schema == "pg_catalog" else { return nil }
        let values = arguments.map(evaluate)
        guard !values.contains(where: { $0 == nil }) else { return nil }
        let texts = values.compactMap { $0 }
        switch name {
        case "format": return texts.first.flatMap { format($0, arguments: Array(texts.dropFirst())) }
        case "quote_ident" where texts.count == 1: return quotedIdentifier(texts[0])
        case "quote_literal" where texts.count == 1: return quotedLiteral(texts[0])
        case "concat": return texts.joined()
        default: return nil
        }
    }

    /// PostgreSQL's `format()`: `%s`, `%I`, `%L`, `%%` and positional `%n$…`; nil for the width
    /// flags, which patchgate does not follow.
    static func format(_ template: String, arguments: [String]) -> String? {
        var result = "", next = 0
        var characters = Substring(template)
        while let character = characters.popFirst() {
            guard character == "%" else { result.append(character); continue }
            guard let first = characters.first else { return nil }
            if first == "%" { characters.removeFirst(); result.append("%"); continue }
            let digits = characters.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, characters.dropFirst(digits.count).first == "$" {
                guard let position = Int(digits), position >= 1 else { return nil }
                next = position - 1
                characters = characters.dropFirst(digits.count + 1)
            }
            guard let kind = characters.popFirst(), next < arguments.count else { return nil }
            let argument = arguments[next]
            next += 1
            switch kind {
            case "s": result += argument
            case "I": result += quotedIdentifier(argument)
            case "L": result += quotedLiteral(argument)
            default: return nil
            }
        }
        return result
    }

    /// Always quoted: the same identifier as `quote_ident` gives, whether it needed quotes or not.
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    static func quotedLiteral(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "''") + "'"
    }
}

extension String {
    fileprivate func replacingAll(_ character: Character, with replacement: String) -> String {
        var result = ""
        for each in self { if each == character { result += replacement } else { result.append(each) } }
        return result
    }
}
