import PatchgateRules

/// GitHub refuses a comment over 65,536 characters, and a report that is refused shows the
/// reviewer nothing. The Markdown report keeps under it: files in review order, whole while
/// they fit, then without their effects tables, then counted in a closing note.
enum CommentLimit {
    /// GitHub's limit, counted in UTF-16 units: at least as many as characters however they
    /// are counted.
    static let characters = 65_536
    /// Room kept for the closing note and a `</details>`.
    static let reserve = 700

    static func size(_ text: String) -> Int { text.utf16.count }

    /// `3 files (1 rejected, 2 hot)`.
    static func unlisted(_ files: ArraySlice<FileResult>) -> String {
        let counts = [Verdict.rejected, .invalid, .downtime, .hot].compactMap { verdict -> String? in
            let count = files.count { $0.verdict == verdict }
            return count == 0 ? nil : "\(count) \(verdict.rawValue)"
        }
        return "\(FileBanner.counted(files.count, "more file")) (\(counts.joined(separator: ", ")))"
    }

    static func note(omitted files: ArraySlice<FileResult>) -> String {
        "\n---\n\n**Cut to fit GitHub's \(characters)-character comment limit:** \(unlisted(files)) not shown here. "
            + "The HTML report (`--format html`) and the JSON report hold every file.\n"
    }
}
