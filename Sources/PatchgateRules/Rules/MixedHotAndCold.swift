import PatchgateEffects

/// A file that needs the downtime window cannot also hold statements that must run outside a
/// transaction: the window applies cold patches in one transaction, live patches run alone.
struct MixedHotAndCold: Rule {
    static let id = "mixed-hot-and-cold"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "the file mixes downtime statements with ones that must run outside a transaction"

    /// A statement is not mixed with itself: alone in its file, one that needs the window and
    /// must run outside a transaction is applied in the window outside a transaction.
    func findings(in patch: PatchContext) -> [Finding] {
        let cold = patch.earlierFindings.filter { $0.verdict == .downtime }.compactMap(\.statementIndex)
        let outside = patch.statements.filter { !$0.effects.isTransactional }
        guard let first = outside.first(where: { candidate in cold.contains { $0 != candidate.parsed.index } }),
              let coldIndex = cold.filter({ $0 != first.parsed.index }).min(),
              let coldStatement = patch.statement(numbered: coldIndex) else { return [] }
        let coldLine = patch.source.position(of: coldStatement.parsed.span.start).line
        return [patch.finding(Self.self, first,
                              "\(first.syntax.displayName) must run outside a transaction, but line \(coldLine) needs the downtime window, where the file is applied in one",
                              help: "split the file: the cold statements in one patch, each statement that must run outside a transaction in a live patch of its own")]
    }
}
