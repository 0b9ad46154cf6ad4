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
        // Launchpad's runner, not the file, decides how a patch is applied: by its content.
        let launchpad = options.profile == .launchpad ? LaunchpadPatch(path: path, statements: parsed.statements) : nil
        if let launchpad { fileOptions.transactionMode = launchpad.transactionMode }
        let statements = EffectAnalyzer.analyze(launchpad?.appliedStatements ?? parsed.statements, transactionMode: fileOptions.transactionMode,
                                                catalog: fileOptions.catalog ?? Catalog(), knowsSchema: fileOptions.catalog != nil)
        let estimate = PatchEstimator.estimate(statements, sizes: fileOptions.sizes, rates: fileOptions.rates)
        var findings: [Finding] = []
        func run(_ rules: [any Rule]) {
            let patch = PatchContext(source: source, parsed: parsed, statements: statements, estimate: estimate,
                                     options: fileOptions, earlierFindings: findings, launchpad: launchpad)
            findings += rules.flatMap { $0.findings(in: patch) }
        }
        RuleRegistry.phases.forEach(run)
        findings = Downtime.settle(findings, estimate: estimate, statements: statements)
        run(RuleRegistry.budgetRules)
        let suppressed = SuppressionApplier.apply(parsed.suppressions, to: findings, source: source)
        var result = FileResult(path: path, source: source, statements: statements, findings: suppressed,
                                estimate: estimate, clock: FileClock(estimate: estimate, options: fileOptions))
        result.launchpadClass = launchpad?.applyClass
        return result
    }
}
