/// The parts of an expression tree that a schema gate reasons about: constants, columns,
/// function calls (for volatility), casts, null tests (for `CHECK (col IS NOT NULL)`).
public indirect enum Expression: Hashable, Sendable {
    case constant(Constant)
    case column([String])
    case function(name: [String], arguments: [Expression])
    /// `CURRENT_TIMESTAMP`, `CURRENT_USER` … written without parentheses.
    case sqlValueFunction(name: String)
    case typeCast(Expression, ColumnType)
    case nullTest(Expression, isNull: Bool)
    case operation(name: String, operands: [Expression])
    case subquery
    /// Any other node, with its children so volatility can still be found inside it.
    case other(nodeName: String, children: [Expression])
    /// Deeper than `ExpressionReader.depthLimit`: not followed further.
    case truncated

    public enum Constant: Hashable, Sendable {
        case integer(Int)
        case number(String)
        case string(String)
        case boolean(Bool)
        case bitString(String)
        case null
    }

    /// Every function named anywhere in the expression, innermost included.
    public var calledFunctions: [[String]] {
        switch self {
        case .function(let name, let arguments): [name] + arguments.flatMap(\.calledFunctions)
        case .typeCast(let inner, _), .nullTest(let inner, _): inner.calledFunctions
        case .operation(_, let operands), .other(_, let operands): operands.flatMap(\.calledFunctions)
        case .constant, .column, .sqlValueFunction, .subquery, .truncated: []
        }
    }

    /// Columns referenced anywhere in the expression.
    public var referencedColumns: [[String]] {
        switch self {
        case .column(let name): [name]
        case .function(_, let operands), .operation(_, let operands), .other(_, let operands):
            operands.flatMap(\.referencedColumns)
        case .typeCast(let inner, _), .nullTest(let inner, _): inner.referencedColumns
        case .constant, .sqlValueFunction, .subquery, .truncated: []
        }
    }
}
