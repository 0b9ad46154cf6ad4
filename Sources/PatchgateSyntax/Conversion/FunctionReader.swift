import PgQuery

enum FunctionReader {
    static func createFunction(_ statement: PgQuery_CreateFunctionStmt) -> CreateFunction {
        var volatility: String?
        var language: String?
        for node in statement.options {
            guard case .defElem(let option)? = node.node else { continue }
            switch option.defname {
            case "volatility": volatility = option.arg.stringValue
            case "language": language = option.arg.stringValue
            default: break
            }
        }
        let argumentTypes = statement.parameters.compactMap { node -> ColumnType? in
            guard case .functionParameter(let parameter)? = node.node,
                  parameter.mode != .funcParamOut, parameter.mode != .funcParamTable else { return nil }
            return TypeNameReader.columnType(parameter.argType)
        }
        return CreateFunction(
            name: QualifiedName(parts: statement.funcname.strings), isReplace: statement.replace,
            isProcedure: statement.isProcedure, argumentTypes: argumentTypes,
            declaredVolatility: volatility, language: language
        )
    }
}
