import Foundation
import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax
import Testing

/// Paths and helpers shared by the tests.
enum TestSupport {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus` beside the repository, as CI lays it out.
    static var corpus: URL {
        if let shared = ProcessInfo.processInfo.environment["PATCHGATE_SHARED"] {
            return URL(fileURLWithPath: shared).appendingPathComponent("corpus")
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["PATCHGATE_BIN"] { return URL(fileURLWithPath: path) }
        return repositoryRoot.appendingPathComponent(".build/debug/patchgate")
    }

    static func check(_ sql: String, path: String = "test.sql", options: CheckOptions = CheckOptions()) -> FileResult {
        Checker.check(path: path, bytes: Array(sql.utf8), options: options)
    }

    /// A catalog from schema SQL, as `--schema` builds it.
    /// An unreadable schema, or one PostgreSQL would reject, fails the test that uses it rather
    /// than leaving it a smaller catalog.
    static func catalog(_ schema: String, sourceLocation: SourceLocation = #_sourceLocation) -> Catalog {
        var catalog = Catalog()
        do {
            let problems = try CatalogLoader.load(path: "schema.sql", bytes: Array(schema.utf8), into: &catalog)
            for problem in problems { Issue.record("test schema: \(problem)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record(error, "test schema", sourceLocation: sourceLocation)
        }
        return catalog
    }

    static func parse(_ sql: String) throws -> ParsedPatch {
        PatchParser.parse(try SourceFile(path: "test.sql", bytes: Array(sql.utf8)))
    }

    struct Run {
        let stdout: String
        let stderr: String
        let status: Int32
        /// The bytes as written: decoding would hide a byte that is not UTF-8 behind U+FFFD.
        var raw: (stdout: Data, stderr: Data) = (Data(), Data())
    }

    /// Runs the built binary with a clean colour environment, from the repository root.
    static func run(_ arguments: [String], stdin: Data? = nil, directory: URL? = nil) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return try runProcess(binary, arguments, stdin: stdin ?? Data(), directory: directory ?? repositoryRoot, environment: environment)
    }

    /// Any child process: its output drained on other threads while `stdin` is written, so that
    /// neither side can fill a pipe and wait forever; terminated after `timeout` seconds if given.
    static func runProcess(_ executable: URL, _ arguments: [String], stdin: Data = Data(), directory: URL? = nil,
                           environment: [String: String]? = nil, timeout: TimeInterval? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        _ = ignoresBrokenPipes
        try process.run()
        let outData = ReadInBackground(out.fileHandleForReading)
        let errData = ReadInBackground(err.fileHandleForReading)
        // A child that exits before reading its input (a missing tool, an early error) must
        // fail its test, not end the whole test run with SIGPIPE.
        try? input.fileHandleForWriting.write(contentsOf: stdin)
        try? input.fileHandleForWriting.close()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer) }
        process.waitUntilExit()
        timer.cancel()
        let (stdout, stderr) = (outData.wait(), errData.wait())
        return Run(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                   status: process.terminationStatus, raw: (stdout, stderr))
    }

    /// Writing to a child that has exited then fails with EPIPE instead of killing this process.
    private static let ignoresBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("patchgate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Drains a pipe on another thread so that a large output cannot fill the pipe and deadlock.
final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

extension TestSupport {
    /// Runs `body` on a thread with a large stack, as the binary's workers do: libpg_query and
    /// tree walks recurse deeply on some corpus files.
    static func onLargeStack<T>(_ body: @escaping () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 1 << 30
        thread.start()
        done.wait()
        return box.value!
    }
}

final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
