import Foundation
import Testing

/// The generated Swift must come from the pg_query.proto installed with libpg-query-dev:
/// regenerate with `make proto` when this fails.
struct ProtoFreshnessTests {
    @Test func generatedCodeMatchesInstalledProto() throws {
        let generated = TestSupport.repositoryRoot.appendingPathComponent("Sources/PgQueryProto/pg_query.pb.swift")
        let header = try String(contentsOf: generated, encoding: .utf8).prefix(200)
        let recorded = try #require(header.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = ["/usr/include/pg_query/pg_query.proto"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.split(separator: " ").first.map(String.init) == recorded)
    }
}
