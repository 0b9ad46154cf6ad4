import PatchgateEffects

/// A volatile default (clock_timestamp(), random(), gen_random_uuid(), nextval via serial)
/// gives each row its own value, so PostgreSQL rewrites the whole table under ACCESS EXCLUSIVE.
struct AddingColumnWithVolatileDefault: StatementRule {
    static let id = "adding-column-with-volatile-default"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "ADD COLUMN with a volatile default rewrites the table"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard let table = statement.effects.rewrites.first, !statement.context.isEmptyNew(table) else { return [] }
        return statement.effects.rewriteReasons.compactMap { reason in
            let why: String
            switch reason {
            case .volatileDefault(let column): why = "\(column) has a volatile default"
            case .serialColumn(let column): why = "\(column) is serial: its default calls nextval(), which is volatile"
            default: return nil
            }
            return patch.finding(Self.self, statement,
                                 "ADD COLUMN rewrites \(table) under ACCESS EXCLUSIVE: \(why), so every existing row gets its own value",
                                 help: "add the column without a default (or with a constant one), then SET DEFAULT, and backfill existing rows in batches")
        }
    }
}
