import Foundation
import Glibc

/// One directory's entries, each classified once: the shared step of the input walk and of a
/// series directory's listing. Listing a directory and asking once per entry is several times
/// faster than FileManager's enumerator, which stats and wraps every entry on its own.
public enum DirectoryEntries {
    public enum Kind: Equatable {
        case file, directory, danglingLink
        /// A FIFO, socket or device: opening one found in a walk could wait forever.
        case special(String)
    }

    public typealias Entry = (name: String, path: String, kind: Kind)

    /// Empty when the directory cannot be read (see `entries` for why).
    public static func list(_ directory: String, knownFiles: Set<String> = []) -> [Entry] {
        (try? entries(directory, knownFiles: knownFiles).get()) ?? []
    }

    /// The entries, links followed: a link to a directory is a directory, a link to nothing is
    /// dangling. Paths in `knownFiles` are files without a `stat` call (a run has just found
    /// them to be, one call each). The failure is the system's reason, such as "Permission denied".
    public static func entries(_ directory: String, knownFiles: Set<String> = []) -> Result<[Entry], ListingFailure> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return .failure(ListingFailure(reason: reasonForUnlistable(directory)))
        }
        return .success(names.map { name in
            let path = directory + "/" + name
            return (name, path, knownFiles.contains(path) ? .file : kind(of: path) ?? .danglingLink)
        })
    }

    public struct ListingFailure: Error {
        public let reason: String
    }

    /// What is at `path`, links followed; nil when nothing is. One `stat` call: FileManager's
    /// `fileExists` costs several times more, once per patch of a run.
    public static func kind(of path: String) -> Kind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .special(BoundedRead.specialKind(status.st_mode) ?? "not a file")
        }
    }

    /// FileManager's error says only that the listing failed; opendir's errno says why.
    private static func reasonForUnlistable(_ directory: String) -> String {
        guard let handle = opendir(directory) else { return String(cString: strerror(errno)) }
        closedir(handle)
        return "cannot list its entries"
    }
}
