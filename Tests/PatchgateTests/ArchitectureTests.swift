import Foundation
import Testing

/// The module layering of STYLE.md §1 and the C fence of §2, checked on the source text.
struct ArchitectureTests {
    /// Each module and the modules it may import (those above it in the pipeline).
    static let allowedImports: [String: Set<String>] = [
        "PgQuery": ["CPgQuery", "Foundation"],
        "PgQueryProto": ["SwiftProtobuf", "Foundation"],
        "PatchgateSource": ["Foundation"],
        "PatchgateSyntax": ["PgQuery", "PatchgateSource", "Foundation"],
        "PatchgateCatalog": ["PatchgateSyntax", "PatchgateSource", "Foundation"],
        "PatchgateEffects": ["PatchgateCatalog", "PatchgateSyntax", "PatchgateSource", "Foundation"],
        "PatchgateRules": ["PatchgateEffects", "PatchgateCatalog", "PatchgateSyntax", "PatchgateSource", "Foundation"],
        "PatchgateReport": ["PatchgateRules", "PatchgateEffects", "PatchgateCatalog", "PatchgateSyntax", "PatchgateSource", "Foundation"],
        "PatchgateRunners": ["PatchgateRules", "PatchgateEffects", "PatchgateCatalog", "PatchgateSyntax", "PatchgateSource", "Foundation", "Glibc"],
        "patchgate": ["Yams", "PatchgateRunners", "PatchgateReport", "PatchgateRules", "PatchgateEffects", "PatchgateCatalog", "PatchgateSyntax",
                      "PatchgateSource", "ArgumentParser", "Foundation", "Glibc"],
    ]

    static func sources(of module: String) throws -> [(String, String)] {
        let directory = TestSupport.repositoryRoot.appendingPathComponent("Sources/\(module)")
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var files: [(String, String)] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            files.append(("Sources/\(module)/\(path)", try String(contentsOfFile: directory.appendingPathComponent(path).path, encoding: .utf8)))
        }
        return files
    }

    @Test(arguments: allowedImports.keys.sorted())
    func modulesImportOnlyUpstream(module: String) throws {
        let allowed = Self.allowedImports[module] ?? []
        let files = try Self.sources(of: module)
        #expect(!files.isEmpty)
        for (path, text) in files {
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@_exported import ") {
                let imported = String(line.split(separator: " ").last ?? "")
                #expect(allowed.contains(imported), "\(path) imports \(imported)")
            }
        }
    }

    @Test(arguments: allowedImports.keys.sorted().filter { $0 != "PgQuery" })
    func onlyTheFenceTouchesC(module: String) throws {
        for (path, text) in try Self.sources(of: module) {
            for forbidden in ["Unsafe", "OpaquePointer", "pg_query_", "CPgQuery"] {
                #expect(!text.contains(forbidden), "\(path) contains \(forbidden)")
            }
        }
    }
}
