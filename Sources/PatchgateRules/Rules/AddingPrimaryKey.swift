import PatchgateEffects
import PatchgateSyntax

/// ADD PRIMARY KEY builds its index, and sets its columns NOT NULL, under ACCESS EXCLUSIVE.
struct AddingPrimaryKey: StatementRule {
    static let id = "adding-primary-key"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "ADD PRIMARY KEY builds an index under ACCESS EXCLUSIVE"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .alterTable(let alter) = statement.syntax, let table = statement.effects.locks.first?.relation,
              !statement.context.isEmptyNew(table) else { return [] }
        return alter.actions.compactMap { action in
            guard case .addConstraint(let constraint) = action, case .primaryKey(let columns, nil) = constraint.kind else { return nil }
            let name = constraint.name ?? "\(table.name)_pkey"
            return patch.finding(Self.self, statement,
                                 "ADD PRIMARY KEY builds an index on \(table) while reads and writes wait (ACCESS EXCLUSIVE)",
                                 help: "CREATE UNIQUE INDEX CONCURRENTLY \(name) ON \(alter.table) (\(columns.joined(separator: ", "))); then ALTER TABLE \(alter.table) ADD CONSTRAINT \(name) PRIMARY KEY USING INDEX \(name)")
        }
    }
}
