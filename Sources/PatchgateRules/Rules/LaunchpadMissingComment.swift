import PatchgateEffects
import PatchgateSyntax

/// Launchpad's schema documents itself: "New tables and columns need corresponding COMMENT
/// statements in your patch" (Database schema changes process).
struct LaunchpadMissingComment: Rule {
    static let id = "launchpad-missing-comment"
    static let defaultSeverity = Severity.warning
    static let verdict = Verdict.hot
    static let summary = "a Launchpad patch adds a table or column without a COMMENT ON it"

    func findings(in patch: PatchContext) -> [Finding] {
        guard patch.launchpad != nil else { return [] }
        let comments = Comments(patch.statements)
        return patch.statements.flatMap { check($0, comments: comments, in: patch) }
    }

    private func check(_ statement: AnalyzedStatement, comments: Comments, in patch: PatchContext) -> [Finding] {
        switch statement.syntax {
        case .createTable(let create) where !create.isTemporary && !comments.tables.contains(create.table.name):
            return [patch.finding(Self.self, statement,
                                  "new table \(create.table) has no COMMENT ON TABLE in this patch",
                                  help: "add COMMENT ON TABLE \(create.table) IS '…'; and a COMMENT ON COLUMN for each column a reader needs explained")]
        case .alterTable(let alter):
            let added = alter.actions.compactMap { action -> String? in
                if case .addColumn(let column, _) = action { return column.name }
                return nil
            }
            let missing = added.filter { !comments.columns.contains(Comments.Column(table: alter.table.name, column: $0)) }
            guard !missing.isEmpty else { return [] }
            let names = missing.map { "\(alter.table).\($0)" }
            return [patch.finding(Self.self, statement,
                                  "new column\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) \(names.count == 1 ? "has" : "have") no COMMENT ON COLUMN in this patch",
                                  help: names.map { "COMMENT ON COLUMN \($0) IS '…';" }.joined(separator: " "))]
        default:
            return []
        }
    }

    /// What the patch's `COMMENT ON TABLE` and `COMMENT ON COLUMN` statements describe
    /// (`IS NULL` removes a comment, so it does not count).
    private struct Comments {
        struct Column: Hashable { let table: String; let column: String }
        var tables: Set<String> = []
        var columns: Set<Column> = []

        init(_ statements: [AnalyzedStatement]) {
            for statement in statements {
                guard case .comment(let comment) = statement.syntax, comment.text != nil else { continue }
                switch comment.objectKind {
                case .table: if let name = comment.object.last { tables.insert(name) }
                case .column where comment.object.count >= 2:
                    columns.insert(Column(table: comment.object[comment.object.count - 2], column: comment.object[comment.object.count - 1]))
                default: break
                }
            }
        }
    }
}
