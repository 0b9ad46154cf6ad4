import PatchgateEffects

/// VACUUM FULL and CLUSTER copy the whole table under ACCESS EXCLUSIVE.
struct VacuumFullOrCluster: StatementRule {
    static let id = "vacuum-full-or-cluster"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "VACUUM FULL or CLUSTER rewrites the table under ACCESS EXCLUSIVE"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        let isMaintenance = statement.effects.rewriteReasons.contains { $0 == .vacuumFull || $0 == .cluster }
        let tables = statement.effects.rewrites.filter { !statement.context.isEmptyNew($0) }
        guard isMaintenance, !tables.isEmpty else { return [] }
        return [patch.finding(Self.self, statement,
                              "\(statement.syntax.displayName) rewrites \(tables.map(\.description).joined(separator: ", ")) under ACCESS EXCLUSIVE: reads and writes wait for the whole copy",
                              help: "use pg_repack or pg_squeeze, which hold the strong lock only briefly; plain VACUUM needs no window")]
    }
}
