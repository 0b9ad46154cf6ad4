import Foundation
import Testing
import PatchgateRules
import PatchgateSource
import PgQuery
@testable import PatchgateSyntax

/// The real-world corpora in ../shared/corpus: positions must be exact everywhere, and syntax
/// errors reported exactly where PostgreSQL 15 rejects a file.
struct CorpusTests {
    static func sqlFiles(under directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "sql" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    static var corpora: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path)) ?? [])
            .filter { !$0.hasSuffix(".md") }.sorted()
    }

    @Test func corpusIsPresent() {
        #expect(Self.corpora.count >= 13, "expected the shared corpus at \(TestSupport.corpus.path)")
    }

    @Test func launchpadSyntaxErrorsAreExactlyWherePostgreSQL15RejectsTheFile() throws {
        let directory = TestSupport.corpus.appendingPathComponent("launchpad/patches")
        let contents = try Self.sqlFiles(under: directory).map { url in (url, try Data(contentsOf: url)) }
        let results = TestSupport.onLargeStack {
            contents.map { url, data in
                Checker.check(path: url.lastPathComponent, bytes: Array(data), options: CheckOptions())
            }
        }
        #expect(results.count == 582)
        let errors = results.flatMap { result in
            result.findings.filter { $0.rule == "syntax-error" }.map { "\(result.path):\($0.start.line):\($0.start.column): \($0.message)" }
        }
        // Positions as the PostgreSQL 15 server reports them for this file (the LINE marker of
        // psql's error, checked by hand): CREATE EXTENSION … FROM unpackaged was removed in 13.
        #expect(errors == [
            "patch-2209-39-0.sql:3:28: PostgreSQL 15: CREATE EXTENSION ... FROM is no longer supported",
            "patch-2209-39-0.sql:70:38: PostgreSQL 15: CREATE EXTENSION ... FROM is no longer supported",
        ])
    }

    @Test(arguments: corpora)
    func everyStatementStartsAtItsFirstKeyword(corpus: String) throws {
        let files = Self.sqlFiles(under: TestSupport.corpus.appendingPathComponent(corpus))
        #expect(!files.isEmpty)
        let contents = try files.map { url in (url, try Data(contentsOf: url)) }
        let failures = TestSupport.onLargeStack { contents.flatMap { Self.positionFailures(in: $0, bytes: $1) } }
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Comments and statement spans come from the Swift lexer instead of a second libpg_query
    /// pass, for text the parser accepts and for text it rejects (the grammar's verdict does not
    /// change how text is split into tokens): they must be what PostgreSQL's scanner finds,
    /// over the statements the parser returns or, for rejected text, the scanner's pieces.
    @Test(arguments: corpora)
    func swiftLexerAgreesWithTheScanner(corpus: String) throws {
        let files = try Self.sqlFiles(under: TestSupport.corpus.appendingPathComponent(corpus)).map { url in (url, try Data(contentsOf: url)) }
        var compared = 0
        let failures = TestSupport.onLargeStack {
            files.compactMap { url, data -> String? in
                // Not UTF-8 text, or with a NUL byte: not a file the lexer is compared on.
                guard let source = try? SourceFile(path: url.path, bytes: Array(data)) else { return nil }
                let bytes = PsqlPreprocessor.prepare(source.bytes).bytes
                guard let lexed = SQLLexer.tokens(in: bytes) else { return nil }
                let ranges: [Range<Int>]
                if let statements = try? LibPgQuery.parseStatements(bytes) {
                    ranges = statements.map { statement in
                        statement.location..<min(statement.length == 0 ? bytes.count : statement.location + statement.length, bytes.count)
                    }
                } else if let pieces = try? LibPgQuery.split(bytes) {
                    ranges = pieces.map { $0.offset..<min($0.length == 0 ? bytes.count : $0.offset + $0.length, bytes.count) }
                } else {
                    return nil
                }
                compared += 1
                let ours = TokenIndex(lexed: lexed), scanner = TokenIndex(scanning: bytes)
                if ours.comments != scanner.comments { return "\(url.path): comments differ" }
                for range in ranges where ours.statementSpan(in: range, bytes: bytes) != scanner.statementSpan(in: range, bytes: bytes) {
                    return "\(url.path): statement at byte \(range.lowerBound) spans differently"
                }
                return nil
            }
        }
        #expect(compared > 0)
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    static func positionFailures(in url: URL, bytes: Data) -> [String] {
        guard let source = try? SourceFile(path: url.path, bytes: Array(bytes)) else { return [] }
        let parsed = PatchParser.parse(source)
        return parsed.statements.compactMap { statement in
            let text = source.text(Span(start: statement.span.start, end: min(statement.span.start + 40, statement.span.end)))
            let position = source.position(of: statement.span.start)
            let expected = independentPosition(of: statement.span.start, in: bytes)
            if position != expected { return "\(url.path): \(position) != \(expected)" }
            // A parenthesised query starts with its opening parenthesis: its keyword comes next.
            let word = text.drop { $0 == "(" || $0.isWhitespace }.prefix { $0.isLetter || $0 == "_" }.uppercased()
            // What EXECUTE or a called routine runs is placed at the EXECUTE or the call.
            let isOwnText = statement.embedding.map { !$0.isDynamic && $0.routine == nil } ?? true
            let allowed = isOwnText ? leadingKeywords(statement.syntax) : nil
            if let allowed, !allowed.contains(word) { return "\(url.path):\(position.line):\(position.column): \(statement.syntax.kind) starts with '\(text.prefix(20))'" }
            if isOwnText, allowed == nil, word.isEmpty, !text.hasPrefix("(") { return "\(url.path):\(position.line):\(position.column): starts with '\(text.prefix(20))'" }
            return nil
        }
    }

    /// Line and column computed another way: count newlines, then characters.
    static func independentPosition(of offset: Int, in bytes: Data) -> SourcePosition {
        let before = String(decoding: bytes.prefix(offset), as: UTF8.self)
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return SourcePosition(line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
    }

    /// The words a statement of this kind can begin with; nil for any keyword.
    static func leadingKeywords(_ statement: Statement) -> Set<String>? {
        switch statement {
        case .alterTable, .alterEnum, .rename, .alterSequence, .alterObjectSchema, .alterDomain: ["ALTER"]
        case .select: ["SELECT", "WITH", "VALUES", "TABLE", "PERFORM"]
        case .createTable, .createIndex, .createEnum, .createView, .createFunction, .createTrigger, .createSequence, .createDomain: ["CREATE"]
        case .createTableAs: ["CREATE", "SELECT", "WITH"]
        case .drop: ["DROP"]
        case .doBlock: ["DO"]
        case .call: ["CALL"]
        case .reindex: ["REINDEX"]
        case .refreshMaterializedView: ["REFRESH"]
        case .cluster: ["CLUSTER"]
        case .vacuum: ["VACUUM", "ANALYZE", "ANALYSE"]
        case .truncate: ["TRUNCATE"]
        case .lock: ["LOCK"]
        case .setVariable: ["SET", "RESET"]
        case .transaction: ["BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE"]
        case .comment: ["COMMENT"]
        case .grant: ["GRANT", "REVOKE"]
        case .insert: ["INSERT", "WITH"]
        case .update: ["UPDATE", "WITH"]
        case .delete: ["DELETE", "WITH"]
        case .other: nil
        }
    }
}
