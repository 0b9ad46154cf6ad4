import PatchgateSource

/// A file a runner reads beside a migration (Flyway's `<script>.conf`, Diesel's
/// `metadata.toml`), read as every input is: bounded, and never waiting on a FIFO.
enum RunnerFile {
    enum Contents {
        case absent
        case text(String)
        /// There, but not readable: the reason, which the runner reports as the tool would fail.
        case unreadable(String)
    }

    static func contents(atPath path: String) -> Contents {
        guard DirectoryEntries.kind(of: path) != nil else { return .absent }
        switch BoundedRead.file(atPath: path, opensSpecialFiles: false) {
        case .success(let bytes): return .text(String(decoding: bytes, as: UTF8.self))
        case .failure(let error): return .unreadable(error.message)
        }
    }
}
