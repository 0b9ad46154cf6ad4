import PgQuery

/// Names the relations a query reads in its FROM clauses (joins, subqueries and set operations
/// included), to a bounded depth.
enum RelationCollector {
    static let depthLimit = 64

    static func relations(in node: PgQuery_Node, depth: Int = 0) -> [QualifiedName] {
        guard depth < depthLimit else { return [] }
        let next = depth + 1
        switch node.node {
        case .rangeVar(let relation): return [relation.qualifiedName]
        case .selectStmt(let select):
            var found = select.fromClause.flatMap { relations(in: $0, depth: next) }
            if select.hasLarg { found += relations(in: wrap(.selectStmt(select.larg)), depth: next) }
            if select.hasRarg { found += relations(in: wrap(.selectStmt(select.rarg)), depth: next) }
            if select.hasWithClause {
                found += select.withClause.ctes.flatMap { relations(in: $0, depth: next) }
            }
            return found
        case .joinExpr(let join): return relations(in: join.larg, depth: next) + relations(in: join.rarg, depth: next)
        case .rangeSubselect(let subselect): return relations(in: subselect.subquery, depth: next)
        case .commonTableExpr(let cte): return relations(in: cte.ctequery, depth: next)
        default: return []
        }
    }

    private static func wrap(_ node: PgQuery_Node.OneOf_Node) -> PgQuery_Node {
        var wrapped = PgQuery_Node()
        wrapped.node = node
        return wrapped
    }
}
