import ArgumentParser
import PatchgateEffects
import PatchgateRunners
import PatchgateSource
import PatchgateSyntax

/// `--schema FILE …`: the dumps replayed, in the order given, into the catalog every patch is
/// checked against. An unreadable dump stops the run (exit 2): checking against half a schema
/// would give false findings.
enum SchemaOption {
    static func load(_ paths: [String]) throws -> Catalog? {
        guard !paths.isEmpty else { return nil }
        let outcome = WorkerPool.map([paths], threads: 1) { (paths: [String]) -> Result<Catalog, InputError> in
            var catalog = Catalog()
            for path in paths {
                switch InputCollector.read(InputFile(path: path)) {
                case .failure(let error): return .failure(error)
                case .success(let bytes):
                    do throws(InputError) {
                        let problems = try CatalogLoader.load(path: path, bytes: bytes, into: &catalog)
                        report(problems, in: path, bytes: bytes)
                    } catch { return .failure(error) }
                }
            }
            return .success(catalog)
        }
        switch outcome[0] {
        case .success(let catalog): return catalog
        case .failure(let error):
            Console.writeError("error: --schema: \(error.message)")
            throw ExitCode(2)
        }
    }

    /// Statements of a dump that PostgreSQL 15 rejects are skipped, and said so.
    private static func report(_ problems: [SyntaxProblem], in path: String, bytes: [UInt8]) {
        let lines = LineIndex(bytes)
        for problem in problems {
            guard case .syntaxError(let message, let offset, _) = problem else { continue }
            let position = lines.position(of: offset)
            Console.writeError("\(path):\(position.line):\(position.column): warning: schema statement skipped: \(message)")
        }
    }
}
