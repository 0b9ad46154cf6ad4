import Foundation
import Glibc
import PatchgateRunners
import PatchgateSource

/// Reading one input's bytes, whatever it is: never more than `InputLimit.maximumBytes` plus
/// one, so that `/dev/zero` or a runaway pipe ends in an error naming the input, not in memory
/// growing until the machine kills the run.
extension InputCollector {
    static func read(_ file: InputFile) -> Result<[UInt8], InputError> {
        switch file.origin {
        case .standardInput:
            guard !StandardInput.wasClosed else { return .failure(.unreadable(path: file.path, reason: "standard input is closed")) }
            return readLimited(STDIN_FILENO, path: file.path)
        case .staged:
            do {
                // `:./` reads the index path relative to the working directory, as the path is.
                let bytes = try Git.run(["show", ":./" + file.path], outputLimit: InputLimit.maximumBytes + 1)
                guard bytes.count <= InputLimit.maximumBytes else { return .failure(.unreadable(path: file.path, reason: InputLimit.refusal)) }
                return .success(Array(bytes))
            } catch let failure as Git.Failure {
                return .failure(.unreadable(path: file.path, reason: failure.message))
            } catch {
                return .failure(.unreadable(path: file.path, reason: error.localizedDescription))
            }
        case .file:
            // A file named on the command line is opened even when it is a FIFO (a process
            // substitution such as `<(git show main:x.sql)`): the user asked for it. Special
            // files found by walking a directory never get here (see `InputCollector.walk`).
            let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return .failure(.unreadable(path: file.path, reason: systemError())) }
            defer { close(descriptor) }
            return readLimited(descriptor, path: file.path)
        }
    }

    /// The bytes read straight into the array (a FileHandle copies them twice more, into NSData
    /// then Data, for every patch of a run), at most the limit plus one.
    private static func readLimited(_ descriptor: Int32, path: String) -> Result<[UInt8], InputError> {
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
}

/// Standard input as the process received it. A closed descriptor 0 would be handed to the
/// first file the run opens, and `-` would then read that file: it is taken by /dev/null at
/// start-up instead, and remembered as closed.
enum StandardInput {
    static let wasClosed: Bool = {
        guard fcntl(STDIN_FILENO, F_GETFD) < 0, errno == EBADF else { return false }
        let placeholder = open("/dev/null", O_RDONLY)
        if placeholder > STDIN_FILENO {
            dup2(placeholder, STDIN_FILENO)
            close(placeholder)
        }
        return true
    }()
}
