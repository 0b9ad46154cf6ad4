import PgQuery

/// Turns parser expression nodes into `Expression`, following at most `depthLimit` levels so
/// that a pathological expression costs bounded stack; deeper parts become `.truncated`.
enum ExpressionReader {
    static let depthLimit = 200

    static func read(_ node: TreeValue, depth: Int = 0) -> Expression {
        guard depth < depthLimit else { return .truncated }
        let next = depth + 1
        let fields = node.nodeFields
        func readAll(_ key: StaticString) -> [Expression] { fields[key].elements.map { read($0, depth: next) } }
        switch node.nodeName ?? "" {
        case "A_Const": return .constant(constant(fields))
        case "ColumnRef": return .column(fields["fields"].strings)
        case "FuncCall": return .function(name: fields["funcname"].strings, arguments: readAll("args"))
        case "SQLValueFunction": return .sqlValueFunction(name: sqlValueName(fields["op"]))
        case "TypeCast": return .typeCast(read(fields["arg"], depth: next), TypeNameReader.columnType(fields["typeName"]))
        case "NullTest": return .nullTest(read(fields["arg"], depth: next), isNull: fields["nulltesttype"].equals("IS_NULL"))
        case "A_Expr":
            let operands = [fields["lexpr"], fields["rexpr"]].filter(\.isPresent)
            return .operation(name: fields["name"].strings.joined(separator: " "), operands: operands.map { read($0, depth: next) })
        case "BoolExpr": return .operation(name: EnumName.camelCase(fields["boolop"].string), operands: readAll("args"))
        case "SubLink": return .subquery
        case "List": return .other(nodeName: "List", children: readAll("items"))
        case "CoalesceExpr": return .other(nodeName: "CoalesceExpr", children: readAll("args"))
        case "CaseExpr":
            let arms = fields["args"].elements.flatMap { arm -> [TreeValue] in
                let when = arm.node("CaseWhen")
                return when.isPresent ? [when["expr"], when["result"]] : []
            }
            let children = (arms + [fields["defresult"]]).filter(\.isPresent)
            return .other(nodeName: "CaseExpr", children: children.map { read($0, depth: next) })
        case "A_ArrayExpr": return .other(nodeName: "A_ArrayExpr", children: readAll("elements"))
        case "RowExpr": return .other(nodeName: "RowExpr", children: readAll("args"))
        case "MinMaxExpr": return .other(nodeName: "MinMaxExpr", children: readAll("args"))
        case "CollateClause": return read(fields["arg"], depth: next)
        case let name: return .other(nodeName: name.isEmpty ? "Node" : name, children: [])
        }
    }

    /// An `A_Const`: one of its value fields, each a node of its own (`{"ival":{"ival":5}}`;
    /// zero and false leave the inner field out).
    static func constant(_ constant: TreeValue) -> Expression.Constant {
        if constant["isnull"].bool { return .null }
        if case let value = constant["ival"], value.isPresent { return .integer(value.integerConstant(at: constant["location"])) }
        if case let value = constant["fval"], value.isPresent { return .number(value["fval"].string) }
        if case let value = constant["boolval"], value.isPresent { return .boolean(value["boolval"].bool) }
        if case let value = constant["sval"], value.isPresent { return .string(value["sval"].string) }
        if case let value = constant["bsval"], value.isPresent { return .bitString(value["bsval"].string) }
        return .null
    }

    private static func sqlValueName(_ op: TreeValue) -> String {
        switch op.string {
        case "SVFOP_CURRENT_DATE": "current_date"
        case "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N": "current_time"
        case "SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N": "current_timestamp"
        case "SVFOP_LOCALTIME", "SVFOP_LOCALTIME_N": "localtime"
        case "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N": "localtimestamp"
        case "SVFOP_CURRENT_ROLE": "current_role"
        case "SVFOP_CURRENT_USER": "current_user"
        case "SVFOP_USER": "user"
        case "SVFOP_SESSION_USER": "session_user"
        case "SVFOP_CURRENT_CATALOG": "current_catalog"
        case "SVFOP_CURRENT_SCHEMA": "current_schema"
        default: "unknown"
        }
    }
}
