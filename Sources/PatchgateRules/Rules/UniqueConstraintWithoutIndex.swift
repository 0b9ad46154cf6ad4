import PatchgateEffects
import PatchgateSyntax

/// ADD UNIQUE builds its index while holding ACCESS EXCLUSIVE on the table.
struct UniqueConstraintWithoutIndex: StatementRule {
    static let id = "unique-constraint-without-index"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "ADD UNIQUE builds an index under ACCESS EXCLUSIVE"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .alterTable(let alter) = statement.syntax, let table = statement.effects.locks.first?.relation,
              !statement.context.isEmptyNew(table) else { return [] }
        return alter.actions.compactMap { action in
            guard case .addConstraint(let constraint) = action, case .unique(let columns, nil) = constraint.kind else { return nil }
            let name = constraint.name ?? "\(table.name)_\(columns.joined(separator: "_"))_key"
            return patch.finding(Self.self, statement,
                                 "ADD UNIQUE builds an index on \(table) while reads and writes wait (ACCESS EXCLUSIVE)",
                                 help: "CREATE UNIQUE INDEX CONCURRENTLY \(name) ON \(alter.table) (\(columns.joined(separator: ", "))); then ALTER TABLE \(alter.table) ADD CONSTRAINT \(name) UNIQUE USING INDEX \(name)")
        }
    }
}
