import PatchgateEffects
import PatchgateSyntax

/// On a table that is not tiny, Launchpad adds a column nullable and without a default, and
/// fills it later from a background job: the old code keeps inserting rows without it.
struct LaunchpadLargeTableColumn: StatementRule {
    static let id = "launchpad-large-table-column"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "a Launchpad patch adds a NOT NULL or defaulted column to a table that is not tiny"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard patch.launchpad != nil, case .alterTable(let alter) = statement.syntax,
              let table = statement.effects.locks.first?.relation, statement.context.isPreExisting(table),
              let rows = LaunchpadTableSize.rowsIfLarge(table, in: patch) else { return [] }
        return alter.actions.compactMap { action in
            guard case .addColumn(let column, _) = action, column.isNotNull || column.defaultValue != nil else { return nil }
            let what = column.isNotNull && column.defaultValue != nil ? "NOT NULL with a default" : column.isNotNull ? "NOT NULL" : "with a default"
            return patch.finding(Self.self, statement,
                                 "new column \(table).\(column.name) is \(what) on a table of \(rows) rows: Launchpad adds columns to large tables nullable and without a default",
                                 help: "ADD COLUMN \(column.name) without NOT NULL or DEFAULT; set the default in a later patch, backfill from a background job, then SET NOT NULL")
        }
    }
}
