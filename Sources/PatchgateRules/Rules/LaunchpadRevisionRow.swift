import PatchgateEffects
import PatchgateSource
import PatchgateSyntax

/// upgrade.py aborts the whole fast downtime when a patch does not record itself in
/// LaunchpadDatabaseRevision, and refuses a file whose last non-blank character is not `;`
/// (patches are concatenated). A row for another revision makes that revision look applied.
struct LaunchpadRevisionRow: Rule {
    static let id = "launchpad-revision-row"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "a Launchpad patch must insert its own LaunchpadDatabaseRevision row and end with a semicolon"

    func findings(in patch: PatchContext) -> [Finding] {
        // A file without statements is empty-patch's to report; a file name upgrade.py skips
        // carries no revision to check.
        guard let revision = patch.launchpad?.revision, !patch.statements.isEmpty else { return [] }
        return rowFindings(revision, in: patch) + semicolonFindings(in: patch)
    }

    private func rowFindings(_ revision: LaunchpadRevision, in patch: PatchContext) -> [Finding] {
        var findsOwnRow = false
        var findings: [Finding] = []
        for statement in patch.statements {
            guard case .insert(let insert) = statement.syntax, LaunchpadRevisionRows.isRevisionTable(insert.table) else { continue }
            for row in LaunchpadRevisionRows.revisions(in: insert) {
                if row == revision { findsOwnRow = true; continue }
                let written = row.map { "the row of \($0)" } ?? "a row whose values are not three integer constants"
                findings.append(patch.finding(Self.self, statement,
                                              "the patch inserts \(written) into LaunchpadDatabaseRevision, but its file name says \(revision)",
                                              help: "insert exactly the file's own row: \(Self.insertText(revision))"))
            }
        }
        if !findsOwnRow, let last = patch.statements.last {
            findings.append(patch.finding(Self.self, last,
                                          "the patch never inserts its own row \(Self.rowText(revision)) into LaunchpadDatabaseRevision: upgrade.py aborts the update after applying it",
                                          help: "end the patch with \(Self.insertText(revision))"))
        }
        return findings
    }

    private func semicolonFindings(in patch: PatchContext) -> [Finding] {
        guard let last = patch.source.lastNonBlankCharacter, patch.source.text(last) != ";" else { return [] }
        return [patch.finding(Self.self, span: last, statementIndex: nil,
                              "the last non-blank character of the file is not a semicolon: upgrade.py refuses the file, because patches are concatenated",
                              help: "end the file with the semicolon of its last statement; put comments before it")]
    }

    private static func rowText(_ revision: LaunchpadRevision) -> String {
        "(\(revision.major), \(revision.minor), \(revision.patch))"
    }

    private static func insertText(_ revision: LaunchpadRevision) -> String {
        "INSERT INTO LaunchpadDatabaseRevision VALUES \(rowText(revision));"
    }
}
