import Foundation
import Glibc
import PatchgateRunners
import PatchgateSource

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
                let walk = sqlFiles(under: argument)
                errors += walk.errors
                let found = walk.files
                let selected = selection.map { selection in found.filter { selection.selects($0.path) } } ?? found
                if found.isEmpty, walk.errors.isEmpty {
                    errors.append(.unreadable(path: argument, reason: "directory holds no .sql file"))
                } else if selected.isEmpty, !found.isEmpty, let selection {
                    errors.append(.unreadable(path: argument, reason: "no .sql file below it matches the include/exclude of \(selection.configPath)"))
                }
                files += selected.map { InputFile(path: $0.path, isKnownFile: $0.kind == .file) }
            } else {
                files.append(InputFile(path: argument, isKnownFile: kind == .file))
            }
        }
        return (files, errors)
    }

    private struct Walk {
        var files: [(path: String, kind: DirectoryEntries.Kind)] = []
        /// Directories that cannot be listed and `.sql` entries that are not files: said, not skipped.
        var errors: [InputError] = []
        var visited = Set<String>()
    }

    private static func sqlFiles(under directory: String) -> Walk {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var walk = Walk()
        self.walk(base, into: &walk)
        return walk
    }

    private static func walk(_ directory: String, into walk: inout Walk) {
        // A link back up the tree is walked once, not forever.
        guard walk.visited.insert(URL(fileURLWithPath: directory).resolvingSymlinksInPath().path).inserted else { return }
        switch DirectoryEntries.entries(directory) {
        case .failure(let failure):
            walk.errors.append(.unreadable(path: directory, reason: "cannot list the directory: \(failure.reason)"))
        case .success(let entries):
            for entry in entries {
                if entry.kind == .directory {
                    self.walk(entry.path, into: &walk)
                } else if entry.name.hasSuffix(".sql") {
                    if case .special(let what) = entry.kind {
                        walk.errors.append(.unreadable(path: entry.path, reason: "not a regular file (\(what))"))
                    } else {
                        // A dangling link is kept, so that reading it reports the problem instead of skipping it.
                        walk.files.append((entry.path, entry.kind))
                    }
                }
            }
        }
    }

    /// The staged .sql files (added, copied, modified or renamed), for a pre-commit hook, named
    /// from the working directory: `git show :../x.sql` reads them by that name too.
    static func staged() throws -> [InputFile] {
        let place = try Git.place()
        return try Git.fields(["diff", "--cached", "-z", "--name-only", "--diff-filter=ACMR", "--", Git.sqlPathspec])
            .map { InputFile(path: place.relative($0), origin: .staged) }
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
