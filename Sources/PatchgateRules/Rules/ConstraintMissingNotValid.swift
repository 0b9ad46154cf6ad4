import PatchgateEffects
import PatchgateSyntax

/// Adding a CHECK or FOREIGN KEY validates every existing row while holding a lock that blocks
/// writes; NOT VALID skips that, and VALIDATE CONSTRAINT later needs only SHARE UPDATE EXCLUSIVE.
struct ConstraintMissingNotValid: StatementRule {
    static let id = "constraint-missing-not-valid"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "ADD CONSTRAINT CHECK / FOREIGN KEY without NOT VALID scans under a blocking lock"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .alterTable(let alter) = statement.syntax, let table = statement.effects.locks.first?.relation,
              !statement.context.isEmptyNew(table) else { return [] }
        return alter.actions.compactMap { action in
            guard case .addConstraint(let constraint) = action, !constraint.isNotValid else { return nil }
            let what: String, lock: String
            switch constraint.kind {
            case .check: (what, lock) = ("CHECK", "ACCESS EXCLUSIVE")
            case .foreignKey(_, let reference): (what, lock) = ("FOREIGN KEY to \(reference.table)", "SHARE ROW EXCLUSIVE on both tables")
            default: return nil
            }
            let name = constraint.name ?? "the constraint"
            return patch.finding(Self.self, statement,
                                 "adding \(what) \(name) checks every row of \(table) while holding \(lock)",
                                 help: "add it NOT VALID, then run ALTER TABLE \(alter.table) VALIDATE CONSTRAINT \(name) in a later patch")
        }
    }
}
