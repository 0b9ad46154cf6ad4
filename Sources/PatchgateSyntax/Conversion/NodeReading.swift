import PgQuery

/// Small readers over libpg_query's generated node types, shared by the converters.
extension PgQuery_Node {
    /// The value of a `String` node (names in dotted lists, option words).
    var stringValue: String? {
        switch node {
        case .string(let string): string.sval
        case .aConst(let constant):
            if case .sval(let string)? = constant.val { string.sval } else { nil }
        default: nil
        }
    }

    /// The parser's node name, e.g. `CreateExtensionStmt`, for statements kept untyped.
    var nodeName: String {
        guard let node else { return "Node" }
        let label = Mirror(reflecting: node).children.first?.label ?? "node"
        return label.prefix(1).uppercased() + label.dropFirst()
    }
}

extension Array where Element == PgQuery_Node {
    /// `["public", "t"]` from a list of String nodes; non-string parts are skipped.
    var strings: [String] { compactMap(\.stringValue) }
}

extension PgQuery_RangeVar {
    var qualifiedName: QualifiedName {
        QualifiedName(schema: schemaname.isEmpty ? nil : schemaname, name: relname)
    }
}

extension PgQuery_ObjectType {
    var objectKind: ObjectKind {
        switch self {
        case .objectTable: .table
        case .objectIndex: .index
        case .objectView: .view
        case .objectMatview: .materializedView
        case .objectSequence: .sequence
        case .objectType: .type
        case .objectDomain: .domain
        case .objectFunction, .objectRoutine, .objectAggregate: .function
        case .objectProcedure: .procedure
        case .objectTrigger: .trigger
        case .objectSchema: .schema
        case .objectColumn: .column
        case .objectTabconstraint, .objectDomconstraint: .constraint
        case .objectExtension: .`extension`
        case .objectForeignTable: .foreignTable
        case .objectRule: .rule
        case .objectPolicy: .policy
        default: .other(String(describing: self).replacingOccurrences(of: "object", with: "").lowercased())
        }
    }
}

/// Reads dotted names out of the `object` node of DROP, COMMENT, RENAME and GRANT.
enum ObjectNameReader {
    static func parts(of node: PgQuery_Node) -> [String] {
        switch node.node {
        case .list(let list): list.items.strings
        case .string(let string): [string.sval]
        case .objectWithArgs(let function): function.objname.strings
        case .typeName(let type): type.names.strings
        case .rangeVar(let relation): [relation.schemaname, relation.relname].filter { !$0.isEmpty }
        default: []
        }
    }
}
