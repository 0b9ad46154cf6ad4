import PgQuery

enum TypeNameReader {
    /// A `TypeName`.
    static func columnType(_ type: TreeValue) -> ColumnType {
        let names = type["names"].strings
        let modifiers: [Int?] = type["typmods"].elements.map { node in
            let constant = node.node("A_Const"), integer = constant["ival"]
            return integer.isPresent ? integer.integerConstant(at: constant["location"]) : nil
        }
        return ColumnType(
            schema: names.count >= 2 ? names[names.count - 2] : nil,
            name: names.last ?? "",
            modifiers: modifiers,
            arrayDimensions: type["arrayBounds"].elements.count
        )
    }
}
