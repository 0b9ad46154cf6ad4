extension RuleRegistry {
    /// The rule ids a mistyped one most likely meant, best first: those whose words start with
    /// the typed words (`drop-column` → `dropping-column`), then those a few edits away.
    public static func likelyIDs(for typed: String) -> [String] {
        let query = typed.lowercased()
        let words = query.split(separator: "-")
        let ids = all.map(\.id)
        let byWords = ids.filter { id in
            let idWords = id.split(separator: "-")
            return !words.isEmpty && words.allSatisfy { word in idWords.contains { $0.hasPrefix(word) } }
        }
        let limit = max(2, query.count / 4)
        let byEdits = ids.map { ($0, editDistance(query, $0)) }.filter { $0.1 <= limit }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        var seen = Set<String>()
        return (byWords.sorted { editDistance(query, $0) < editDistance(query, $1) } + byEdits)
            .filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }

    /// Levenshtein distance over Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        var previous = Array(0...b.count)
        for i in stride(from: 1, through: a.count, by: 1) {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
