import PatchgateSyntax

/// The rows a patch inserts into `LaunchpadDatabaseRevision`, read from the typed INSERT.
enum LaunchpadRevisionRows {
    /// The parser folds the unquoted name to lower case; a schema, if written, is `public`'s.
    static func isRevisionTable(_ table: QualifiedName) -> Bool {
        table.name.lowercased() == "launchpaddatabaserevision"
    }

    /// One inserted row: the revision it names, or nil when its values are not three integer
    /// constants for (major, minor, patch).
    static func revisions(in insert: Insert) -> [LaunchpadRevision?] {
        let order = insert.columns.isEmpty ? ["major", "minor", "patch"] : insert.columns.map { $0.lowercased() }
        return insert.rows.map { row in
            func value(_ column: String) -> Int? {
                guard let position = order.firstIndex(of: column), position < row.count,
                      case .constant(.integer(let number)) = row[position] else { return nil }
                return number
            }
            guard let major = value("major"), let minor = value("minor"), let patch = value("patch") else { return nil }
            return LaunchpadRevision(major: major, minor: minor, patch: patch)
        }
    }
}
