import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// Liquibase formatted SQL: the file starts `--liquibase formatted sql`; each `--changeset
/// author:id` runs on its own: split on `;` (`splitStatements`, default true) and executed
/// through JDBC with `setAutoCommit(!runInTransaction)` (liquibase-standard
/// AbstractFormattedChangeLogParser.java `RUN_IN_TRANSACTION_REGEX`, ChangeSet.java
/// `database.setAutoCommit(!runInTransaction)`, AbstractSQLChange.java `splitStatements = true`;
/// https://docs.liquibase.com/concepts/changelogs/attributes/runintransaction.html).
public struct LiquibaseRunner: MigrationRunner {
    public let id = "liquibase"
    public init() {}

    public func sections(of source: SourceFile) -> FileSections? {
        var sections = FileSections()
        let starts = LiquibaseChangeset.all(in: source)
        for (position, changeset) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].line.lowerBound : source.bytes.count
            sections.up.append(Span(start: source.nextLineStart(after: changeset.line), end: end))
        }
        return starts.isEmpty ? nil : sections
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let changesets = LiquibaseChangeset.all(in: parsed.source)
        let units = parsed.units(sections: sections, direction: direction) { span in
            let changeset = changesets.last { $0.line.lowerBound < span.start }
            let name = changeset.map { "changeset \($0.name) (line \($0.number))" } ?? "the file"
            let inTransaction = changeset?.attributes["runintransaction"]?.lowercased() != "false"
            let splits = changeset?.attributes["splitstatements"]?.lowercased() != "false"
            return ApplicationUnit(span: span, wrapping: inTransaction ? .runnerTransaction : .none,
                                   delivery: splits ? .statementByStatement : .oneQuery,
                                   reason: "liquibase, \(name)\(splits ? " statement by statement" : " as one statement")"
                                       + (inTransaction ? " in one transaction (runInTransaction defaults to true)" : ": runInTransaction:false"))
        }
        return FileApplication(runner: id, units: units, reopensAfterCommit: true,
                               noTransactionDirective: "`runInTransaction:false` on the `--changeset` line")
    }
}

/// One `--changeset author:id attribute:value …` line.
struct LiquibaseChangeset {
    let line: Range<Int>
    let number: Int
    let name: String
    /// Attribute names lower-cased.
    let attributes: [String: String]

    static func all(in source: SourceFile) -> [LiquibaseChangeset] {
        source.lineRanges.enumerated().compactMap { number, range in
            let text = source.lineText(range)
            guard text.hasPrefix("--") else { return nil }
            let words = text.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, words[0].lowercased() == "changeset" else { return nil }
            let attributes = Dictionary(words.dropFirst(2).compactMap { word -> (String, String)? in
                guard let colon = word.firstIndex(of: ":") else { return nil }
                return (word[..<colon].lowercased(), String(word[word.index(after: colon)...]))
            }, uniquingKeysWith: { _, last in last })
            return LiquibaseChangeset(line: range, number: number + 1, name: String(words[1]), attributes: attributes)
        }
    }
}
