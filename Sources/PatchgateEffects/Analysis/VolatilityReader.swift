import PatchgateSyntax

/// The volatility of an expression: the most volatile function it calls. Built-in functions
/// come from PostgreSQL's own pg_proc (FunctionVolatility.swift); functions the patch defines
/// use their declared volatility; any other function is assumed VOLATILE, PostgreSQL's default.
enum VolatilityReader {
    static func volatility(of expression: Expression, state: PatchState) -> Volatility {
        var result = Volatility.immutable
        if case .sqlValueFunction = expression { result = .stable }
        for function in expression.calledFunctions {
            result = max(result, volatility(ofFunction: function, state: state))
        }
        if containsSqlValueFunction(expression) { result = max(result, .stable) }
        return result
    }

    static func volatility(ofFunction parts: [String], state: PatchState) -> Volatility {
        guard let name = parts.last else { return .volatile }
        if let declared = state.declaredVolatility(of: name) { return declared }
        let isCatalog = parts.count == 1 || parts.first == "pg_catalog"
        if isCatalog, let builtin = BuiltinVolatility.byName[name] { return builtin }
        return .volatile
    }

    private static func containsSqlValueFunction(_ expression: Expression) -> Bool {
        switch expression {
        case .sqlValueFunction: true
        case .function(_, let operands), .operation(_, let operands), .other(_, let operands):
            operands.contains(where: containsSqlValueFunction)
        case .typeCast(let inner, _), .nullTest(let inner, _): containsSqlValueFunction(inner)
        case .constant, .column, .subquery, .truncated: false
        }
    }
}
