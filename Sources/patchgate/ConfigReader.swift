import Foundation
import Yams

/// Reads `.patchgate.yml` through Yams' node tree rather than decoding it, so that every error
/// can name the line and column of the key or value at fault.
enum ConfigReader {
    static func read(path: String) throws(ConfigError) -> ConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, "cannot read the configuration file: no such file, or not a readable file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, "the configuration file is not UTF-8")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        var file = ConfigFile(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw located(error, path: path)
        }
        guard let root, root.null == nil else { return file }
        guard case .mapping(let mapping) = root else {
            throw ConfigValue(node: root, key: "", path: path).error("the file must be a mapping of settings, such as `profile: generic`")
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw ConfigValue(node: key, key: "", path: path).error("a key is a name such as `budget`, not a \(ConfigValue.kind(of: key))")
            }
            guard let apply = ConfigKeys.apply(name) else {
                throw ConfigValue(node: key, key: name, path: path)
                    .error("unknown key '\(name)' (known: \(ConfigKeys.names.joined(separator: ", ")))")
            }
            do {
                try apply(ConfigValue(node: value, key: name, path: path), &file)
            } catch let error as ConfigError {
                throw error
            } catch {
                throw ConfigError(path: path, "\(error)")
            }
        }
        return file
    }

    /// Yams' errors, with their mark when they have one.
    private static func located(_ error: Error, path: String) -> ConfigError {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return ConfigError(path: path, line: mark.line, column: mark.column, "invalid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigError(path: path, line: context.mark.line, column: context.mark.column, "key \(names) given more than once")
        case .reader(let problem, _, _, _):
            return ConfigError(path: path, "invalid YAML: \(problem)")
        default:
            return ConfigError(path: path, "invalid YAML: \(error)")
        }
    }
}
