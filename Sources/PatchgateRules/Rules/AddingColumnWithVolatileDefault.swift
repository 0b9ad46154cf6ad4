import PatchgateEffects
import PatchgateSyntax

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
            let why: String, column: String
            switch reason {
            case .volatileDefault(let name): (why, column) = ("\(name) has a volatile default", name)
            case .serialColumn(let name): (why, column) = ("\(name) is serial: its default calls nextval(), which is volatile", name)
            default: return nil
            }
            return patch.finding(Self.self, statement,
                                 "ADD COLUMN rewrites \(table) under ACCESS EXCLUSIVE: \(why), so every existing row gets its own value",
                                 help: Self.help(column: column, isNotNull: Self.isNotNull(column, in: statement.syntax)))
        }
    }

    /// Without its NOT NULL the column can be added at once; with it, a default has to fill the
    /// existing rows, so the fix takes several deploys (see the page's first step).
    static func help(column: String, isNotNull: Bool) -> String {
        guard isNotNull else {
            return "add the column without a default (or with a constant one), then SET DEFAULT, and backfill existing rows in batches"
        }
        return "this takes several deploys: first ADD COLUMN \(column) without NOT NULL or DEFAULT, then ALTER COLUMN \(column) SET DEFAULT "
            + "for new rows; next backfill existing rows in batches; last add CHECK (\(column) IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL"
    }

    static func isNotNull(_ column: String, in syntax: Statement) -> Bool {
        guard case .alterTable(let alter) = syntax else { return false }
        return alter.actions.contains { action in
            if case .addColumn(let definition, _) = action { return definition.name == column && definition.isNotNull }
            return false
        }
    }
}
