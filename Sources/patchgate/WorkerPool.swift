import Foundation

/// Runs one job per item on `count` threads with large stacks: libpg_query recurses once per
/// operator and a deep statement needs far more than the default 8 MB. Results are consumed in
/// item order as soon as each is ready, so a run's output streams out and its memory stays flat
/// however many files it checks.
enum WorkerPool {
    static let stackSize = 1 << 30
    /// How far workers may run ahead of the oldest unconsumed result: bounds the results held
    /// in memory when one slow file keeps the ones after it waiting.
    static let window = 64
    /// `--jobs` past this is refused, and a machine with more cores uses this many: a thread
    /// past `window` would never get a file, and each reserves `stackSize` of address space.
    static let maximumThreads = window

    /// `consume` runs once per item, in item order, never two at a time, on whichever worker
    /// finished the next result (handing each result to one thread would cost a thread switch
    /// per file); `forEach` returns when every result has been consumed.
    static func forEach<Item, Output>(
        _ items: [Item], threads count: Int, _ job: @escaping (Item) -> Output, consume: @escaping (Output) -> Void
    ) {
        let results = OrderedResults<Output>(count: items.count, window: window, consume: consume)
        for _ in 0..<max(1, min(count, items.count, maximumThreads)) {
            let thread = Thread {
                while let index = results.claimNext() {
                    results.finish(index, with: job(items[index]))
                }
            }
            thread.stackSize = stackSize
            thread.start()
        }
        results.waitUntilConsumed()
    }

    /// All results at once, in item order.
    static func map<Item, Output>(_ items: [Item], threads count: Int, _ job: @escaping (Item) -> Output) -> [Output] {
        let collected = Collected<Output>()
        forEach(items, threads: count, job) { collected.values.append($0) }
        return collected.values
    }
}

/// The results of `map`, appended by one worker at a time (see `forEach`).
private final class Collected<Output>: @unchecked Sendable {
    var values: [Output] = []
}

/// One slot per item: each claimed and filled by exactly one worker, then consumed in order by
/// whichever worker fills the slot the consumer is waiting for.
private final class OrderedResults<Output>: @unchecked Sendable {
    private var slots: [Output?]
    private var nextClaim = 0
    private var nextConsume = 0
    /// Results whose `consume` has returned: `nextConsume` moves on before it is called.
    private var consumed = 0
    private var isConsuming = false
    /// Workers waiting for the window to move on: only they (and the end of the run) need a
    /// wake-up, and waking the waiting caller once per file cost a thread switch per file.
    private var waitingClaimers = 0
    private let window: Int
    private let consume: (Output) -> Void
    private let condition = NSCondition()

    init(count: Int, window: Int, consume: @escaping (Output) -> Void) {
        slots = Array(repeating: nil, count: count)
        self.window = window
        self.consume = consume
    }

    func claimNext() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < slots.count, nextClaim >= nextConsume + window {
            waitingClaimers += 1
            condition.wait()
            waitingClaimers -= 1
        }
        guard nextClaim < slots.count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Stores a result; if no other worker is consuming, consumes every result that is next in
    /// order, outside the lock so that the other workers can go on storing.
    func finish(_ index: Int, with value: Output) {
        condition.lock()
        slots[index] = value
        guard !isConsuming else { condition.unlock(); return }
        isConsuming = true
        while nextConsume < slots.count, let next = slots[nextConsume] {
            slots[nextConsume] = nil
            nextConsume += 1
            condition.unlock()
            consume(next)
            condition.lock()
            consumed += 1
        }
        isConsuming = false
        if waitingClaimers > 0 || consumed == slots.count { condition.broadcast() }
        condition.unlock()
    }

    /// Returns once the last `consume` has returned, not merely started: the caller writes
    /// what comes after the last file.
    func waitUntilConsumed() {
        condition.lock()
        while consumed < slots.count { condition.wait() }
        condition.unlock()
    }
}
