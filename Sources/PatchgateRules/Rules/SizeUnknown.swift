import PatchgateEffects

/// Slow work on a table of unknown size, while the application waits on a lock: nobody can say
/// whether it takes a second or an hour, so it cannot be planned into a window.
struct SizeUnknown: StatementRule {
    static let id = "size-unknown"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "slow work while tables are blocked, on a table whose size is unknown"

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        guard let estimate = patch.estimate(of: statement), estimate.isWhileBlocked else { return [] }
        let unknown = estimate.unknownSizes
        guard !unknown.isEmpty else { return [] }
        let names = unknown.map(\.description).joined(separator: ", ")
        let work = Set(estimate.inputs.filter { $0.bytes == nil }.map(\.operation.displayName)).sorted().joined(separator: ", ")
        let blocked = estimate.blocks.isEmpty ? "the tables its transaction locked earlier stay"
            : estimate.blocks.map(\.relation.description).joined(separator: ", ") + (estimate.blocks.count == 1 ? " stays" : " stay")
        return [patch.finding(Self.self, statement,
                              "the size of \(names) is unknown, so the \(work) cannot be timed while \(blocked) blocked",
                              help: "list \(names) in the --stats file (heapBytes, indexBytes), or pass --assume-small if it holds only a few rows")]
    }
}
