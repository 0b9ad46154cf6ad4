import PatchgateEffects
import PatchgateRules
import PatchgateRunners

/// The settings a check runs with, each taken from the first of: its command-line flag, the
/// configuration file, the built-in default. The one place that order is decided.
struct Configuration {
    /// The overridable flags as given; nil or empty when not given.
    struct Flags {
        var profile: Profile?
        var budget: String?
        var patchBudget: String?
        var transaction: TransactionModeArgument?
        var runner: RunnerID?
        var maxLockTimeout: String?
        var schemaPaths: [String] = []
        var statsPaths: [String] = []
    }

    var profile: Profile
    var budget: Budget
    var transactionMode: TransactionMode
    /// `--runner`, else the file's `runner:` (with its options when it names the same runner).
    var runner: RunnerSettings?
    var maxLockTimeoutMilliseconds: Int
    var postgresVersion: Int
    /// Dumps replayed into the catalog: `--schema`, else the file's `schema`.
    var schemaPaths: [String]
    /// Statistics files: `--stats`, else the file's `stats`.
    var statsPaths: [String]
    var ruleLevels: [String: RuleLevel]
    /// The file's `include`/`exclude`; nil when it sets neither.
    var inputSelection: InputSelection?
    /// The configuration file read, if any.
    var file: ConfigFile?

    init(flags: Flags, file: ConfigFile?) {
        self.file = file
        profile = flags.profile ?? file?.profile ?? .generic
        let window = (flags.budget ?? file?.budget).flatMap(Budget.seconds) ?? 300
        // Launchpad's fast downtime allows about 15 seconds per patch.
        let defaultPatch = profile == .launchpad ? min(15, window) : window
        let patch = (flags.patchBudget ?? file?.patchBudget).flatMap(Budget.seconds) ?? defaultPatch
        budget = Budget(patchSeconds: patch, windowSeconds: window)
        let transaction = flags.transaction ?? file?.transaction ?? .perFile
        transactionMode = transaction == .perFile ? .perFile : .none
        if let chosen = flags.runner {
            runner = file?.runner?.id == chosen ? file?.runner : RunnerSettings(id: chosen)
        } else {
            runner = file?.runner
        }
        maxLockTimeoutMilliseconds = (flags.maxLockTimeout ?? file?.maxLockTimeout).flatMap(SettingDuration.milliseconds) ?? 10_000
        postgresVersion = file?.postgresVersion ?? 15
        schemaPaths = flags.schemaPaths.isEmpty ? file?.schemaPaths ?? [] : flags.schemaPaths
        statsPaths = flags.statsPaths.isEmpty ? file?.statsPaths ?? [] : flags.statsPaths
        ruleLevels = file?.ruleLevels ?? [:]
        inputSelection = file.flatMap { file in
            file.include.isEmpty && file.exclude.isEmpty ? nil
                : InputSelection(configPath: file.path, directory: file.directory, include: file.include, exclude: file.exclude)
        }
    }

    /// The configuration file `--config` names, else the nearest `.patchgate.yml` up from the
    /// working directory; none with `--no-config`.
    static func load(flags: Flags, explicitPath: String?, isDisabled: Bool) throws(SettingsFileError) -> Configuration {
        guard !isDisabled, let path = explicitPath ?? ConfigDiscovery.nearest() else { return Configuration(flags: flags, file: nil) }
        return Configuration(flags: flags, file: try ConfigReader.read(path: path, isNamed: explicitPath != nil))
    }

    func checkOptions(catalog: Catalog?) -> CheckOptions {
        var options = CheckOptions(transactionMode: transactionMode, maxLockTimeoutMilliseconds: maxLockTimeoutMilliseconds,
                                   catalog: catalog)
        options.profile = profile
        options.budget = budget
        options.ruleLevels = ruleLevels
        return options
    }
}
