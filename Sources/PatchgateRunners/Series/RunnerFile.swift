import PatchgateSource

/// A file a series or its runner reads beside the migrations (a sqitch plan, Flyway's `<script>.conf`, Diesel's
/// `metadata.toml`), read as every input is: bounded, and never waiting on a FIFO.
enum RunnerFile {
    enum Contents {
        case absent
        case text(String)
        /// There, but not readable: why.
        case unreadable(InputError)
    }

    static func contents(atPath path: String) -> Contents {
        guard DirectoryEntries.kind(of: path) != nil else { return .absent }
        switch BoundedRead.file(atPath: path, opensSpecialFiles: false) {
        case .success(let bytes): return .text(String(decoding: bytes, as: UTF8.self))
        case .failure(let error): return .unreadable(error)
        }
    }
}
