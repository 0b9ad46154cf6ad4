import PatchgateRules
import PatchgateRunners

/// How a rule page example is checked: the profile, the file name, and the Launchpad option.
/// Written as the block's first line, e.g.
/// `-- patchgate-test: profile=launchpad file=patch-2300-01-1.sql require-concurrently`.
struct ExampleSetting: Sendable {
    var profile = Profile.generic
    var fileName = "example.sql"
    var launchpadRequiresConcurrently = false
    /// `runner=NAME`: the runner that applies the example (`multi-statement` adds
    /// golang-migrate's option); `detect`: found from the example's directives.
    var runner: RunnerSettings?
    var detectsRunner = false
    /// Words of the line this type does not know: a page test fails on them, so that a typo
    /// cannot silently test the generic profile.
    var unknownWords: [String] = []

    init() {}

    /// nil when the line is not a `-- patchgate-test:` line.
    init?(firstLine: String?) {
        let prefix = "-- patchgate-test:"
        guard let line = firstLine, line.hasPrefix(prefix) else { return nil }
        for word in line.dropFirst(prefix.count).split(separator: " ") {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts[0], parts.count == 2 ? parts[1] : nil) {
            case ("profile", let value?) where Profile(rawValue: value) != nil: profile = Profile(rawValue: value) ?? .generic
            case ("file", let value?): fileName = value
            case ("require-concurrently", nil): launchpadRequiresConcurrently = true
            case ("runner", let value?) where RunnerID(rawValue: value) != nil: runner = RunnerID(rawValue: value).map(RunnerSettings.init(id:))
            case ("multi-statement", nil) where runner != nil: runner?.multiStatement = true
            case ("detect", nil): detectsRunner = true
            default: unknownWords.append(String(word))
            }
        }
    }
}
