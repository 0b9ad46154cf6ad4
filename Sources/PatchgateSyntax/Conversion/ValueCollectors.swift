import PgQuery

/// Collects the string constants (`'happy'`) anywhere in a parsed statement, for the rule that
/// finds an enum value used in the transaction that added it.
enum StringConstantCollector {
    static func constants(in node: TreeValue) -> [String] {
        node.descendants(withKey: "A_Const").compactMap { constant in
            let string = constant["sval"]
            return string.isPresent ? string["sval"].string : nil
        }
    }
}

/// The column names a query refers to (the last part of each column reference), or nil when it
/// selects `*`: PostgreSQL then ties the view to every column the table had.
enum ColumnReferenceCollector {
    static func columns(in node: TreeValue) -> [String]? {
        var names: [String] = []
        for reference in node.descendants(withKey: "ColumnRef") {
            guard let last = reference["fields"].elements.last else { continue }
            switch last.nodeName {
            case "String": names.append(last.nodeFields["sval"].string)
            case "A_Star": return nil
            default: break
            }
        }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
