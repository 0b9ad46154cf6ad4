import PgQuery

enum FunctionReader {
    static func createFunction(_ statement: TreeValue) -> CreateFunction {
        var volatility: String?
        var language: String?
        for node in statement["options"].elements {
            let option = node.node("DefElem")
            guard option.isPresent else { continue }
            switch option["defname"].string {
            case "volatility": volatility = option["arg"].stringValue
            case "language": language = option["arg"].stringValue
            default: break
            }
        }
        let argumentTypes = statement["parameters"].elements.compactMap { node -> ColumnType? in
            let parameter = node.node("FunctionParameter")
            let mode = parameter["mode"]
            guard parameter.isPresent, !mode.equals("FUNC_PARAM_OUT"), !mode.equals("FUNC_PARAM_TABLE") else { return nil }
            return TypeNameReader.columnType(parameter["argType"])
        }
        return CreateFunction(
            name: QualifiedName(parts: statement["funcname"].strings), isReplace: statement["replace"].bool,
            isProcedure: statement["is_procedure"].bool, argumentTypes: argumentTypes,
            declaredVolatility: volatility, language: language
        )
    }
}
