import PatchgateEffects
import PatchgateSyntax

/// Running code uses the old name until it is redeployed; a view under the old name, created
/// in the same patch, keeps it working (a single-table view is updatable).
struct RenamingTable: CompatibilityRule {
    static let id = "renaming-table"
    static let summary = "RENAME TABLE breaks code that uses the old name"
    static let breakKind = CompatibilityBreak.Kind.renamesTable
    static let help = "rename the table and create an updatable view under the old name in the same patch, then drop the view once no code uses it"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        statement.effects.compatibility.filter { $0.kind == Self.breakKind }.compactMap { change in
            let later = patch.statements[(patch.position(ofStatement: statement.parsed.index) ?? patch.statements.count - 1) + 1 ..< patch.statements.count]
            let keepsOldName = later.contains { candidate in
                guard case .createView(let view) = candidate.syntax else { return false }
                return candidate.effects.created.contains { $0.description == change.object }
                    || view.name.resolved(in: "public").description == change.object
            }
            return keepsOldName ? nil : patch.finding(Self.self, statement, change.message, help: Self.help)
        }
    }
}
