import Foundation
import PatchgateRules
import PatchgateRunners

/// The settings a `.patchgate.yml` gives, checked and with its relative paths resolved against
/// its directory. nil (or empty) means the file does not set it.
struct ConfigFile: Equatable {
    /// The file's path as shown in messages: as given to `--config`, or relative to the working
    /// directory when found by walking up from it.
    let path: String
    var profile: Profile?
    var budget: String?
    var patchBudget: String?
    var postgresVersion: Int?
    var schemaPaths: [String]?
    var statsPaths: [String]?
    var transaction: TransactionModeArgument?
    var runner: RunnerSettings?
    var maxLockTimeout: String?
    var include: [GlobPattern] = []
    var exclude: [GlobPattern] = []
    var ruleLevels: [String: RuleLevel] = [:]
    var assumeSmall: Bool?
    /// Where the rule pages are published: every report links each rule there.
    var ruleDocsUrl: String?
    /// Cost-model rates by `--rate` name: MB/s, or seconds for `overhead`.
    var rates: [String: Double] = [:]

    init(path: String) {
        self.path = path
    }

    /// The directory relative paths in the file resolve against.
    var directory: String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// `path` resolved against the file's directory, unless it is absolute.
    func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") || directory == "." ? relative : (directory as NSString).appendingPathComponent(relative)
    }
}
