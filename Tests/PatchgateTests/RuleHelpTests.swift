import Testing
import PatchgateRules

/// A help followed as written must not lead into another rule's rejection.
struct RuleHelpTests {
    /// "Add the column without a default, then SET DEFAULT" keeps the NOT NULL, which fails on
    /// the existing rows (adding-not-null-column-without-default): the help names the deploys.
    @Test func aVolatileDefaultOnANotNullColumnIsFixedInSeveralDeploys() throws {
        let result = TestSupport.check("ALTER TABLE orders ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();\n")
        let finding = try #require(result.findings.first { $0.rule == "adding-column-with-volatile-default" })
        #expect(finding.help.hasPrefix("this takes several deploys: first ADD COLUMN token without NOT NULL or DEFAULT"), "\(finding.help)")
        #expect(finding.help.contains("CHECK (token IS NOT NULL) NOT VALID"))
        let firstStep = TestSupport.check("SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN token uuid;\nALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();\n")
        #expect(firstStep.verdict < .rejected, "\(firstStep.findings.map(\.rule))")
        let nullable = TestSupport.check("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();\n")
        #expect(nullable.findings.first { $0.rule == "adding-column-with-volatile-default" }?.help.hasPrefix("add the column without a default") == true)
    }
}
