import PgQuery

/// Turns parser expression nodes into `Expression`, following at most `depthLimit` levels so
/// that a pathological expression costs bounded stack; deeper parts become `.truncated`.
enum ExpressionReader {
    static let depthLimit = 200

    static func read(_ node: PgQuery_Node, depth: Int = 0) -> Expression {
        guard depth < depthLimit else { return .truncated }
        let next = depth + 1
        switch node.node {
        case .aConst(let constant): return .constant(self.constant(constant))
        case .columnRef(let reference): return .column(reference.fields.strings)
        case .funcCall(let call):
            return .function(name: call.funcname.strings, arguments: call.args.map { read($0, depth: next) })
        case .sqlvalueFunction(let function): return .sqlValueFunction(name: sqlValueName(function.op))
        case .typeCast(let cast):
            return .typeCast(read(cast.arg, depth: next), TypeNameReader.columnType(cast.typeName))
        case .nullTest(let test):
            return .nullTest(read(test.arg, depth: next), isNull: test.nulltesttype == .isNull)
        case .aExpr(let expression):
            let operands = [expression.lexpr, expression.rexpr].filter { $0.node != nil }
            return .operation(name: expression.name.strings.joined(separator: " "), operands: operands.map { read($0, depth: next) })
        case .boolExpr(let expression):
            return .operation(name: "\(expression.boolop)", operands: expression.args.map { read($0, depth: next) })
        case .subLink: return .subquery
        case .list(let list): return .other(nodeName: "List", children: list.items.map { read($0, depth: next) })
        case .coalesceExpr(let coalesce):
            return .other(nodeName: "CoalesceExpr", children: coalesce.args.map { read($0, depth: next) })
        case .caseExpr(let caseExpression):
            let children = caseExpression.args.flatMap { arm -> [PgQuery_Node] in
                if case .caseWhen(let when)? = arm.node { return [when.expr, when.result] }
                return []
            } + [caseExpression.defresult]
            return .other(nodeName: "CaseExpr", children: children.filter { $0.node != nil }.map { read($0, depth: next) })
        case .aArrayExpr(let array):
            return .other(nodeName: "A_ArrayExpr", children: array.elements.map { read($0, depth: next) })
        case .rowExpr(let row): return .other(nodeName: "RowExpr", children: row.args.map { read($0, depth: next) })
        case .minMaxExpr(let minMax): return .other(nodeName: "MinMaxExpr", children: minMax.args.map { read($0, depth: next) })
        case .collateClause(let collate): return read(collate.arg, depth: next)
        default: return .other(nodeName: node.nodeName, children: [])
        }
    }

    private static func constant(_ constant: PgQuery_A_Const) -> Expression.Constant {
        if constant.isnull { return .null }
        switch constant.val {
        case .ival(let integer): return .integer(Int(integer.ival))
        case .fval(let float): return .number(float.fval)
        case .boolval(let boolean): return .boolean(boolean.boolval)
        case .sval(let string): return .string(string.sval)
        case .bsval(let bits): return .bitString(bits.bsval)
        case nil: return .null
        }
    }

    private static func sqlValueName(_ op: PgQuery_SQLValueFunctionOp) -> String {
        switch op {
        case .svfopCurrentDate: "current_date"
        case .svfopCurrentTime, .svfopCurrentTimeN: "current_time"
        case .svfopCurrentTimestamp, .svfopCurrentTimestampN: "current_timestamp"
        case .svfopLocaltime, .svfopLocaltimeN: "localtime"
        case .svfopLocaltimestamp, .svfopLocaltimestampN: "localtimestamp"
        case .svfopCurrentRole: "current_role"
        case .svfopCurrentUser: "current_user"
        case .svfopUser: "user"
        case .svfopSessionUser: "session_user"
        case .svfopCurrentCatalog: "current_catalog"
        case .svfopCurrentSchema: "current_schema"
        case .undefined, .UNRECOGNIZED: "unknown"
        }
    }
}
