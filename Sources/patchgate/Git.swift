import Foundation

/// The few git questions patchgate asks, through the git command line.
enum Git {
    struct Failure: Error {
        let message: String
    }

    static func run(_ arguments: [String], in directory: String? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(message: "git \(arguments.joined(separator: " ")): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return data
    }

    static func lines(_ arguments: [String]) throws -> [String] {
        String(decoding: try run(arguments), as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// `--changed-since REV`: the patches added or modified since the merge base with REV (the
/// working tree included), and the ones deleted. A modified patch that already exists at the
/// merge base has landed, and landed patches are immutable.
struct ChangedPatches {
    var added: [String] = []
    var modifiedLanded: [String] = []
    var deleted: [String] = []

    static func since(_ revision: String) throws -> ChangedPatches {
        let base = try Git.lines(["merge-base", revision, "HEAD"]).first ?? revision
        var changes = ChangedPatches()
        for line in try Git.lines(["diff", "--name-status", "--no-renames", base, "--", "*.sql"]) {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 2 else { continue }
            switch fields[0] {
            case "A": changes.added.append(fields[1])
            case "D": changes.deleted.append(fields[1])
            default: changes.modifiedLanded.append(fields[1])
            }
        }
        changes.added += try Git.lines(["ls-files", "--others", "--exclude-standard", "--", "*.sql"])
        changes.added.sort()
        return changes
    }
}
