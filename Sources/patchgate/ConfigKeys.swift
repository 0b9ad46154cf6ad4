import PatchgateEffects
import PatchgateRules
import Yams

/// The keys of `.patchgate.yml`, in the order docs/configuration.md documents them, each with how its
/// value is checked and stored.
enum ConfigKeys {
    typealias Apply = (ConfigValue, inout ConfigFile) throws -> Void

    static let all: [(name: String, apply: Apply)] = [
        ("profile", { value, file in file.profile = try value.choice(Profile.self) }),
        ("budget", { value, file in file.budget = try value.duration(.budget) }),
        ("patchBudget", { value, file in file.patchBudget = try value.duration(.budget) }),
        ("postgresVersion", { value, file in file.postgresVersion = try postgresVersion(value) }),
        ("schema", { value, file in file.schemaPaths = try value.list().map { file.resolve($0) } }),
        ("stats", { value, file in file.statsPaths = try value.list().map { file.resolve($0) } }),
        ("transaction", { value, file in file.transaction = try value.choice(TransactionModeArgument.self) }),
        ("runner", { value, file in file.runner = try RunnerConfig.settings(value) }),
        ("maxLockTimeout", { value, file in file.maxLockTimeout = try value.duration(.lockTimeout) }),
        ("include", { value, file in file.include = try globs(value) }),
        ("exclude", { value, file in file.exclude = try globs(value) }),
        ("rules", { value, file in file.ruleLevels = try ruleLevels(value) }),
        ("assumeSmall", { value, file in file.assumeSmall = try boolean(value) }),
        ("rates", { value, file in file.rates = try rates(value) }),
        ("ruleDocsUrl", { value, file in file.ruleDocsUrl = try absoluteURL(value) }),
    ]

    /// SARIF's `helpUri` must be absolute: a scheme such as https is required.
    static func isAbsoluteURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        return text[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) } && text[colon...].count > 1
    }

    private static func absoluteURL(_ value: ConfigValue) throws -> String {
        let text = try value.scalar()
        guard isAbsoluteURL(text) else { throw value.error("'\(value.key)': '\(text)' is not an absolute URL such as https://example.org/rules/") }
        return text
    }

    static let names = all.map(\.name)

    static func apply(_ name: String) -> Apply? {
        all.first { $0.name == name }?.apply
    }

    static let supportedPostgresVersions = [15]

    /// Only the versions whose facts (locks, rewrites, grammar) patchgate has checked.
    private static func postgresVersion(_ value: ConfigValue) throws -> Int {
        let text = try value.scalar()
        guard let version = Int(text), supportedPostgresVersions.contains(version) else {
            throw value.error("'postgresVersion': '\(text)' is not supported: patchgate's facts are proven for PostgreSQL 15 only")
        }
        return version
    }

    private static func boolean(_ value: ConfigValue) throws -> Bool {
        let text = try value.scalar()
        guard let flag = ["true": true, "false": false][text] else { throw value.error("'\(value.key)': '\(text)' is not true or false") }
        return flag
    }

    /// `rates: {rewrite: 250, scan: 900, overhead: 0.02}`, the names `--rate` takes.
    private static func rates(_ value: ConfigValue) throws -> [String: Double] {
        var rates: [String: Double] = [:]
        for (key, number) in try value.pairs() {
            let name = try value.scalar(key)
            guard RateOption.names.contains(name) else {
                throw value.error("unknown rate '\(name)' (known: \(RateOption.names.joined(separator: ", ")))", at: key)
            }
            let text = try value.scalar(number)
            guard let rate = Double(text), !rate.isNaN else { throw value.error("rate '\(name)': '\(text)' is not a number", at: number) }
            if let problem = RateOption.rangeProblem(name: name, value: rate, text: text) { throw value.error(problem, at: number) }
            rates[name] = rate
        }
        return rates
    }

    private static func globs(_ value: ConfigValue) throws -> [GlobPattern] {
        try value.list().map { text in
            guard !text.isEmpty else { throw value.error("'\(value.key)' holds an empty pattern") }
            return GlobPattern(text)
        }
    }

    private static func ruleLevels(_ value: ConfigValue) throws -> [String: RuleLevel] {
        let known = Set(RuleRegistry.all.map(\.id))
        var levels: [String: RuleLevel] = [:]
        var problems: [SettingsFileError] = []
        for (key, level) in try value.pairs() {
            do {
                let id = try value.scalar(key)
                guard known.contains(id) else {
                    let guesses = RuleRegistry.likelyIDs(for: id)
                    let guess = guesses.isEmpty ? "" : "; did you mean \(guesses.joined(separator: " or "))?"
                    throw value.error("unknown rule '\(id)'\(guess) (`patchgate rules` lists them)", at: key)
                }
                let chosen = try value.choice(RuleLevel.self, of: level)
                if chosen == .off && RuleRegistry.alwaysOn.contains(id) {
                    throw value.error("rule '\(id)' cannot be off: its findings mean PostgreSQL would fail on the file", at: level)
                }
                levels[id] = chosen
            } catch let error as SettingsFileError {
                problems.append(error)
            }
        }
        if let error = SettingsFileError(problems) { throw error }
        return levels
    }
}
