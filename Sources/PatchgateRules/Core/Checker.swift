import PatchgateEffects
import PatchgateSource
import PatchgateSyntax

/// The pipeline for one file: bytes → source → statements → effects → findings → verdict.
public enum Checker {
    public static func check(path: String, bytes: [UInt8], options: CheckOptions) -> FileResult {
        checkSection(path: path, bytes: bytes, options: options) ?? FileResult(path: path, source: nil, statements: [], findings: [])
    }

    /// The file as its runner applies `options.direction`; nil for a down check of a file that
    /// holds no down section.
    public static func checkSection(path: String, bytes: [UInt8], options: CheckOptions) -> FileResult? {
        let whole: SourceFile
        do {
            whole = try SourceFile(path: path, bytes: bytes)
        } catch {
            let finding = InputRules.finding(for: error, bytes: bytes)
            return FileResult(path: path, source: nil, statements: [], findings: RuleLevel.apply(options.ruleLevels, to: [finding]))
        }
        let (source, runner, sections) = whole.part(options.direction, appliedBy: options.runner)
        if options.direction == .down, sections?.down.isEmpty ?? true { return nil }
        let parsed = PatchParser.parse(source, routines: options.catalog?.routineBodies ?? [:])
        // Launchpad's runner, not the file, decides how a patch is applied: by its content.
        let launchpad = options.profile == .launchpad ? LaunchpadPatch(path: path, statements: parsed.statements) : nil
        let application = FileApplication.decided(parsed: parsed, runner: runner, sections: sections, launchpad: launchpad, options: options)
        let applied = launchpad?.appliedStatements ?? parsed.statements
        let timeline = TransactionTimeline(applied, application: application)
        let statements = EffectAnalyzer.analyze(applied, timeline: timeline,
                                                catalog: options.catalog ?? Catalog(), knowsSchema: options.catalog != nil)
        let estimate = PatchEstimator.estimate(statements, sizes: options.sizes, rates: options.rates)
        let clock = FileClock(estimate: estimate, options: options)
        var findings: [Finding] = []
        func run(_ phase: RulePhase) {
            let patch = PatchContext(source: source, parsed: parsed, statements: statements, estimate: estimate,
                                     clock: clock, options: options, earlierFindings: findings, launchpad: launchpad,
                                     application: application, timeline: timeline)
            // Levels apply phase by phase: a rule turned off does not stand in the way of the
            // less specific rules of later phases, which skip what earlier findings rejected.
            findings += RuleLevel.apply(options.ruleLevels, to: phase.findings(in: patch))
        }
        RuleRegistry.rulePhases.forEach(run)
        findings = Downtime.settle(findings, estimate: estimate, statements: statements)
        run(RuleRegistry.budgetPhase)
        findings = EmbeddedFindings.describe(findings, statements: parsed.statements, source: source)
        findings = SafeRewrites.attach(to: findings, statements: statements, source: source)
        // Each step replaces the list, so that a big file's findings are not held several times.
        findings = SuppressionApplier.apply(parsed.suppressions, to: findings, source: source, statements: parsed.statements)
        // Levels again, for the findings the suppression comments make themselves.
        findings = RuleLevel.apply(options.ruleLevels, to: findings)
        var result = FileResult(path: path, source: source, statements: statements, findings: findings,
                                estimate: estimate, clock: clock)
        result.launchpadClass = launchpad?.applyClass
        result.application = application
        if options.direction == .up, let down = sections?.down, !down.isEmpty, !options.checksDownSections {
            result.skippedSections = down.filter { !whole.isBlank($0) }.map { span in
                "\(application.runner ?? "the runner")'s down section, lines \(whole.position(of: span.start).line)-\(whole.position(of: max(span.start, span.end - 1)).line): checked only with --include-down"
            }
        }
        return result
    }
}

