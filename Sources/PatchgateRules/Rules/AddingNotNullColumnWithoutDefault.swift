import PatchgateEffects

/// Code deployed before the patch inserts rows without the new column; NOT NULL without a
/// default makes those inserts fail.
struct AddingNotNullColumnWithoutDefault: StatementRule {
    static let id = "adding-not-null-column-without-default"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "a NOT NULL column without a default breaks code that inserts rows"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        statement.effects.compatibility.filter { $0.kind == .addsRequiredColumn }.map { change in
            patch.finding(Self.self, statement, change.message,
                          help: "add the column nullable (or with a constant default), backfill it in batches, then SET NOT NULL after a validated CHECK (col IS NOT NULL)")
        }
    }
}
