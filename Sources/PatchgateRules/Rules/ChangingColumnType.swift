import PatchgateEffects

/// ALTER COLUMN TYPE rewrites the table (and every index) unless the change is on PostgreSQL's
/// short no-rewrite list; even then CHECK constraints are re-verified, and a narrowing change
/// breaks code that writes the old range.
struct ChangingColumnType: StatementRule {
    static let id = "changing-column-type"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "ALTER COLUMN TYPE rewrites the table or breaks running code"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard case .alterTable(let alter) = statement.syntax, let table = statement.effects.locks.first?.relation,
              !statement.context.isEmptyNew(table) else { return [] }
        var findings: [Finding] = []
        for case .alterColumnType(let column, let type, _) in alter.actions {
            let breaks = statement.effects.compatibility.first { $0.kind == .changesColumnType && $0.object == "\(table).\(column)" }
            if statement.effects.rewriteReasons.contains(.typeChange(column: column)) {
                findings.append(patch.finding(Self.self, statement,
                    "changing \(table).\(column) to \(type) rewrites the table and rebuilds every index under ACCESS EXCLUSIVE",
                    help: "add a new column of the new type, fill it with a trigger and batched backfill, then switch readers and drop the old one"))
            } else if !statement.effects.scans.isEmpty {
                findings.append(patch.finding(Self.self, statement,
                    "changing \(table).\(column) to \(type) keeps the data but re-verifies its CHECK constraints with a full scan under ACCESS EXCLUSIVE",
                    help: "drop the CHECK first and add it back NOT VALID, then VALIDATE it in a later patch"))
            } else if let breaks {
                findings.append(patch.finding(Self.self, statement, breaks.message,
                    help: "add a new column of the new type and migrate readers and writers to it"))
            }
        }
        return findings
    }
}
