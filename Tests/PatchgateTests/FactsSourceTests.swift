import Foundation
import Testing

/// The facts table is the single source of every lock, rewrite and scan: the analysis code
/// names no lock mode of its own, and every row of `Facts/` is read by the analysis.
struct FactsSourceTests {
    static let effectsDirectory = TestSupport.repositoryRoot.appendingPathComponent("Sources/PatchgateEffects")

    static func swiftFiles(in directory: URL) throws -> [URL] {
        let walker = try #require(FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil))
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    static func isFactsFile(_ url: URL) -> Bool { url.deletingLastPathComponent().lastPathComponent == "Facts" }

    /// `.accessExclusive`, `LockMode.share`, `LockMode(rawValue:` …: a mode chosen outside the facts table.
    static let lockLiteral = try! NSRegularExpression(pattern:
        #"(?<![\w])(?:LockMode)?\.(accessShare|rowShare|rowExclusive|shareUpdateExclusive|share|shareRowExclusive|exclusive|accessExclusive)\b|LockMode\s*\("#)

    static func lockLiterals(in text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            let code = line.components(separatedBy: "//").first ?? ""
            let range = NSRange(code.startIndex..., in: code)
            return lockLiteral.firstMatch(in: code, range: range) == nil ? nil : "\(number + 1): \(line.trimmingCharacters(in: .whitespaces))"
        }
    }

    @Test func analysisCodeNamesNoLockModeOutsideFacts() throws {
        var found: [String] = []
        for file in try Self.swiftFiles(in: Self.effectsDirectory) where !Self.isFactsFile(file) {
            let text = try String(contentsOf: file, encoding: .utf8)
            found += Self.lockLiterals(in: text).map { "\(file.lastPathComponent):\($0)" }
        }
        #expect(found == [])
    }

    @Test(arguments: [
        ("effects.lock(table, kind, .accessExclusive)", true),
        ("let mode = LockMode.share", true),
        ("guard lock.mode > .shareUpdateExclusive else { return }", true),
        ("let mode = LockMode(rawValue: 3)", true),
        ("effects.lock(table, kind, by: AlterTableFacts.addColumn)", false),
        ("// SHARE UPDATE EXCLUSIVE: .share is weaker", false),
    ])
    func theLockLiteralCheckCatchesAMode(line: String, isLiteral: Bool) {
        #expect(Self.lockLiterals(in: line).isEmpty != isLiteral)
    }

    /// Each fact row's name, with its file: `static let name = Fact(` and `static let name: [LockMode: Fact]`.
    static func factRows() throws -> [(name: String, file: String)] {
        let row = try NSRegularExpression(pattern: #"static let (\w+)(?: = Fact\(|: \[LockMode: Fact\])"#)
        var rows: [(String, String)] = []
        for file in try swiftFiles(in: effectsDirectory) where isFactsFile(file) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in row.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                rows.append((String(text[Range(match.range(at: 1), in: text)!]), file.lastPathComponent))
            }
        }
        return rows
    }

    /// The analysis code with what only lists the rows taken out: the definitions, the `all`
    /// lists (continued lines included), and comments.
    static func readingCode(of texts: [String]) -> String {
        var code = ""
        for text in texts {
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            var depth = 0, inList = false
            for (number, line) in lines.enumerated() {
                if line.hasPrefix("static let all") { inList = true }
                if inList {
                    depth += line.filter { $0 == "[" }.count - line.filter { $0 == "]" }.count
                    let continues = number + 1 < lines.count && lines[number + 1].hasPrefix("+")
                    if depth <= 0 && !continues { inList = false }
                    continue
                }
                if line.hasPrefix("//") || line.range(of: #"static let \w+ = Fact\("#, options: .regularExpression) != nil { continue }
                code += line + "\n"
            }
        }
        return code
    }

    static func readingCode() throws -> String {
        readingCode(of: try swiftFiles(in: effectsDirectory).map { try String(contentsOf: $0, encoding: .utf8) })
    }

    /// A row is read where the code uses it as a value (`by: drop`, `facts.addColumn`,
    /// `AlterTableFacts.setNotNull`), not where a function of the same name is called or a
    /// parameter is labelled.
    static func isRead(_ name: String, in code: String) -> Bool {
        code.range(of: #"(?<![\w])(?:\w+\.)?"# + name + #"\b(?!\s*\()(?!:)"#, options: .regularExpression) != nil
    }

    @Test func everyFactRowIsRead() throws {
        let rows = try Self.factRows()
        #expect(rows.count > 60)
        let code = try Self.readingCode()
        let unread = rows.filter { !Self.isRead($0.name, in: code) }.map { "\($0.file): \($0.name)" }
        #expect(unread == [])
    }

    @Test func aRowOnlyDefinedAndListedIsUnread() {
        let facts = """
        enum SampleFacts {
            static let spare = Fact("sample.spare", lock: .share, doc: "x.html", truth: ["x"])
            static let used = Fact("sample.used", lock: .share, doc: "x.html", truth: ["x"])
            static let all = [spare,
                              used]
                + extra
            // spare is kept for later
            static func spare(_ statement: Statement) { effects.lock(table, kind, by: used) }
        }
        """
        let code = Self.readingCode(of: [facts])
        #expect(!Self.isRead("spare", in: code))
        #expect(Self.isRead("used", in: code))
        #expect(Self.isRead("spare", in: Self.readingCode(of: [facts + "\nlet fact = isFull ? spare : used\n"])))
    }
}
