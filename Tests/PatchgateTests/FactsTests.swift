import Foundation
import Testing
@testable import PatchgateEffects

/// Every row of the facts table is confirmed by a case that the truth suite (Tests/Truth) runs
/// on a real PostgreSQL 15 server.
struct FactsTests {
    static func truthCaseIDs() throws -> Set<String> {
        let url = TestSupport.repositoryRoot.appendingPathComponent("Tests/Truth/observed.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return Set(object?.keys.map { $0 } ?? [])
    }

    @Test func truthSuiteCoversAtLeast120Shapes() throws {
        #expect(try Self.truthCaseIDs().count >= 120)
    }

    @Test func everyFactHasATruthCase() throws {
        let known = try Self.truthCaseIDs()
        let uncovered = FactsTable.all.filter { $0.truthCases.isEmpty }.map(\.id)
        let unknown = FactsTable.all.flatMap { fact in fact.truthCases.filter { !known.contains($0) }.map { "\(fact.id): \($0)" } }
        #expect(uncovered == [])
        #expect(unknown == [])
        #expect(FactsTable.all.allSatisfy { $0.documentation.hasPrefix("https://www.postgresql.org/docs/15/") })
    }

    @Test func factIDsAreUnique() {
        let ids = FactsTable.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
