/// A NUL byte means a binary file: PostgreSQL text never holds one.
struct BinaryFile: Rule {
    static let id = "binary-file"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.invalid
    static let summary = "the file holds NUL bytes: it is binary, not SQL"

    func findings(in patch: PatchContext) -> [Finding] { [] }
}
