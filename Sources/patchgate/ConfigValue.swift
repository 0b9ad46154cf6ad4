import Foundation
import Yams

/// One value of a configuration file, with what its errors need: the file and the key.
struct ConfigValue {
    let node: Node
    let key: String
    let path: String

    /// An error at `node`'s line and column (this value's by default).
    func error(_ message: String, at node: Node? = nil) -> SettingsFileError {
        YAMLNodes.error(message, at: node ?? self.node, path: path)
    }

    /// The text of a single value; null, lists and mappings are errors.
    func scalar(_ node: Node? = nil) throws -> String {
        let node = node ?? self.node
        guard case .scalar(let scalar) = node else {
            throw error("'\(key)' takes a single value, not a \(Self.kind(of: node))", at: node)
        }
        guard node.null == nil else { throw error("'\(key)' needs a value", at: node) }
        return scalar.string
    }

    /// One value or a list of them.
    func list() throws -> [String] {
        switch node {
        case .sequence(let sequence):
            guard !sequence.isEmpty else { throw error("'\(key)' needs at least one value") }
            return try sequence.map { entry in
                guard case .scalar = entry else {
                    throw error("each entry of '\(key)' is a single value, not a \(Self.kind(of: entry))", at: entry)
                }
                return try scalar(entry)
            }
        case .scalar, .mapping, .alias:
            return [try scalar()]
        }
    }

    /// A value among a closed set, such as `per-file|none`.
    func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type, of node: Node? = nil) throws -> Choice
    where Choice.RawValue == String {
        let text = try scalar(node)
        guard let value = Choice(rawValue: text) else {
            let known = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("'\(key)': '\(text)' is not one of \(known)", at: node)
        }
        return value
    }

    /// A duration, such as `5m`, that `setting` accepts.
    func duration(_ setting: DurationSetting) throws -> String {
        let text = try scalar()
        if let problem = setting.problem(text) { throw error("'\(key)': \(problem)") }
        return text
    }

    /// The key/value pairs of a mapping.
    func pairs() throws -> [(key: Node, value: Node)] {
        guard node.null == nil else { throw error("'\(key)' needs a value") }
        guard case .mapping(let mapping) = node else {
            throw error("'\(key)' takes a mapping such as `dropping-column: off`, not a \(Self.kind(of: node))")
        }
        return Array(mapping)
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "single value"
        case .sequence: "list"
        case .mapping: "mapping"
        case .alias: "alias"
        }
    }
}
