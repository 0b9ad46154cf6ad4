import PgQuery

/// What a statement patchgate does not type still names: the relations of its own fields (a
/// `RangeVar` field such as a policy's `table`, or a list of them such as CREATE STATISTICS'
/// `relations`) and an object it names alone (`defnames`). Enough for a fact keyed by the
/// node name to lock the right tables.
enum UntypedReader {
    static func statement(nodeName: String, fields: TreeValue) -> UntypedStatement {
        var relations: [QualifiedName] = []
        for value in fields.elements {
            if value["relname"].isPresent {
                relations.append(value.qualifiedName)
            } else {
                relations += StatementReader.relations(value)
            }
        }
        return UntypedStatement(nodeName: nodeName, relations: relations, objectName: fields["defnames"].strings)
    }

    /// `ALTER DOMAIN`'s subtype letters (AlterDomainStmt in parsenodes.h): C add constraint,
    /// O set not null, V validate constraint.
    static func alterDomain(_ fields: TreeValue) -> AlterDomain {
        let action: AlterDomain.Action = switch fields["subtype"].string {
        case "C": .addConstraint(isNotValid: fields["def"].node("Constraint")["skip_validation"].bool)
        case "O": .setNotNull
        case "V": .validateConstraint
        default: .other
        }
        return AlterDomain(name: QualifiedName(parts: fields["typeName"].strings), action: action)
    }

    /// Sequences that `setval('s', …)` and `nextval('s')` write, named by a string constant
    /// (cast to regclass or not).
    static func writtenSequences(in node: TreeValue) -> [QualifiedName] {
        node.descendants(withKey: "FuncCall").compactMap { call in
            let name = call["funcname"].strings
            guard let function = name.last, ["setval", "nextval"].contains(function),
                  name.count == 1 || name.first == "pg_catalog",
                  let first = call["args"].elements.first else { return nil }
            let constant = first.node("TypeCast").isPresent ? first.node("TypeCast")["arg"] : first
            guard let text = constant.stringValue, !text.isEmpty else { return nil }
            return QualifiedName(parts: text.split(separator: ".").map(String.init))
        }
    }

    /// A VACUUM option's boolean argument as PostgreSQL's defGetBoolean reads it: no argument
    /// is true; `false`, `off`, `no` and `0` (any unique prefix of the words) are false.
    static func isEnabled(_ option: TreeValue) -> Bool {
        let argument = option["arg"]
        guard argument.isPresent else { return true }
        if argument.node("Integer").isPresent { return argument.node("Integer")["ival"].int != 0 }
        if argument.node("Boolean").isPresent { return argument.node("Boolean")["boolval"].bool }
        guard let word = argument.stringValue?.lowercased(), !word.isEmpty else { return true }
        if word == "0" { return false }
        if word.count >= 2, "off".hasPrefix(word) { return false }
        return !("false".hasPrefix(word) || "no".hasPrefix(word))
    }
}