extension FileApplication {
    /// The runner's units for the checked part; without a runner, `--transaction` (or the
    /// file's `-- patchgate: no-transaction`) for the whole file.
    static func decided(parsed: ParsedPatch, runner: (any MigrationRunner)?, sections: FileSections?,
                        launchpad: LaunchpadPatch?, options: CheckOptions) -> FileApplication {
        let whole = Span(start: 0, end: parsed.source.bytes.count)
        if let override = options.transactionOverride {
            var application = FileApplication.plain(override, span: whole, reason: "--transaction \(override.rawValue) overrides how \(runner?.id ?? "the runner") applies the file")
            application.runner = runner?.id
            if let spans = sections?.spans(options.direction), let template = application.units.first {
                application.units = spans.map { span in
                    var unit = template
                    unit.span = span
                    unit.direction = options.direction
                    return unit
                }
            }
            return application
        }
        // Launchpad's process applies a hot patch in production live, by hand (its index builds
        // CONCURRENTLY): the profile checks that application, not upgrade.py's.
        if let launchpad, launchpad.applyClass == .hot {
            var application = FileApplication.plain(.none, span: whole, reason: "launchpad profile, hot: applied live by hand, statement by statement")
            application.runner = runner?.id
            return application
        }
        guard let runner else {
            if launchpad != nil {
                // full-update.py applies every cold patch in the one transaction it commits at the end.
                return .plain(.perFile, span: whole, reason: "launchpad profile, cold: one transaction")
            }
            if parsed.requestsNoTransaction {
                return .plain(.none, span: whole, reason: "no runner; `-- patchgate: no-transaction`: statement by statement in autocommit")
            }
            return .plain(options.transactionMode, span: whole, reason: options.transactionMode == .perFile
                ? "no runner detected or chosen, so --transaction per-file: one transaction around the file"
                : "no runner detected or chosen, so --transaction none: statement by statement in autocommit")
        }
        var application = runner.application(of: parsed, sections: sections, direction: options.direction)
        if options.direction == .up { application.notes = (sections?.notes ?? []) + application.notes }
        if parsed.requestsNoTransaction, let comment = parsed.comments.first(where: { parsed.source.text($0.span).contains("patchgate: no-transaction") }) {
            let directive = application.noTransactionDirective.map { "; \(runner.id)'s own way is \($0)" } ?? "; \(runner.id) has no way to run it outside a transaction"
            application.notes.append(RunnerNote(.directiveWarning, span: comment.span,
                                                message: "`-- patchgate: no-transaction` changes nothing under \(runner.id), which applies this file as it always does\(directive)",
                                                help: "use the runner's own directive, or --transaction none to override the runner"))
        }
        return application
    }
}

extension SourceFile {
    /// The part of the file its runner applies in `direction`, with the runner the file resolves
    /// to and its sections. The other direction's text is blanked, not cut out: positions stay
    /// those of the file, and the directive lines around the sections stay for the runner to read.
    public func part(_ direction: ApplicationUnit.Direction, appliedBy runner: (any MigrationRunner)?)
        -> (source: SourceFile, runner: (any MigrationRunner)?, sections: FileSections?) {
        let resolved = runner?.resolved(for: self)
        let sections = resolved?.sections(of: self)
        let source = sections.map { blanking(direction == .up ? $0.down : $0.up) } ?? self
        return (source, resolved, sections)
    }

    /// The file with every byte in `spans` blanked to a space (line ends kept).
    func blanking(_ spans: [Span]) -> SourceFile {
        guard !spans.isEmpty else { return self }
        var bytes = self.bytes
        for span in spans {
            for offset in max(0, span.start)..<min(span.end, bytes.count) where bytes[offset] != UInt8(ascii: "\n") {
                bytes[offset] = UInt8(ascii: " ")
            }
        }
        return (try? SourceFile(path: path, bytes: bytes)) ?? self
    }

    /// Only blanks and comments-free whitespace in `span`.
    func isBlank(_ span: Span) -> Bool {
        bytes[max(0, span.start)..<min(span.end, bytes.count)].allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
    }
}
