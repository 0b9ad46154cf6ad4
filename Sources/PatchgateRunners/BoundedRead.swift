import Glibc
import PatchgateSource

/// Reading one input's bytes: never more than `InputLimit.maximumBytes` plus one, so that
/// `/dev/zero` or a runaway pipe ends in an error naming the input, not in memory growing until
/// the machine kills the run. Patches, settings files and a series' own files (a sqitch plan, a
/// Flyway script configuration) all come through here.
public enum BoundedRead {
    /// The file at `path`. Unless `opensSpecialFiles` (a path the user named, such as a process
    /// substitution), a FIFO, socket or device is refused without waiting for a writer: it is
    /// opened non-blocking and checked on the open descriptor, so nothing swapped in after a
    /// `stat` can block the run either.
    public static func file(atPath path: String, opensSpecialFiles: Bool) -> Result<[UInt8], InputError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (opensSpecialFiles ? 0 : O_NONBLOCK))
        guard descriptor >= 0 else { return .failure(.unreadable(path: path, reason: systemError())) }
        defer { close(descriptor) }
        if !opensSpecialFiles {
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(path: path, reason: systemError())) }
            if let special = specialKind(status.st_mode) { return .failure(.unreadable(path: path, reason: "not a regular file (\(special))")) }
        }
        return descriptorContents(descriptor, path: path)
    }

    /// The bytes read straight into the array (a FileHandle copies them twice more, into NSData
    /// then Data, for every patch of a run), at most the limit plus one.
    public static func descriptorContents(_ descriptor: Int32, path: String) -> Result<[UInt8], InputError> {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(path: path, reason: systemError())) }
        if status.st_mode & S_IFMT == S_IFDIR { return .failure(.unreadable(path: path, reason: "is a directory, not a file")) }
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        if isRegular, status.st_size > InputLimit.maximumBytes { return .failure(.unreadable(path: path, reason: InputLimit.refusal)) }
        let ceiling = InputLimit.maximumBytes + 1
        // One byte more than the size, so a file that grew meanwhile is noticed and read on.
        var bytes = [UInt8](repeating: 0, count: isRegular ? Int(max(status.st_size, 0)) + 1 : 1 << 16)
        var count = 0
        while count < ceiling {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: min(bytes.count, ceiling - bytes.count)) }
            let read = bytes[count...].withContiguousMutableStorageIfAvailable { Glibc.read(descriptor, $0.baseAddress, $0.count) } ?? -1
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return .failure(.unreadable(path: path, reason: systemError())) }
            if read == 0 { break }
            count += read
        }
        guard count <= InputLimit.maximumBytes else { return .failure(.unreadable(path: path, reason: InputLimit.refusal)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// What a file that is neither a regular file nor a directory is, for messages.
    static func specialKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: nil
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a file"
        }
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
