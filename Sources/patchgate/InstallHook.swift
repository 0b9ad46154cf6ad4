import ArgumentParser
import Foundation

extension Patchgate {
    struct InstallHook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install-hook",
            abstract: "Write .git/hooks/pre-commit: check the staged .sql files (their staged content) before each commit.")

        @Flag(help: "Overwrite a pre-commit hook that patchgate did not write.")
        var force = false

        static let marker = "# installed by patchgate install-hook"

        func run() throws {
            let hooks = try Git.lines(["rev-parse", "--git-path", "hooks"]).first ?? ".git/hooks"
            let path = hooks + "/pre-commit"
            if let existing = try? String(contentsOfFile: path, encoding: .utf8), !existing.contains(Self.marker), !force {
                Console.writeError("error: \(path) exists and was not written by patchgate; use --force to replace it")
                throw ExitCode(2)
            }
            // Run from PATH, argv[0] is a bare name the hook finds on PATH too; a relative path
            // is made absolute, since git runs hooks from the top of the work tree.
            let invoked = CommandLine.arguments[0]
            let binary = !invoked.contains("/") || invoked.hasPrefix("/")
                ? invoked
                : FileManager.default.currentDirectoryPath + "/" + invoked
            let script = """
            #!/bin/sh
            \(Self.marker)
            # Checks the staged content of the staged .sql files; a rejected or invalid patch stops the commit.
            exec "\(binary)" check --staged --quiet

            """
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            try Data(script.utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            Console.write("wrote \(path)\n")
        }
    }
}
