import Foundation
import Testing
@testable import patchgate

/// Many paths skip ArgumentParser's quadratic matching of positional arguments; the command
/// must not notice the difference.
struct ManyPathsTests {
    static let paths = (0..<80).map { "p\($0).sql" }

    @Test func optionsStayWithTheirValuesAndPathsAreSetAside() throws {
        let arguments = ["check", "--format", "json", "-"] + Self.paths.prefix(40) + ["--quiet", "--schema", "s.sql"]
            + Self.paths.dropFirst(40) + ["--", "--odd-name.sql"]
        let split = try #require(ManyPaths.split(arguments))
        #expect(split.arguments == ["check", "--format", "json", "--quiet", "--schema", "s.sql", "--", "-"])
        #expect(split.paths == ["-"] + Self.paths + ["--odd-name.sql"])
    }

    @Test func fewArgumentsAndOtherSubcommandsAreLeftAlone() {
        #expect(ManyPaths.split(["check", "a.sql"]) == nil)
        #expect(ManyPaths.split(["explain"] + Self.paths) == nil)
        #expect(ManyPaths.split(Self.paths)?.paths == Self.paths, "the default subcommand is check")
    }

    @Test func theListedOptionsAreTheOnesTheHelpShowsWithValues() {
        let valued = ManyPaths.optionsTakingValuesInHelp
        #expect(valued.isSuperset(of: ["--format", "--output", "--schema", "--jobs", "--transaction"]))
        #expect(valued.isDisjoint(with: ["--quiet", "--staged", "--help"]))
        #expect(ManyPaths.optionsTakingValues == valued)
    }

    /// The same files, once found through their directory and once named one by one.
    @Test func manyNamedFilesGiveTheSameReportAsTheirDirectory() throws {
        let directory = try TestSupport.temporaryDirectory()
        for (index, name) in Self.paths.enumerated() {
            let sql = index % 2 == 0 ? "CREATE INDEX i\(index) ON t (a);\n" : "SELECT \(index);\n"
            try Data(sql.utf8).write(to: directory.appendingPathComponent(name))
        }
        let named = Self.paths.sorted().map { directory.appendingPathComponent($0).path }
        let byDirectory = try TestSupport.run(["check", "--format", "json", "--assume-small", directory.path])
        let byName = try TestSupport.run(["check", "--format", "json"] + named + ["--assume-small"])
        #expect(byName.status == byDirectory.status)
        #expect(byName.stdout == byDirectory.stdout)
        #expect(byName.stdout.contains("\"files\":80") || byName.stdout.contains("\"files\": 80"))
    }
}
