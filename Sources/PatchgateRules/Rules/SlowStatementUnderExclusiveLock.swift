import PatchgateEffects
import PatchgateSyntax

/// Inside a transaction every lock is held until COMMIT: slow work on a table that an earlier
/// statement locked against writes keeps that table blocked for all of it.
struct SlowStatementUnderExclusiveLock: StatementRule {
    static let id = "slow-statement-under-exclusive-lock"
    static let defaultSeverity = Severity.error
    static let verdict = Verdict.rejected
    static let summary = "slow work on a table an earlier statement of the transaction locked against writes"
    static let isTimeBound = true

    func check(_ statement: AnalyzedStatement, in patch: PatchContext) -> [Finding] {
        SlowWork.tables(of: statement).compactMap { table, work in
            guard let held = statement.context.heldLock(on: table), held.mode.blocksWrites else { return nil }
            let line = patch.statement(numbered: held.sinceStatement).map { patch.source.position(of: $0.parsed.span.start).line }
            let since = line.map { " since line \($0)" } ?? ""
            return patch.finding(Self.self, statement,
                                 "\(work) \(table) while this transaction holds \(held.mode.pgLocksName) on it\(since): the table stays blocked for the whole statement",
                                 help: "move this statement to a patch of its own, applied after the one that takes the lock has committed")
        }
    }
}

/// The slow things a statement does to each table that existed (or was filled) before it.
enum SlowWork {
    static func tables(of statement: AnalyzedStatement) -> [(QualifiedName, String)] {
        let effects = statement.effects
        // Built in place: most statements do no slow work, and concatenating mapped arrays
        // allocated for them all the same.
        var work: [(QualifiedName, String)] = []
        var seen = Set<QualifiedName>()
        func add(_ table: QualifiedName, _ what: String) {
            if !statement.context.isEmptyNew(table), seen.insert(table).inserted { work.append((table, what)) }
        }
        for table in effects.rewrites { add(table, "rewrites") }
        for table in effects.scans { add(table, "scans") }
        for build in effects.indexBuilds where !build.isOnEmptyTable {
            if let table = build.table { add(table, "builds an index on") }
        }
        for table in effects.wholeTableWrites { add(table, "writes every row of") }
        return work
    }
}
