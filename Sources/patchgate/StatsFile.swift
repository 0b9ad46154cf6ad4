import Foundation
import PatchgateEffects
import PatchgateSyntax
import Yams

/// Reads a `--stats` file, version 1, JSON or YAML, keeping every node's line so that a bad
/// value is reported where it is.
enum StatsFile {
    static func parse(_ text: String, path: String) throws(SettingsFileError) -> TableStatistics {
        guard let root = try YAMLNodes.compose(text, path: path) else { throw SettingsFileError(path: path, "the file is empty") }
        let reader = Reader(path: path)
        let top = try reader.mapping(root, keys: ["version", "tables"], what: "the top level")
        guard let version = top["version"] else { throw reader.problem(root, "missing key 'version' (1)") }
        guard try reader.integer(version) == 1 else { throw reader.problem(version, "unsupported version: only 1 is known") }
        var tables: [QualifiedName: TableStatistics.Size] = [:]
        guard let tableNodes = top["tables"] else { return TableStatistics() }
        guard case .mapping(let entries) = tableNodes else { throw reader.problem(tableNodes, "'tables' must be a mapping of table name to sizes") }
        for (key, value) in entries {
            let name = try reader.relationName(key)
            tables[name] = try reader.size(value)
        }
        return TableStatistics(tables: tables)
    }

    private struct Reader {
        let path: String

        func problem(_ node: Node, _ message: String) -> SettingsFileError { YAMLNodes.error(message, at: node, path: path) }

        func mapping(_ node: Node, keys: Set<String>, what: String) throws(SettingsFileError) -> [String: Node] {
            guard case .mapping(let mapping) = node else { throw problem(node, "\(what) must be a mapping") }
            var result: [String: Node] = [:]
            for (key, value) in mapping {
                guard let name = key.string, keys.contains(name) else {
                    throw problem(key, "unknown key '\(key.string ?? "?")' in \(what) (known: \(keys.sorted().joined(separator: ", ")))")
                }
                result[name] = value
            }
            return result
        }

        func integer(_ node: Node) throws(SettingsFileError) -> Int64 {
            guard case .scalar(let scalar) = node, let value = Int64(scalar.string), value >= 0 else {
                throw problem(node, "'\(node.string ?? "…")' is not a whole number of at least 0")
            }
            return value
        }

        func relationName(_ node: Node) throws(SettingsFileError) -> QualifiedName {
            guard let text = node.string, !text.isEmpty else { throw problem(node, "a table name must be a string") }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2, !parts.contains(where: \.isEmpty) else { throw problem(node, "'\(text)' is not a table name such as public.orders") }
            return QualifiedName(parts: parts).resolved(in: "public")
        }

        func size(_ node: Node) throws(SettingsFileError) -> TableStatistics.Size {
            let keys: Set<String> = ["rows", "heapBytes", "indexBytes", "toastBytes", "indexes"]
            let fields = try mapping(node, keys: keys, what: "a table's sizes")
            guard let heap = fields["heapBytes"] else { throw problem(node, "missing key 'heapBytes' (pg_relation_size of the table)") }
            var size = TableStatistics.Size(heapBytes: try integer(heap))
            if let rows = fields["rows"] { size.rows = try integer(rows) }
            if let indexBytes = fields["indexBytes"] { size.indexBytes = try integer(indexBytes) }
            if let toast = fields["toastBytes"] { size.toastBytes = try integer(toast) }
            if let indexes = fields["indexes"] {
                guard case .mapping(let entries) = indexes else { throw problem(indexes, "'indexes' must be a mapping of index name to bytes") }
                for (key, value) in entries { size.indexes[try relationName(key)] = try integer(value) }
            }
            return size
        }
    }
}
