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
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            try Data(Self.script(binary: binary).utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            Console.write("wrote \(path)\n")
        }

        /// A commit that stages no .sql file goes through silently, binary or not; one that
        /// does is blocked when patchgate is missing (a gate that silently opens is no gate) or
        /// rejects a patch, and the hook says how to get past it.
        static func script(binary: String) -> String {
            """
            #!/bin/sh
            \(marker)
            # Checks the staged content of the staged .sql files; a rejected or invalid patch stops the commit.
            git diff --cached --quiet --diff-filter=ACMR -- \(shellQuoted(Git.sqlPathspec)) && exit 0
            patchgate=\(shellQuoted(binary))
            if ! command -v "$patchgate" >/dev/null 2>&1; then
                echo "patchgate pre-commit hook: $patchgate not found, so the staged .sql files cannot be checked." >&2
                echo "Install it (make install in patchgate's clone) or run patchgate install-hook again with the binary to use;" >&2
                echo "to commit without the check: git commit --no-verify" >&2
                exit 1
            fi
            "$patchgate" check --staged --quiet
            status=$?
            if [ "$status" -eq 1 ]; then
                echo "commit blocked: fix the patch, or \\`git commit --no-verify\\`" >&2
            elif [ "$status" -ne 0 ]; then
                echo "commit blocked: patchgate could not check the patch (above), or \\`git commit --no-verify\\`" >&2
            fi
            exit "$status"

            """
        }

        /// One single-quoted shell word: a path may hold spaces, quotes or `$`.
        static func shellQuoted(_ text: String) -> String {
            "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}
