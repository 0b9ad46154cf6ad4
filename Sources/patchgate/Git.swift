import Foundation

/// The few git questions patchgate asks, through the git command line.
enum Git {
    struct Failure: Error {
        let message: String
    }

    /// git's standard output, at most `outputLimit` bytes plus one (git is stopped there).
    /// Standard error is drained on another thread meanwhile: git can write more warnings
    /// than a pipe holds (one per file with core.autocrlf) and would wait forever for a reader.
    static func run(_ arguments: [String], in directory: String? = nil, outputLimit: Int = .max) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorText = DrainedPipe(errors.fileHandleForReading)
        var data = Data()
        while data.count <= outputLimit, let chunk = try? output.fileHandleForReading.read(upToCount: 1 << 16), !chunk.isEmpty {
            data += chunk
        }
        let isCut = data.count > outputLimit
        if isCut { process.terminate() }
        try? output.fileHandleForReading.close()
        let message = String(decoding: errorText.wait(), as: UTF8.self)
        process.waitUntilExit()
        guard isCut || process.terminationStatus == 0 else {
            throw Failure(message: "git \(arguments.joined(separator: " ")): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }

    static func lines(_ arguments: [String]) throws -> [String] {
        String(decoding: try run(arguments), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The NUL-separated fields of a `-z` output: paths exactly as stored, never quoted.
    static func fields(_ arguments: [String]) throws -> [String] {
        try run(arguments).split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Where the working directory is in the work tree: git prints paths from the top, and
    /// patchgate names files from here, as the user would type them.
    struct Place {
        /// `../../`, or empty at the top.
        let pathToTop: String
        /// `db/migrations/`, or empty at the top.
        let pathFromTop: String

        /// A path from the top as seen from here: `x.sql` below here, `../other/x.sql` elsewhere.
        /// `git show :../other/x.sql` reads the same way.
        func relative(_ pathFromTheTop: String) -> String {
            pathFromTheTop.hasPrefix(pathFromTop) ? String(pathFromTheTop.dropFirst(pathFromTop.count)) : pathToTop + pathFromTheTop
        }
    }

    static func place() throws -> Place {
        // Both in one call; --show-prefix prints an empty line at the top.
        let lines = String(decoding: try run(["rev-parse", "--show-cdup", "--show-prefix"]), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Place(pathToTop: lines.first ?? "", pathFromTop: lines.count > 1 ? lines[1] : "")
    }

    /// The `*.sql` files of the whole work tree, wherever in it patchgate runs.
    static let sqlPathspec = ":(top)*.sql"
}

/// One pipe read to its end on another thread.
private final class DrainedPipe: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = (try? handle.readToEnd()) ?? Data()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// `--changed-since REV`: the patches added or modified since the merge base with REV (the
/// working tree included), and the ones deleted. A modified patch that already exists at the
/// merge base has landed, and landed patches are immutable. Paths are relative to the working
/// directory, as the other inputs are.
struct ChangedPatches {
    var added: [String] = []
    var modifiedLanded: [String] = []
    var deleted: [String] = []

    static func since(_ revision: String) throws -> ChangedPatches {
        let place = try Git.place()
        let base = try MergeBase.find(with: revision)
        var changes = ChangedPatches()
        // With -z each entry is a status field, then the path field.
        let fields = try Git.fields(["diff", "-z", "--name-status", "--no-renames", base, "--", Git.sqlPathspec])
        for index in stride(from: 0, to: fields.count - 1, by: 2) {
            let path = place.relative(fields[index + 1])
            switch fields[index] {
            case "A": changes.added.append(path)
            case "D": changes.deleted.append(path)
            default: changes.modifiedLanded.append(path)
            }
        }
        changes.added += try Git.fields(["ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--", Git.sqlPathspec])
            .map(place.relative)
        changes.added.sort()
        return changes
    }
}
