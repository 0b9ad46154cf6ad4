import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Exit codes are decided here only: 0 nothing at error severity, 1 a file rejected or
/// invalid, 2 a usage or I/O problem (ArgumentParser's 64 for usage errors becomes 2).
@main
enum Entry {
    static func main() {
        _ = StandardInput.wasClosed
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let split = ManyPaths.split(arguments),
               var check = try Patchgate.parseAsRoot(split.arguments) as? Patchgate.Check {
                check.paths = split.paths
                try check.run()
                return
            }
            var command = try Patchgate.parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Patchgate.exitCode(for: error)
            let message = Patchgate.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(0)
            }
            Console.writeError(lines: message)
            exit(code == .validationFailure ? 2 : max(code.rawValue, 2))
        }
    }
}
