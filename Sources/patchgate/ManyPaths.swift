import ArgumentParser

/// ArgumentParser matches positional arguments in time quadratic in their number (1.1 s of a
/// release build for the 4,995 corpus files). With many arguments the paths are taken out
/// first, one is left for validation, and the command gets them all back after parsing.
enum ManyPaths {
    static let threshold = 64

    struct Split: Equatable {
        /// What ArgumentParser parses: the subcommand, every option, and the first path.
        let arguments: [String]
        let paths: [String]
    }

    static func split(_ arguments: [String]) -> Split? {
        guard arguments.count >= threshold else { return nil }
        var rest = arguments[...]
        var parsed: [String] = []
        if let first = rest.first, !first.hasPrefix("-") {
            guard first == Patchgate.Check.configuration.commandName ?? "check" else {
                // Another subcommand, or a path for the default one: no splitting when unsure.
                return isSubcommand(first) ? nil : split(from: rest, parsed: [])
            }
            parsed.append(first)
            rest = rest.dropFirst()
        }
        return split(from: rest, parsed: parsed)
    }

    private static func split(from rest: ArraySlice<String>, parsed start: [String]) -> Split {
        let valued = optionsTakingValues
        var parsed = start, paths: [String] = []
        var index = rest.startIndex
        while index < rest.endIndex {
            let argument = rest[index]
            if argument == "--" {
                paths += rest[(index + 1)...]
                break
            }
            if argument.hasPrefix("-"), argument != "-" {
                parsed.append(argument)
                if valued.contains(argument), index + 1 < rest.endIndex {
                    index += 1
                    parsed.append(rest[index])
                }
            } else {
                paths.append(argument)
            }
            index += 1
        }
        if let first = paths.first { parsed += ["--", first] }
        return Split(arguments: parsed, paths: paths)
    }

    private static func isSubcommand(_ name: String) -> Bool {
        Patchgate.configuration.subcommands.contains { $0._commandName == name }
    }

    /// `check`'s options that take a value. Listed rather than read off the help at each run
    /// (rendering the help cost 2% of checking the 582 Launchpad patches); a test reads the
    /// help and fails when an option is missing here.
    static let optionsTakingValues: Set<String> = [
        "--format", "--output", "--changed-since", "--jobs", "--transaction", "--max-lock-timeout", "--schema",
        "--profile", "--budget", "--patch-budget", "--stats", "--rate", "--config", "--rule-docs-url", "--runner",
    ]

    /// The options that take a value, as `check`'s help shows them: an option line such as
    /// `--format <format>` takes one, `--staged` does not.
    static var optionsTakingValuesInHelp: Set<String> {
        var names: Set<String> = []
        for line in Patchgate.Check.helpMessage(columns: 10_000).split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let first = words.first, first.hasPrefix("-") else { continue }
            let flags = words.prefix { $0.hasPrefix("-") }.map { String($0.hasSuffix(",") ? $0.dropLast() : $0) }
            if words.dropFirst(flags.count).first?.hasPrefix("<") == true { names.formUnion(flags) }
        }
        return names
    }
}
