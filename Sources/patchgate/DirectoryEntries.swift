import Foundation
import Glibc

/// One directory's entries, each classified once: the shared step of the input walk and of a
/// series directory's listing. Listing a directory and asking once per entry is several times
/// faster than FileManager's enumerator, which stats and wraps every entry on its own.
enum DirectoryEntries {
    enum Kind { case file, directory, danglingLink }

    /// Empty when the directory cannot be read. Links are followed: a link to a directory is a
    /// directory, a link to nothing is dangling. Paths in `knownFiles` are files without a
    /// `stat` call (a run has just found them to be, one call each).
    static func list(_ directory: String, knownFiles: Set<String> = []) -> [(name: String, path: String, kind: Kind)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.map { name in
            let path = directory + "/" + name
            return (name, path, knownFiles.contains(path) ? .file : kind(of: path) ?? .danglingLink)
        }
    }

    /// What is at `path`, links followed; nil when nothing is. One `stat` call: FileManager's
    /// `fileExists` costs several times more, once per patch of a run.
    static func kind(of path: String) -> Kind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }
}
