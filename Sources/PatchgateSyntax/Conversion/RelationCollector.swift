import PgQuery

/// Names the relations a query reads in its FROM clauses (joins, subqueries and set operations
/// included), to a bounded depth.
enum RelationCollector {
    static let depthLimit = 64

    /// The relations below a `Node`.
    static func relations(in node: TreeValue, depth: Int = 0) -> [QualifiedName] {
        guard depth < depthLimit else { return [] }
        let next = depth + 1
        let fields = node.nodeFields
        switch node.nodeName {
        case "RangeVar": return [fields.qualifiedName]
        case "SelectStmt": return relations(inSelect: fields, depth: depth)
        case "JoinExpr": return relations(in: fields["larg"], depth: next) + relations(in: fields["rarg"], depth: next)
        case "RangeSubselect": return relations(in: fields["subquery"], depth: next)
        case "CommonTableExpr": return relations(in: fields["ctequery"], depth: next)
        default: return []
        }
    }

    /// The relations of a `SelectStmt`'s fields: FROM items, the arms of a set operation (plain
    /// SelectStmt fields, not nodes), then the WITH queries.
    private static func relations(inSelect select: TreeValue, depth: Int) -> [QualifiedName] {
        let next = depth + 1
        var found = select["fromClause"].elements.flatMap { relations(in: $0, depth: next) }
        for arm in [select["larg"], select["rarg"]] where arm.isPresent {
            found += next < depthLimit ? relations(inSelect: arm, depth: next) : []
        }
        found += select["withClause"]["ctes"].elements.flatMap { relations(in: $0, depth: next) }
        return found
    }
}
