import ArgumentParser

struct Patchgate: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "patchgate",
        abstract: "Decide whether PostgreSQL schema patches can be applied live, fit a short downtime window, or must be reworked.",
        version: version,
        subcommands: [Check.self, Rules.self, Explain.self, InstallHook.self],
        defaultSubcommand: Check.self
    )
}
