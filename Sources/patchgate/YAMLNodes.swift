import Yams

/// A settings file read as Yams' node tree rather than decoded, so that every problem, the
/// YAML's own included, names the line and column it is at. JSON is YAML's flow style.
enum YAMLNodes {
    /// The document's root node; nil for an empty document.
    static func compose(_ text: String, path: String) throws(SettingsFileError) -> Node? {
        if let alias = YAMLAliasScan.firstAlias(in: text) {
            throw SettingsFileError(path: path, line: alias.line, column: alias.column,
                                    "alias '*\(alias.name)': a settings file takes no aliases; write the value out")
        }
        do {
            return try Yams.compose(yaml: text)
        } catch {
            throw located(error, path: path)
        }
    }

    /// A problem at a node's line and column.
    static func error(_ message: String, at node: Node, path: String) -> SettingsFileError {
        SettingsFileError(path: path, line: node.mark?.line, column: node.mark?.column, message)
    }

    /// Yams' errors, with their mark when they have one.
    private static func located(_ error: Error, path: String) -> SettingsFileError {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return SettingsFileError(path: path, line: mark.line, column: mark.column, "invalid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return SettingsFileError(path: path, line: context.mark.line, column: context.mark.column, "key \(names) given more than once")
        case .reader(let problem, _, _, _):
            return SettingsFileError(path: path, "invalid YAML: \(problem)")
        default:
            return SettingsFileError(path: path, "invalid YAML: \(error)")
        }
    }
}
