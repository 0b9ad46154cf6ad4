import PatchgateSyntax

/// What the patch did, statement by statement: the relations it created or filled and the locks
/// its transactions held. Every statement's context reads it as it stood when the statement
/// started (entries of earlier statements only), so no context copies sets that grow with the
/// patch: a 5,000-statement baseline no longer holds 5,000 snapshots of them.
public final class PatchLedger: @unchecked Sendable {
    // Written only by the analysis of one file, before any context is handed out to readers
    // on other threads; read-only afterwards.
    private struct Creation { let statement: Int; let isEmpty: Bool }
    private struct LockChange { let statement: Int; let held: HeldLock? }

    private var creations: [QualifiedName: [Creation]] = [:]
    private var lockChanges: [QualifiedName: [LockChange]] = [:]
    private var lockedInTransaction: [Int: [QualifiedName]] = [:]

    init() {}

    func recordCreation(_ relation: QualifiedName, isEmpty: Bool, by statement: Int) {
        creations[relation, default: []].append(Creation(statement: statement, isEmpty: isEmpty))
    }

    func recordLock(_ relation: QualifiedName, _ held: HeldLock, by statement: Int, transaction: Int) {
        if lockChanges[relation]?.last?.held == nil { lockedInTransaction[transaction, default: []].append(relation) }
        lockChanges[relation, default: []].append(LockChange(statement: statement, held: held))
    }

    func recordRelease(_ relations: some Sequence<QualifiedName>, by statement: Int) {
        for relation in relations { lockChanges[relation, default: []].append(LockChange(statement: statement, held: nil)) }
    }

    func isCreated(_ relation: QualifiedName, before statement: Int) -> Bool {
        last(creations[relation], before: statement, position: \.statement) != nil
    }

    func isEmptyNew(_ relation: QualifiedName, before statement: Int) -> Bool {
        last(creations[relation], before: statement, position: \.statement)?.isEmpty ?? false
    }

    func heldLock(on relation: QualifiedName, before statement: Int) -> HeldLock? {
        last(lockChanges[relation], before: statement, position: \.statement)?.held
    }

    func heldLocks(before statement: Int, transaction: Int) -> [QualifiedName: HeldLock] {
        var held: [QualifiedName: HeldLock] = [:]
        for relation in lockedInTransaction[transaction] ?? [] {
            if let lock = heldLock(on: relation, before: statement) { held[relation] = lock }
        }
        return held
    }

    /// The last entry of an earlier statement: entries are appended in statement order.
    private func last<Entry>(_ entries: [Entry]?, before statement: Int, position: KeyPath<Entry, Int>) -> Entry? {
        guard let entries else { return nil }
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle][keyPath: position] < statement { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? entries[low - 1] : nil
    }
}
