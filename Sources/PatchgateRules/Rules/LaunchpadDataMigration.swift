import PatchgateEffects
import PatchgateSyntax

/// A cold patch runs in the fast downtime with every client disconnected; a data migration of
/// a big table there is the work Launchpad moves to a background job instead.
struct LaunchpadDataMigration: StatementRule {
    static let id = "launchpad-data-migration"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "a Launchpad cold patch rewrites the data of a table that is not tiny"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard patch.launchpad?.applyClass == .cold else { return [] }
        return migratedTables(statement).compactMap { table in
            guard statement.context.isPreExisting(table), let rows = LaunchpadTableSize.rowsIfLarge(table, in: patch) else { return nil }
            return patch.finding(Self.self, statement,
                                 "\(statement.syntax.displayName) migrates data of \(table) (\(rows) rows per the stats) in a cold patch: only tables of at most \(LaunchpadTableSize.tinyRows) rows may be changed in the fast downtime",
                                 help: "land the schema change alone, and migrate the rows in small batches from a background job (garbo) while the application runs")
        }
    }

    /// Every row of the table, or rows copied in from other tables.
    private func migratedTables(_ statement: AnalyzedStatement) -> [QualifiedName] {
        var tables = statement.effects.wholeTableWrites
        if case .insert(let insert) = statement.syntax, !insert.sourceRelations.isEmpty,
           let target = statement.effects.locks.first?.relation {
            tables.append(target)
        }
        return tables
    }
}
