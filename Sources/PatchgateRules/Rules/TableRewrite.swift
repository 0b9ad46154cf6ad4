import PatchgateEffects

/// A rewrite copies the whole table and rebuilds every index under ACCESS EXCLUSIVE: reads
/// and writes wait for all of it. Reports the rewrites no more specific rule explains.
struct TableRewrite: StatementRule {
    static let id = "table-rewrite"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "the statement rewrites a table under ACCESS EXCLUSIVE"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        let costly = statement.effects.rewrites.filter { !statement.context.isEmptyNew($0) }
        guard !costly.isEmpty else { return [] }
        return statement.effects.rewriteReasons.compactMap { reason in
            guard let (why, help) = explanation(reason) else { return nil }
            let tables = costly.map(\.description).joined(separator: ", ")
            let what = reason == .tablespaceChange
                ? "copies \(tables) to the new tablespace under ACCESS EXCLUSIVE (its indexes stay where they are)"
                : "rewrites \(tables) and rebuilds its indexes under ACCESS EXCLUSIVE"
            return patch.finding(Self.self, statement, "\(why) \(what)", help: help)
        }
    }

    private func explanation(_ reason: RewriteReason) -> (String, String)? {
        switch reason {
        case .identityColumn(let column):
            ("adding identity column \(column)", "add a nullable column with a sequence default set afterwards, backfill in batches, then ADD GENERATED … AS IDENTITY")
        case .generatedColumn(let column):
            ("adding stored generated column \(column)", "add a plain nullable column, fill it with a trigger and batched backfill, or compute it in a view")
        case .persistenceChange: ("SET LOGGED / UNLOGGED", "create the table with the persistence it needs, or do this in a long maintenance window")
        case .tablespaceChange: ("SET TABLESPACE", "move the table with a logical copy (pg_repack or a new table) instead of in place")
        case .accessMethodChange: ("SET ACCESS METHOD", "create a new table with the access method and copy in batches")
        case .materializedViewRefresh:
            ("REFRESH MATERIALIZED VIEW", "use REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view)")
        case .volatileDefault, .serialColumn, .typeChange, .vacuumFull, .cluster: nil
        }
    }
}
