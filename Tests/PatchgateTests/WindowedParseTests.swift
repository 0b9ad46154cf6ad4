import Foundation
import PatchgateSource
import PatchgateSyntax
import Testing

/// A file bigger than one parse window is parsed window by window (so that libpg_query never
/// holds the tree and JSON of the whole file), and its report is written as it is rendered.
/// Neither may change a statement, a span, an error or a byte of output.
@Suite(.serialized)
struct WindowedParseTests {
    /// Statements of 700 KB: plain ones, BEGIN ATOMIC bodies whose semicolons a window may cut,
    /// and two that PostgreSQL rejects.
    static func bigFile() -> (sql: String, statements: [String], errorOffsets: [Int]) {
        var sql = "", statements: [String] = [], errorOffsets: [Int] = []
        var index = 0
        while sql.utf8.count < 700_000 {
            var statement = "ALTER TABLE t\(index % 97) ADD COLUMN c\(index) integer"
            if index % 50 == 7 {
                statement = "CREATE FUNCTION f\(index)() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT \(index); END"
            }
            if index == 4_000 || index == 9_000 {
                statement = "ALTER TABLE t ADD COLUMN oops integr integer"
                errorOffsets.append(sql.utf8.count + "ALTER TABLE t ADD COLUMN oops integr ".utf8.count)
            } else {
                statements.append(statement)
            }
            sql += (index % 10 == 3 ? "-- change \(index)\n" : "") + statement + ";\n"
            index += 1
        }
        return (sql, statements, errorOffsets)
    }

    @Test func everyStatementAndErrorOfABigFileIsFound() throws {
        let (sql, expected, errorOffsets) = Self.bigFile()
        #expect(sql.utf8.count > 2 * 256 * 1024)
        let parsed = try #require(TestSupport.onLargeStack { try? TestSupport.parse(sql) })
        let texts = parsed.statements.map { parsed.source.text($0.span) }
        #expect(texts.count == expected.count)
        #expect(texts == expected)
        let offsets = parsed.problems.compactMap { problem -> Int? in
            if case .syntaxError(_, let offset, _) = problem { return offset }
            return nil
        }
        #expect(offsets == errorOffsets, "\(parsed.problems)")
    }

    /// The report of a file past the size rendered on a worker is streamed as it is rendered:
    /// byte for byte what the whole-run rendering (`--output`) writes.
    @Test(arguments: ["json", "text"])
    func streamedReportOfABigFileIsTheWholeReport(format: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        var sql = Self.bigFile().sql
        sql += sql  // past 1 MiB
        try Data(sql.utf8).write(to: directory.appendingPathComponent("big.sql"))
        let streamed = try TestSupport.run(["check", "--no-config", "--format", format, "big.sql"], directory: directory)
        let whole = try TestSupport.run(["check", "--no-config", "--format", format, "--output", "\(format)=whole.out", "big.sql"],
                                        directory: directory)
        #expect(streamed.status == 1)
        #expect(whole.status == 1)
        let written = try String(contentsOf: directory.appendingPathComponent("whole.out"), encoding: .utf8)
        #expect(streamed.stdout.utf8.count > 1 << 20)
        #expect(streamed.stdout == written)
        #expect(streamed.stdout == whole.stdout)
    }
}
