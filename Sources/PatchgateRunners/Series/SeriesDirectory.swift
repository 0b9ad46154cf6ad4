import Foundation
import PatchgateSource

/// The files below a series root that its layout can see: names relative to the root, two
/// directory levels deep at most (Diesel's `<version>_<name>/up.sql`, sqitch's `deploy/x.sql`).
struct SeriesDirectory: Sendable {
    /// "" for the current directory, otherwise a path without a trailing slash.
    let root: String
    /// Relative names of the regular files directly in the root, sorted bytewise so that every
    /// layout starts from the same order.
    let topLevelFiles: [String]
    /// The files in a subdirectory (the per-migration directories' files), in the same order.
    let nestedFiles: [String]
    /// Every name, to look one up without a search per lookup.
    private let names: Set<String>
    private let failures = ReadFailures()

    init(root: String, files: [String]) {
        self.root = root
        let sorted = BytewiseOrder.sorted(files)
        let isNested = { (name: String) in name.utf8.contains(UInt8(ascii: "/")) }
        topLevelFiles = sorted.filter { !isNested($0) }
        nestedFiles = sorted.filter(isNested)
        names = Set(files)
    }

    /// The series directory at `root`; `knownFiles` are paths already known to be files.
    static func read(_ root: String, knownFiles: Set<String> = []) -> SeriesDirectory {
        SeriesDirectory(root: root, files: listing(root.isEmpty ? "." : root, prefix: "", depth: 2, knownFiles: knownFiles))
    }

    func path(_ relative: String) -> String { Self.join(root, relative) }

    static func join(_ directory: String, _ relative: String) -> String {
        directory.isEmpty ? relative : directory + "/" + relative
    }

    func contains(_ relative: String) -> Bool { names.contains(relative) }

    /// A file the layout reads itself (a sqitch plan, a Flyway script's `.conf`): nil when there
    /// is none. One that is there but cannot be read (a FIFO, past the input limit, unreadable)
    /// is nil too, and kept in `unreadable`: the run reports it, and never waits on a FIFO.
    func contents(_ relative: String) -> String? {
        switch RunnerFile.contents(atPath: path(relative)) {
        case .absent: return nil
        case .text(let text): return text
        case .unreadable(let error):
            failures.record(error)
            return nil
        }
    }

    /// The files `contents` found but could not read, by path.
    var unreadable: [InputError] { failures.all }

    /// Files directly in the root whose name ends with `suffix`.
    func topLevel(endingWith suffix: String) -> [String] {
        topLevelFiles.filter { $0.hasSuffix(suffix) }
    }

    /// The directory holding `path`: "" for a bare file name.
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    private static func listing(_ directory: String, prefix: String, depth: Int, knownFiles: Set<String>) -> [String] {
        guard depth > 0 else { return [] }
        return DirectoryEntries.list(directory, knownFiles: knownFiles).flatMap { entry -> [String] in
            switch entry.kind {
            case .directory: listing(entry.path, prefix: prefix + entry.name + "/", depth: depth - 1, knownFiles: knownFiles)
            case .file: [prefix + entry.name]
            // A FIFO or device is never part of a series: opening it could wait forever.
            case .danglingLink, .special: []
            }
        }
    }
}

/// The read failures of one directory's layout detection, which reads through a `let` value:
/// each file once, however often a layout asks for it.
private final class ReadFailures: @unchecked Sendable {
    private var byPath: [String: InputError] = [:]
    private let lock = NSLock()

    func record(_ error: InputError) {
        lock.withLock { byPath[error.path] = error }
    }

    var all: [InputError] {
        lock.withLock { byPath.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) } }
    }
}
