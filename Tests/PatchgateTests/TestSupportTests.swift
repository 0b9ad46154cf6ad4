import Foundation
import Testing

/// The harness that runs the binary and other tools for the end-to-end tests.
struct TestSupportTests {
    /// `true` exits without reading: a megabyte on its input would fill the pipe and, written
    /// anyway, raise SIGPIPE in the test process.
    @Test func childThatLeavesItsInputUnreadDoesNotEndTheRun() throws {
        let run = try TestSupport.runProcess(URL(fileURLWithPath: "/bin/true"), [], stdin: Data(count: 1 << 20))
        #expect(run.status == 0)
    }
}
