import Foundation
import Glibc
import PatchgateRunners
import PatchgateSource

/// Reading one input's bytes, whatever it is, through `BoundedRead`.
extension InputCollector {
    static func read(_ file: InputFile) -> Result<[UInt8], InputError> {
        switch file.origin {
        case .standardInput:
            guard !StandardInput.wasClosed else { return .failure(.unreadable(path: file.path, reason: "standard input is closed")) }
            return BoundedRead.descriptorContents(STDIN_FILENO, path: file.path)
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
            return BoundedRead.file(atPath: file.path, opensSpecialFiles: true)
        }
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
