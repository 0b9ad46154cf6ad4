import PgQuery

enum TypeNameReader {
    static func columnType(_ type: PgQuery_TypeName) -> ColumnType {
        let names = type.names.strings
        let modifiers: [Int?] = type.typmods.map { node in
            if case .aConst(let constant)? = node.node, case .ival(let integer)? = constant.val {
                return Int(integer.ival)
            }
            return nil
        }
        return ColumnType(
            schema: names.count >= 2 ? names[names.count - 2] : nil,
            name: names.last ?? "",
            modifiers: modifiers,
            arrayDimensions: type.arrayBounds.count
        )
    }
}
