import Foundation
import PatchgateSource
import PatchgateSyntax

/// Reads a schema dump (`pg_dump --schema-only`, or a project baseline) into a catalog by
/// replaying its statements. Problems in the dump (syntax errors) are returned, located.
public enum CatalogLoader {
    public static func load(path: String, bytes: [UInt8], into catalog: inout Catalog) throws(InputError) -> [SyntaxProblem] {
        let source = try SourceFile(path: path, bytes: bytes)
        let parsed = PatchParser.parse(source)
        replay(parsed.statements.map(\.syntax), into: &catalog)
        return parsed.problems
    }

    /// Applies statements in order, following their `SET search_path`.
    public static func replay(_ statements: [Statement], into catalog: inout Catalog) {
        var searchPath = "public"
        for statement in statements {
            if case .setVariable(let setting) = statement, setting.name.lowercased() == "search_path" {
                searchPath = firstSchema(of: setting.value)
            }
            catalog.apply(statement) { $0.resolved(in: searchPath) }
        }
    }

    /// The schema unqualified names resolve to: the first entry of a search_path value.
    public static func firstSchema(of searchPath: String?) -> String {
        let first = searchPath?.split(separator: ",").first.map { String($0).trimmingCharacters(in: .whitespaces) }
        return first.flatMap { $0.isEmpty || $0 == "\"$user\"" ? nil : $0 } ?? "public"
    }
}
