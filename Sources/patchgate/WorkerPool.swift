import Foundation

/// Runs one job per item on `count` threads with large stacks: libpg_query recurses once per
/// operator and a deep statement needs far more than the default 8 MB. Results come back in
/// item order, whatever order the threads finish in.
enum WorkerPool {
    static let stackSize = 1 << 30

    static func map<Item, Output>(_ items: [Item], threads count: Int, _ job: @escaping (Item) -> Output) -> [Output] {
        let results = ResultSlots<Output>(count: items.count)
        let done = DispatchGroup()
        for _ in 0..<max(1, min(count, items.count)) {
            done.enter()
            let thread = Thread {
                while let index = results.claimNext() {
                    results.store(job(items[index]), at: index)
                }
                done.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        done.wait()
        return results.values
    }
}

/// One slot per item, each claimed and written by exactly one worker.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var slots: [Output?]
    private var nextIndex = 0
    private let lock = NSLock()

    func claimNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < slots.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Output, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Output] { slots.compactMap { $0 } }
}
