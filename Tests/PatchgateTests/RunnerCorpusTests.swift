import Foundation
import Testing

/// `corpus-runners.md` names the runner that applies each series of ../shared/corpus. Here: the
/// table is well formed and covers every file of the corpus. That patchgate detects each runner,
/// and finds no transaction-rule finding the runner would not hit, is checked by
/// `Tests/Truth/runners/test_corpus_runners.py` (it needs the built binary and an oracle of how
/// each tool sends a file). Without ../shared the corpus checks have nothing to read; CI has it.
struct RunnerCorpusTests {
    static let table = CorpusRunnerTable.load(
        TestSupport.repositoryRoot.appendingPathComponent("Tests/PatchgateTests/corpus-runners.md"))
    static let knownRunners: Set<String> = [
        "psql", "psql-single-transaction", "flyway", "liquibase", "golang-migrate", "goose", "dbmate", "prisma",
        "diesel", "sqlx", "node-pg-migrate", "postgres-migrations", "sqitch", "graphile-migrate", "atlas",
        "refinery", "popx", "launchpad",
    ]
    static var corpusIsPresent: Bool { FileManager.default.fileExists(atPath: TestSupport.corpus.path) }

    @Test func everyRowNamesAKnownRunner() {
        #expect(Self.table.rows.count >= 13)
        for row in Self.table.rows {
            #expect(Self.knownRunners.contains(row.runner), "\(row.files): \(row.runner)")
            switch row.detected {
            case .none: break
            case .runner(let id): #expect(Self.knownRunners.contains(id), "\(row.files): \(id)")
            case .ambiguous(let candidates):
                #expect(candidates.count >= 2 && Set(candidates).isSubset(of: Self.knownRunners), "\(row.files)")
            }
        }
    }

    @Test func tableCoversEverySeriesOfTheCorpus() {
        guard Self.corpusIsPresent else { return }
        #expect(Set(Self.table.rows.map(\.series)) == Set(CorpusTests.corpora))
        for row in Self.table.rows {
            #expect(FileManager.default.fileExists(atPath: TestSupport.corpus.appendingPathComponent(row.files).path), "\(row.files)")
        }
    }

    @Test func everyFileOfTheCorpusHasARow() {
        guard Self.corpusIsPresent else { return }
        let root = TestSupport.corpus.path + "/"
        let files = CorpusTests.sqlFiles(under: TestSupport.corpus).map { String($0.path.dropFirst(root.count)) }
        #expect(files.count > 4000)
        let uncovered = files.filter { file in !Self.table.rows.contains { file.hasPrefix($0.files) } }
        #expect(uncovered.isEmpty, "\(uncovered.prefix(5))")
    }
}
