import Foundation
import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// Which relation is locked in which mode during each statement of a file, read off the effects
/// model: a statement's own locks, and those its transaction still holds from earlier statements
/// (`StatementContext.heldLocks`). When the file ends inside a transaction, a last slot shows
/// what stays locked until its COMMIT.
struct LockTimeline {
    struct Slot {
        /// The statement's position in `FileResult.statements`; nil for the closing COMMIT.
        let statement: Int?
        let label: String
        let detail: String
        /// Estimated duration (0 for the closing COMMIT); the known part when `isKnown` is false.
        let seconds: Double
        /// False when a size the duration depends on is missing.
        let isKnown: Bool
        /// Data work while nothing is blocked: not downtime.
        let isLive: Bool

        /// Width on the time axis, in pixels: a logarithmic scale, `TimeScale`.
        var width: Double { statement == nil ? TimeScale.commitWidth : isKnown ? TimeScale.width(seconds) : TimeScale.unknownWidth }
    }

    /// Statements along the axis are as wide as the logarithm of their estimated time: a 0.05 s
    /// statement is `minimumWidth` wide, each tenfold longer time adds `widthPerDecade`, up to
    /// `decades` tenfolds (0.05 s × 10^6, 14 h); an unknown time is drawn the full width, hatched.
    /// Linear widths would make a file of one long build and a few catalog updates a single bar.
    enum TimeScale {
        static let minimumWidth = 30.0
        static let widthPerDecade = 50.0
        static let shortest = 0.05
        static let decades = 6.0
        static let commitWidth = 52.0
        static var unknownWidth: Double { minimumWidth + widthPerDecade * decades }

        static func width(_ seconds: Double) -> Double {
            guard seconds > shortest else { return minimumWidth }
            return minimumWidth + widthPerDecade * min(decades, log10(seconds / shortest))
        }
    }

    struct Segment {
        let slot: Int
        let mode: LockMode
        /// Requested by the statement of this slot (rather than held since an earlier one).
        let isTaken: Bool
    }

    struct Row {
        let relation: QualifiedName
        let segments: [Segment]
    }

    let slots: [Slot]
    let rows: [Row]
    let budgetSeconds: Double
    let clock: FileClock
    /// The slot where the longest block starts: the budget is counted from there.
    let budgetOrigin: Int?

    var isEmpty: Bool { rows.isEmpty }

    /// Where the budget runs out, in slot coordinates: the slot and the fraction of its time
    /// (drawn as that fraction of its width); nil when the file ends first or when a statement of
    /// unknown time comes first, as then nobody knows where.
    var budgetEnd: (slot: Int, fraction: Double)? {
        guard let origin = budgetOrigin else { return nil }
        var remaining = budgetSeconds
        for slot in origin..<slots.count where slots[slot].seconds > 0 {
            guard slots[slot].isKnown else { return nil }
            if remaining < slots[slot].seconds { return (slot, remaining / slots[slot].seconds) }
            remaining -= slots[slot].seconds
        }
        return nil
    }
    var endsInTransaction: Bool { slots.last.map { $0.statement == nil } ?? false }

    init(_ file: FileResult) {
        budgetSeconds = file.clock.budgetSeconds
        clock = file.clock
        guard let source = file.source else {
            slots = []
            rows = []
            budgetOrigin = nil
            return
        }
        var slots = file.statements.enumerated().map { position, statement in
            let line = source.position(of: statement.parsed.span.start).line
            let estimate = file.estimate.statements[position]
            let duration = EstimateText.duration(estimate) + (estimate.isLiveWork ? ", live work" : "")
            return Slot(statement: position, label: String(line),
                        detail: "line \(line): \(EffectRow.shortened(source.text(statement.parsed.span))) (\(duration))",
                        seconds: estimate.seconds, isKnown: estimate.isComplete, isLive: estimate.isLiveWork)
        }
        budgetOrigin = file.estimate.blockedTables.first.flatMap { blocked in
            file.statements.firstIndex { $0.parsed.index == blocked.sinceStatement }
        }
        var modes = file.statements.map(Self.modes)
        if let last = file.statements.last, Self.leavesTransactionOpen(last) {
            slots.append(Slot(statement: nil, label: "COMMIT", detail: "end of file: the transaction commits", seconds: 0, isKnown: true, isLive: false))
            modes.append(Self.heldAfter(last).mapValues { ($0, false) })
        }
        self.slots = slots
        rows = Self.relationsInOrder(file.statements).map { relation in
            Row(relation: relation, segments: modes.enumerated().compactMap { slot, held in
                held[relation].map { Segment(slot: slot, mode: $0.0, isTaken: $0.1) }
            })
        }
    }

    /// The strongest mode per relation during a statement, and whether the statement itself asks
    /// for it (a mode already held, or a weaker one, is only held on).
    private static func modes(_ statement: AnalyzedStatement) -> [QualifiedName: (LockMode, Bool)] {
        var modes = statement.context.heldLocks.mapValues { ($0.mode, false) }
        for lock in statement.effects.locks {
            if let held = modes[lock.relation], held.0 >= lock.mode { continue }
            modes[lock.relation] = (lock.mode, true)
        }
        return modes
    }

    private static func heldAfter(_ statement: AnalyzedStatement) -> [QualifiedName: LockMode] {
        var held = statement.context.heldLocks.mapValues(\.mode)
        for lock in statement.effects.locks { held[lock.relation] = max(lock.mode, held[lock.relation] ?? lock.mode) }
        return held
    }

    private static func leavesTransactionOpen(_ statement: AnalyzedStatement) -> Bool {
        guard statement.context.isInTransaction else { return false }
        if case .transaction(let control) = statement.syntax {
            switch control.kind {
            case .commit, .rollback, .prepare: return false
            case .begin, .savepoint, .release, .rollbackToSavepoint, .commitPrepared, .rollbackPrepared: return true
            }
        }
        return true
    }

    /// Relations in the order statements first lock them: deterministic, unlike the held-lock
    /// dictionaries.
    private static func relationsInOrder(_ statements: [AnalyzedStatement]) -> [QualifiedName] {
        var seen: Set<QualifiedName> = []
        var order: [QualifiedName] = []
        for statement in statements {
            let held = statement.context.heldLocks.keys.sorted()
            for relation in statement.effects.locks.map(\.relation) + held where seen.insert(relation).inserted {
                order.append(relation)
            }
        }
        return order
    }
}
