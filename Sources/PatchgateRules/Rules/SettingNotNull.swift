import PatchgateEffects
import PatchgateSyntax

/// SET NOT NULL scans the whole table under ACCESS EXCLUSIVE unless a validated
/// `CHECK (col IS NOT NULL)` already proves it.
struct SettingNotNull: StatementRule {
    static let id = "setting-not-null"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "SET NOT NULL scans the table under ACCESS EXCLUSIVE"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .alterTable(let alter) = statement.syntax, let table = statement.effects.locks.first?.relation,
              !statement.context.isEmptyNew(table) else { return [] }
        return alter.actions.compactMap { action in
            guard case .setNotNull(let column) = action,
                  statement.effects.compatibility.contains(where: { $0.kind == .setsNotNull && $0.object == "\(table).\(column)" })
            else { return nil }
            return patch.finding(Self.self, statement,
                                 "SET NOT NULL on \(table).\(column) scans every row under ACCESS EXCLUSIVE, and writes of NULL by running code start failing",
                                 help: "ADD CONSTRAINT … CHECK (\(column) IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later patch, then SET NOT NULL (no scan) and drop the CHECK")
        }
    }
}
