import PatchgateEffects

/// Code names types, enum labels and schemas as it names columns: the running code still
/// spells the old name until it is redeployed.
struct RenamingTypeOrSchema: StatementRule {
    static let id = "renaming-type-or-schema"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "renaming a type, an enum value or a schema breaks code that uses the old name"
    static let kinds: Set<CompatibilityBreak.Kind> = [.renamesType, .renamesEnumValue, .renamesSchema]

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        statement.effects.compatibility.filter { Self.kinds.contains($0.kind) }.map {
            patch.finding(Self.self, statement, $0.message,
                          help: "add the new name beside the old one (a new enum value, a new schema or type), move the code to it, and drop the old name in a later patch")
        }
    }
}
