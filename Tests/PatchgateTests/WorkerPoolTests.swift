import Foundation
import Testing
@testable import patchgate

/// The pool hands results over in order and returns only when every hand-over has finished:
/// the run writes the JSON tail and the summary right after it.
struct WorkerPoolTests {
    final class Consumed: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int] = []
        func append(_ value: Int) { lock.lock(); values.append(value); lock.unlock() }
        var all: [Int] { lock.lock(); defer { lock.unlock() }; return values }
    }

    @Test(arguments: [1, 2, 4])
    func everyResultIsConsumedInOrderBeforeForEachReturns(threads: Int) {
        let consumed = Consumed()
        WorkerPool.forEach(Array(0..<12), threads: threads, { $0 }) { value in
            // A slow hand-over of the last result is what a run's last file looks like.
            if value == 11 { Thread.sleep(forTimeInterval: 0.2) }
            consumed.append(value)
        }
        #expect(consumed.all == Array(0..<12))
    }
}
