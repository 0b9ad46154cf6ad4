import PgQuery

/// Small readers over libpg_query's parse tree, shared by the converters. Field and node names
/// are pg_query.proto's JSON names.
extension TreeValue {
    /// The value of a `String` node (names in dotted lists, option words).
    var stringValue: String? {
        let string = node("String")
        if string.isPresent { return string["sval"].string }
        let constant = node("A_Const")["sval"]
        return constant.isPresent ? constant["sval"].string : nil
    }

    /// `["public", "t"]` from a list of String nodes; non-string parts are skipped.
    var strings: [String] { elements.compactMap(\.stringValue) }

    /// The name of a `RangeVar`.
    var qualifiedName: QualifiedName {
        let schema = self["schemaname"].string
        return QualifiedName(schema: schema.isEmpty ? nil : schema, name: self["relname"].string)
    }

    /// An `ObjectType` field.
    var objectKind: ObjectKind {
        let name = string
        switch name {
        case "OBJECT_TABLE": return .table
        case "OBJECT_INDEX": return .index
        case "OBJECT_VIEW": return .view
        case "OBJECT_MATVIEW": return .materializedView
        case "OBJECT_SEQUENCE": return .sequence
        case "OBJECT_TYPE": return .type
        case "OBJECT_DOMAIN": return .domain
        case "OBJECT_FUNCTION", "OBJECT_ROUTINE", "OBJECT_AGGREGATE": return .function
        case "OBJECT_PROCEDURE": return .procedure
        case "OBJECT_TRIGGER": return .trigger
        case "OBJECT_SCHEMA": return .schema
        case "OBJECT_COLUMN": return .column
        case "OBJECT_TABCONSTRAINT", "OBJECT_DOMCONSTRAINT": return .constraint
        case "OBJECT_EXTENSION": return .`extension`
        case "OBJECT_FOREIGN_TABLE": return .foreignTable
        case "OBJECT_RULE": return .rule
        case "OBJECT_POLICY": return .policy
        default: return .other(EnumName.camelCase(name).replacingOccurrences(of: "object", with: "").lowercased())
        }
    }
}

/// The names patchgate gave enum values it does not type (`atAddInherit` for libpg_query's
/// `AT_AddInherit`): Swift's lower camel case of the C name, as the generated protobuf code
/// spells them.
enum EnumName {
    static func camelCase(_ name: String) -> String {
        var result = ""
        for (index, word) in name.split(separator: "_").enumerated() {
            if index == 0 {
                result += word.lowercased()
            } else if word.allSatisfy({ $0.isUppercase || $0.isNumber }) {
                result += word.prefix(1) + word.dropFirst().lowercased()
            } else {
                result += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        return result
    }
}

/// Reads dotted names out of the `object` node of DROP, COMMENT, RENAME and GRANT.
enum ObjectNameReader {
    static func parts(of node: TreeValue) -> [String] {
        let fields = node.nodeFields
        switch node.nodeName {
        case "List": return fields["items"].strings
        case "String": return [fields["sval"].string]
        case "ObjectWithArgs": return fields["objname"].strings
        case "TypeName": return fields["names"].strings
        case "RangeVar": return [fields["schemaname"].string, fields["relname"].string].filter { !$0.isEmpty }
        default: return []
        }
    }
}
