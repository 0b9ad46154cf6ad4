import Foundation
import Glibc
import PatchgateSource

/// One file to check: its display path and where to read it.
struct InputFile: Sendable {
    enum Origin: Sendable {
        case file, standardInput
        /// The content staged in git's index, not the working tree's.
        case staged
    }

    let path: String
    let origin: Origin
    /// The path was found to be a file (not a directory, not a dangling link) while the inputs
    /// were collected, so listing its directory need not ask again.
    var isKnownFile = false

    init(path: String, origin: Origin = .file, isKnownFile: Bool = false) {
        self.path = path
        self.origin = origin
        self.isKnownFile = isKnownFile
    }
}

/// Expands the command line's paths: files as given, directories to every `*.sql` below
/// them (those the configuration's include/exclude select), `-` to standard input, in the order
/// named (`Check` removes repeats and sorts, once, with the staged and changed files). Problems
/// are reported, and the other paths still run.
enum InputCollector {
    static func collect(_ arguments: [String], selection: InputSelection? = nil) -> (files: [InputFile], errors: [InputError]) {
        var files: [InputFile] = []
        var errors: [InputError] = []
        for argument in arguments {
            if argument == "-" {
                files.append(InputFile(path: "<stdin>", origin: .standardInput))
                continue
            }
            guard let kind = DirectoryEntries.kind(of: argument) else {
                errors.append(.unreadable(path: argument, reason: "no such file or directory"))
                continue
            }
            if kind == .directory {
                let found = sqlFiles(under: argument)
                let selected = selection.map { selection in found.filter { selection.selects($0.path) } } ?? found
                if found.isEmpty {
                    errors.append(.unreadable(path: argument, reason: "directory holds no .sql file"))
                } else if selected.isEmpty, let selection {
                    errors.append(.unreadable(path: argument, reason: "no .sql file below it matches the include/exclude of \(selection.configPath)"))
                }
                files += selected.map { InputFile(path: $0.path, isKnownFile: $0.kind == .file) }
            } else {
                files.append(InputFile(path: argument, isKnownFile: true))
            }
        }
        return (files, errors)
    }

    private static func sqlFiles(under directory: String) -> [(path: String, kind: DirectoryEntries.Kind)] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var found: [(path: String, kind: DirectoryEntries.Kind)] = []
        var visited = Set<String>()
        walk(base, into: &found, visited: &visited)
        return found
    }

    private static func walk(_ directory: String, into found: inout [(path: String, kind: DirectoryEntries.Kind)], visited: inout Set<String>) {
        // A link back up the tree is walked once, not forever.
        guard visited.insert(URL(fileURLWithPath: directory).resolvingSymlinksInPath().path).inserted else { return }
        for entry in DirectoryEntries.list(directory) {
            if entry.kind == .directory {
                walk(entry.path, into: &found, visited: &visited)
            } else if entry.name.hasSuffix(".sql") {
                // A dangling link is kept, so that reading it reports the problem instead of skipping it.
                found.append((entry.path, entry.kind))
            }
        }
    }

    /// The staged .sql files (added, copied, modified or renamed), for a pre-commit hook.
    static func staged() throws -> [InputFile] {
        try Git.lines(["diff", "--cached", "--name-only", "--diff-filter=ACMR", "--", "*.sql"]).map { InputFile(path: $0, origin: .staged) }
    }

    static func read(_ file: InputFile) -> Result<[UInt8], InputError> {
        switch file.origin {
        case .standardInput: return .success(Array(FileHandle.standardInput.readDataToEndOfFile()))
        case .staged:
            do {
                return .success(Array(try Git.run(["show", ":" + file.path])))
            } catch let failure as Git.Failure {
                return .failure(.unreadable(path: file.path, reason: failure.message))
            } catch {
                return .failure(.unreadable(path: file.path, reason: error.localizedDescription))
            }
        case .file: break
        }
        return readFile(at: file.path)
    }

    /// The bytes of a file, read straight into the array: a FileHandle copies them twice more
    /// (into NSData, then Data), for every patch of a run.
    private static func readFile(at path: String) -> Result<[UInt8], InputError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(path: path, reason: systemError())) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(path: path, reason: systemError())) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .failure(.unreadable(path: path, reason: "permission denied or not a regular file"))
        }
        // One byte more than the size, so a file that grew meanwhile is noticed and read on.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let read = bytes[count...].withContiguousMutableStorageIfAvailable { Glibc.read(descriptor, $0.baseAddress, $0.count) } ?? -1
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return .failure(.unreadable(path: path, reason: systemError())) }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}
