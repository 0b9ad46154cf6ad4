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
            let finding = InputRules.finding(for: error, bytes: bytes)
            return FileResult(path: path, source: nil, statements: [], findings: RuleLevel.apply(options.ruleLevels, to: [finding]))
        }
        let parsed = PatchParser.parse(source, routines: options.catalog?.routineBodies ?? [:])
        var fileOptions = options
        if parsed.requestsNoTransaction { fileOptions.transactionMode = .none }
        // Launchpad's runner, not the file, decides how a patch is applied: by its content.
        let launchpad = options.profile == .launchpad ? LaunchpadPatch(path: path, statements: parsed.statements) : nil
        if let launchpad { fileOptions.transactionMode = launchpad.transactionMode }
        let statements = EffectAnalyzer.analyze(launchpad?.appliedStatements ?? parsed.statements, transactionMode: fileOptions.transactionMode,
                                                catalog: fileOptions.catalog ?? Catalog(), knowsSchema: fileOptions.catalog != nil)
        let estimate = PatchEstimator.estimate(statements, sizes: fileOptions.sizes, rates: fileOptions.rates)
        let clock = FileClock(estimate: estimate, options: fileOptions)
        var findings: [Finding] = []
        func run(_ phase: RulePhase) {
            let patch = PatchContext(source: source, parsed: parsed, statements: statements, estimate: estimate,
                                     clock: clock, options: fileOptions, earlierFindings: findings, launchpad: launchpad)
            // Levels apply phase by phase: a rule turned off does not stand in the way of the
            // less specific rules of later phases, which skip what earlier findings rejected.
            findings += RuleLevel.apply(options.ruleLevels, to: phase.findings(in: patch))
        }
        RuleRegistry.rulePhases.forEach(run)
        findings = Downtime.settle(findings, estimate: estimate, statements: statements)
        run(RuleRegistry.budgetPhase)
        findings = EmbeddedFindings.describe(findings, statements: parsed.statements, source: source)
        let suppressed = SuppressionApplier.apply(parsed.suppressions, to: findings, source: source, statements: parsed.statements)
        // Levels again, for the findings the suppression comments make themselves.
        var result = FileResult(path: path, source: source, statements: statements,
                                findings: RuleLevel.apply(options.ruleLevels, to: suppressed),
                                estimate: estimate, clock: clock)
        result.launchpadClass = launchpad?.applyClass
        return result
    }
}
