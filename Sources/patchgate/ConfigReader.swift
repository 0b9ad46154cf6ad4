import Foundation
import PatchgateRunners
import Yams

/// Reads `.patchgate.yml` through Yams' node tree rather than decoding it, so that every error
/// can name the line and column of the key or value at fault.
enum ConfigReader {
    /// `isNamed`: `--config` named the file, so a FIFO (`--config <(…)`) is read; one found by
    /// walking up from the working directory must be a regular file, or the run would wait on it.
    static func read(path: String, isNamed: Bool = true) throws(SettingsFileError) -> ConfigFile {
        let data: [UInt8]
        switch BoundedRead.file(atPath: path, opensSpecialFiles: isNamed) {
        case .success(let bytes): data = bytes
        case .failure(.unreadable(_, let reason)) where !isNamed && reason.hasPrefix("not a regular file"):
            throw SettingsFileError(path: path, "cannot read the configuration file: \(reason), found looking up from the working directory (name it with --config to read it, or use --no-config)")
        case .failure(.unreadable(_, let reason)): throw SettingsFileError(path: path, "cannot read the configuration file: \(reason)")
        case .failure(let error): throw SettingsFileError(path: path, error.message)
        }
        guard let text = String(data: Data(data), encoding: .utf8) else {
            throw SettingsFileError(path: path, "the configuration file is not UTF-8")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(SettingsFileError) -> ConfigFile {
        var file = ConfigFile(path: path)
        guard let root = try YAMLNodes.compose(text, path: path), root.null == nil else { return file }
        guard case .mapping(let mapping) = root else {
            throw ConfigValue(node: root, key: "", path: path).error("the file must be a mapping of settings, such as `profile: generic`")
        }
        var problems: [SettingsFileError] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                problems.append(ConfigValue(node: key, key: "", path: path).error("a key is a name such as `budget`, not a \(ConfigValue.kind(of: key))"))
                continue
            }
            guard let apply = ConfigKeys.apply(name) else {
                problems.append(ConfigValue(node: key, key: name, path: path)
                    .error("unknown key '\(name)' (known: \(ConfigKeys.names.joined(separator: ", ")))"))
                continue
            }
            do {
                try apply(ConfigValue(node: value, key: name, path: path), &file)
            } catch let error as SettingsFileError {
                problems.append(error)
            } catch {
                problems.append(SettingsFileError(path: path, "\(error)"))
            }
        }
        if let error = SettingsFileError(problems) { throw error }
        return file
    }
}
