import PatchgateRunners
import Yams

/// `runner:` in `.patchgate.yml`: a runner's id (`runner: goose`), or a mapping with its name
/// and the options that live outside the files (`runner: {name: golang-migrate, multiStatement: true}`).
enum RunnerConfig {
    static func settings(_ value: ConfigValue) throws -> RunnerSettings {
        if case .scalar = value.node { return RunnerSettings(id: try value.choice(RunnerID.self)) }
        guard case .mapping(let mapping) = value.node else {
            throw value.error("'runner' takes a runner's name or a mapping such as `{name: golang-migrate, multiStatement: true}`")
        }
        guard let name = mapping.first(where: { $0.key.string == "name" }) else {
            throw value.error("'runner' needs a name, e.g. `runner: {name: golang-migrate, multiStatement: true}`")
        }
        var settings = RunnerSettings(id: try value.choice(RunnerID.self, of: name.value))
        for (key, node) in mapping where key.string != "name" {
            let option = key.string ?? ""
            let text = try value.scalar(node)
            switch option {
            case "txMode":
                guard let mode = AtlasRunner.TxMode(rawValue: text) else {
                    throw value.error("'runner': txMode '\(text)' is not one of none, file, all", at: node)
                }
                settings.txMode = mode
            case "multiStatement": settings.multiStatement = try flag(text, node, value)
            case "mixed": settings.mixed = try flag(text, node, value)
            case "singleTransaction": settings.singleTransaction = try flag(text, node, value)
            case "splitsStatements": settings.splitsStatements = try flag(text, node, value)
            case "grouped": settings.grouped = try flag(text, node, value)
            default:
                throw value.error("'runner': unknown option '\(option)'; the options are name, \(RunnerSettings.optionKeys.joined(separator: ", "))", at: key)
            }
        }
        return settings
    }

    private static func flag(_ text: String, _ node: Node, _ value: ConfigValue) throws -> Bool {
        guard let flag = ["true": true, "false": false][text] else { throw value.error("'runner': '\(text)' is not true or false", at: node) }
        return flag
    }
}
