/// Bytes that are not UTF-8 cannot be PostgreSQL patch text.
struct InvalidUTF8: Rule {
    static let id = "invalid-utf8"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "the file is not UTF-8 text"

    func findings(in patch: PatchContext) -> [Finding] { [] }
}
