import PatchgateEffects
import PatchgateSource
import PatchgateSyntax

/// The pipeline for one file: bytes → source → statements → effects → findings → verdict.
public enum Checker {
    public static func check(path: String, bytes: [UInt8], options: CheckOptions) -> FileResult {
        let source: SourceFile
        do {
            source = try SourceFile(path: path, bytes: bytes)
        } catch {
            return FileResult(path: path, source: nil, statements: [], findings: [InputRules.finding(for: error, bytes: bytes)])
        }
        let parsed = PatchParser.parse(source)
        var fileOptions = options
        if parsed.requestsNoTransaction { fileOptions.transactionMode = .none }
        let statements = EffectAnalyzer.analyze(parsed.statements, transactionMode: fileOptions.transactionMode,
                                                catalog: fileOptions.catalog ?? Catalog(), knowsSchema: fileOptions.catalog != nil)
        let estimate = PatchEstimator.estimate(statements, sizes: fileOptions.sizes, rates: fileOptions.rates)
        var findings: [Finding] = []
        func run(_ rules: [any Rule]) {
            let patch = PatchContext(source: source, parsed: parsed, statements: statements, estimate: estimate,
                                     options: fileOptions, earlierFindings: findings)
            findings += rules.flatMap { $0.findings(in: patch) }
        }
        RuleRegistry.phases.forEach(run)
        findings = Downtime.settle(findings, estimate: estimate, statements: statements)
        run(RuleRegistry.budgetRules)
        let suppressed = SuppressionApplier.apply(parsed.suppressions, to: findings, source: source)
        return FileResult(path: path, source: source, statements: statements, findings: suppressed,
                          estimate: estimate, clock: FileClock(estimate: estimate, options: fileOptions))
    }
}
