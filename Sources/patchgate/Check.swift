import ArgumentParser
import Foundation
import PatchgateEffects
import PatchgateReport
import PatchgateRules
import PatchgateRunners
import PatchgateSource
import PatchgateSyntax

extension Patchgate {
    struct Check: ParsableCommand {
        // Named, not derived from the type name: deriving it (reflection, then snake case) cost
        // a tenth of a one-file run's start-up.
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check patch files and give each a verdict: hot, downtime, rejected or invalid."
        )

        @Argument(help: "Patch files, directories (every *.sql below them), or - for standard input.")
        var paths: [String] = []

        @Option(help: "Format of the report on standard output.")
        var format: OutputFormat = .text

        @Option(name: .customLong("output"), help: ArgumentHelp(
            "Also write a report to a file, e.g. sarif=patchgate.sarif (repeatable).", valueName: "format=path"))
        var outputs: [OutputTarget] = []

        @Option(help: ArgumentHelp("Check only the patches added or modified since the merge base with this git revision.", valueName: "rev"))
        var changedSince: String?

        @Flag(help: "Check the staged content of the staged .sql files (for a pre-commit hook).")
        var staged = false

        @Flag(help: "Show only warnings and errors, and only the verdicts worse than hot.")
        var quiet = false

        // Optional, so that the help says "all cores" rather than this machine's count.
        @Option(help: "Files checked in parallel, at most 64 (default: all cores, up to 64).")
        var jobs: Int?

        // The options a configuration file can also set are nil when not given, so that
        // Configuration can tell a flag from a default.
        @Option(help: "How the runner applies a file: per-file (one transaction) or none (default: as the series' migration tool does, else per-file).")
        var transaction: TransactionModeArgument?

        @Flag(help: "Also check down migrations (undo/revert scripts, goose and dbmate down sections), each on its own, never replayed into the schema.")
        var includeDown = false

        @Option(help: ArgumentHelp("The migration tool that applies the files (default: detected from the layout, names and directives): \(RunnerID.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
        var runner: String?

        @Option(help: "The longest lock_timeout that counts as a guard for a live change, e.g. 10s (the default) or 500ms.")
        var maxLockTimeout: String?

        @Option(name: .customLong("schema"), help: ArgumentHelp("A schema dump the patches apply to (repeatable), e.g. pg_dump --schema-only output.", valueName: "file"))
        var schemas: [String] = []

        @Option(help: "Whose process the patches follow: generic (common migration layouts; the default) or launchpad.")
        var profile: Profile?

        @Flag(help: "With --profile launchpad: a plain CREATE INDEX in a hot patch is an error, not applied with CONCURRENTLY by hand.")
        var launchpadRequireConcurrently = false

        @Option(help: ArgumentHelp("The downtime window all patches of the run share, e.g. 5m (the default) or 90s.", valueName: "duration"))
        var budget: String?

        @Option(help: ArgumentHelp("The longest downtime one patch may take (default: the --budget; 15s with --profile launchpad).", valueName: "duration"))
        var patchBudget: String?

        @Option(name: .customLong("stats"), help: ArgumentHelp("Table sizes, JSON or YAML, version 1 (repeatable; see the README).", valueName: "file"))
        var statsFiles: [String] = []

        @Flag(help: "Count tables missing from the stats as empty instead of rejecting slow work on them.")
        var assumeSmall = false

        @Option(name: .customLong("rate"), help: ArgumentHelp(
            "A cost-model rate in MB/s: rewrite, index-build, scan or whole-table-write, or overhead in seconds per statement (repeatable).",
            valueName: "name=value"))
        var rates: [RateOption] = []

        @Option(name: .customLong("config"), help: ArgumentHelp(
            "The configuration file (default: the nearest .patchgate.yml from the working directory up).", valueName: "path"))
        var configPath: String?

        @Flag(help: "Read no configuration file.")
        var noConfig = false

        @Option(help: ArgumentHelp("Where the rules/ pages are published, an absolute URL such as https://github.com/org/repo/blob/main/rules/: every format links each rule there (without it, reports name `patchgate explain <id>`).", valueName: "url"))
        var ruleDocsUrl: String?

        func validate() throws {
            if let ruleDocsUrl, !ConfigKeys.isAbsoluteURL(ruleDocsUrl) {
                throw ValidationError("--rule-docs-url: '\(ruleDocsUrl)' is not an absolute URL such as https://example.org/rules/")
            }
            guard !staged || changedSince == nil else {
                throw ValidationError("--staged and --changed-since exclude each other: --staged checks what the next commit holds, --changed-since what a branch changed since a revision")
            }
            guard !paths.isEmpty || staged || changedSince != nil else {
                throw ValidationError("name the patches to check: files, directories or -, or use --staged or --changed-since")
            }
            guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard (jobs ?? 1) <= WorkerPool.maximumThreads else {
                throw ValidationError("--jobs: at most \(WorkerPool.maximumThreads) files are checked in parallel")
            }
            if let maxLockTimeout, let problem = DurationSetting.lockTimeout.problem(maxLockTimeout) {
                throw ValidationError("--max-lock-timeout: \(problem)")
            }
            for (flag, value) in [("--budget", budget), ("--patch-budget", patchBudget)] {
                if let value, let problem = DurationSetting.budget.problem(value) { throw ValidationError("\(flag): \(problem)") }
            }
            for rate in rates {
                if let problem = rate.rangeProblem { throw ValidationError("--rate: \(problem)") }
            }
            if let changedSince, changedSince.hasPrefix("-") {
                throw ValidationError("--changed-since: '\(changedSince)' is not a revision: a name starting with '-' would reach git as an option")
            }
            guard configPath == nil || !noConfig else { throw ValidationError("--config and --no-config exclude each other") }
            if let runner, RunnerID(rawValue: runner) == nil {
                throw ValidationError("--runner: '\(runner)' is not a runner patchgate knows: \(RunnerID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        private var flags: Configuration.Flags {
            Configuration.Flags(profile: profile, budget: budget, patchBudget: patchBudget, transaction: transaction,
                                runner: runner.flatMap(RunnerID.init(rawValue:)), maxLockTimeout: maxLockTimeout,
                                schemaPaths: schemas, statsPaths: statsFiles)
        }

        /// Flags over the configuration file over defaults; a bad file stops the run (exit 2).
        private func loadConfiguration() throws -> Configuration {
            do {
                return try Configuration.load(flags: flags, explicitPath: configPath, isDisabled: noConfig)
            } catch {
                error.messages.forEach { Console.writeError($0) }
                throw ExitCode(2)
            }
        }

        /// The paths named, the staged files, the files changed since a revision; and which of
        /// those already existed at that revision's merge base.
        private func collectInputs(_ selection: InputSelection?) throws -> ([InputFile], [InputError], Set<String>) {
            var (inputs, errors) = InputCollector.collect(paths, selection: selection)
            var landed: Set<String> = []
            do {
                if staged { inputs += try InputCollector.staged() }
                if let changedSince {
                    let changes = try ChangedPatches.since(changedSince)
                    landed = Set(changes.modifiedLanded)
                    inputs += (changes.added + changes.modifiedLanded)
                        .filter { FileManager.default.fileExists(atPath: $0) }.map { InputFile(path: $0) }
                    changes.deleted.forEach { Console.writeError("note: patch \($0) was deleted since \(changedSince)") }
                }
            } catch let failure as Git.Failure {
                Console.writeError(lines: "error: \(failure.message)")
                throw ExitCode(2)
            }
            var seen = Set<String>()
            let unique = inputs.filter { seen.insert($0.path).inserted }
            return (BytewiseOrder.sorted(unique, by: \.path), errors, landed)
        }

        /// The inputs in their series' replay order, with the earlier patches a schema replay
        /// needs; the dumps given as --schema are not patches of the run.
        private func seriesPlan(_ inputs: [InputFile], configuration: Configuration, hasCatalog: Bool) -> RunPlanner.Plan {
            let schemas = configuration.schemaPaths
            var planner = RunPlanner(profile: configuration.profile, includesDown: includeDown, replaysEarlierPatches: hasCatalog)
            planner.schemaPaths = schemas
            planner.chosenRunner = configuration.runner
            planner.namedPaths = Set(paths)
            if configuration.profile == .launchpad {
                planner.baseline = schemas.lazy.compactMap { path in LaunchpadRevision(baselineName: path).map { (path, $0) } }.first
            }
            return planner.plan(inputs)
        }

        func run() throws {
            let configuration = try loadConfiguration()
            guard !launchpadRequireConcurrently || configuration.profile == .launchpad else {
                Console.writeError("error: --launchpad-require-concurrently needs --profile launchpad (or profile: launchpad in the configuration file)")
                throw ExitCode(2)
            }
            let catalog = try SchemaOption.load(configuration.schemaPaths)
            var options = configuration.checkOptions(catalog: catalog)
            options.checksDownSections = includeDown
            options.launchpadRequiresConcurrently = launchpadRequireConcurrently
            options.statistics = try StatsOption.load(configuration.statsPaths)
            options.assumeSmall = assumeSmall || configuration.file?.assumeSmall == true
            options.rates = RateOption.rates(rates, file: configuration.file?.rates ?? [:])
            let (inputs, collectErrors, landed) = try collectInputs(configuration.inputSelection)
            let style = Console.usesColor && format == .text ? TextStyle.color : TextStyle.plain
            let text = TextReporter(style: style, isQuiet: quiet)
            // Formats that need the whole run keep every result; text and json alone stream.
            let keepsResults = !format.streamsPerFile || !outputs.isEmpty
            let ruleDocs = RuleDocs(baseURL: ruleDocsUrl ?? configuration.file?.ruleDocsUrl)
            let plan = FileOutcome.Plan(options: options, format: format, text: text, keepsResult: keepsResults, landedPatches: landed, ruleDocs: ruleDocs)
            let run = RunOutput(streaming: keepsResults ? nil : format, text: text)
            let series = seriesPlan(inputs, configuration: configuration, hasCatalog: catalog != nil)
            // The layout decides how each file runs unless the flag or the configuration file says.
            let explicitMode = (transaction ?? configuration.file?.transaction).map { $0 == .perFile ? TransactionMode.perFile : TransactionMode.none }
            SeriesReplay(plan: plan, explicitTransactionMode: explicitMode).run(series.items, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, consume: run.add)
            var summary = run.summary
            summary.windowBudgetSeconds = options.budget.windowSeconds
            summary.skipped = SkippedInput.sorted(summary.skipped + series.skipped)
            let inputErrors = collectErrors + series.unreadable + run.readErrors
            var outputFailures: [String] = []
            if keepsResults {
                var result = CheckResult(filesInRunOrder: run.results, inputErrors: inputErrors)
                result.windowBudgetSeconds = options.budget.windowSeconds
                result.skipped = series.skipped
                result.ruleDocsBaseURL = ruleDocs.baseURL
                run.output.write(ReportWriter.render(format, result, text: text))
                outputFailures = ReportWriter.write(outputs, result)
            } else if format == .json {
                run.output.write(JSONReporter.documentTail(inputErrors: inputErrors.sorted { $0.path < $1.path }, summary: summary))
            } else {
                run.output.write(text.summary(summary, inputErrors: inputErrors))
            }
            run.output.flush()
            outputFailures.forEach { Console.writeError("error: \($0)") }
            if !inputErrors.isEmpty || !outputFailures.isEmpty {
                if format != .text { inputErrors.forEach { Console.writeError("error: \($0.message)") } }
                throw ExitCode(2)
            }
            if summary.count(.rejected) + summary.count(.invalid) > 0 || summary.count(.error) > 0 || summary.isOverWindowBudget {
                throw ExitCode(1)
            }
        }
    }
}

/// One file's rendered output and counts. Unless a whole-run format needs it, the full result
/// is dropped on the worker so that memory stays flat however many files a run checks.
struct FileOutcome: Sendable {
    struct Plan: Sendable {
        var options: CheckOptions
        let format: OutputFormat
        let text: TextReporter
        let keepsResult: Bool
        var landedPatches: Set<String> = []
        var ruleDocs = RuleDocs()
    }

    /// Files up to this size are rendered on the worker that checked them; a bigger one's
    /// report (tens of times its size) is rendered piece by piece as it is written.
    static let renderedOnWorkerLimit = 1 << 20

    let rendered: [UInt8]
    let summary: RunSummary?
    let readError: InputError?
    var result: FileResult?
    /// The file's statements, kept only when a schema is replayed through the series.
    var statements: [Statement] = []

    static func check(_ input: InputFile, plan: Plan) -> FileOutcome {
        switch InputCollector.read(input) {
        case .failure(let error):
            return FileOutcome(rendered: [], summary: nil, readError: error)
        case .success(let bytes):
            var options = plan.options
            options.isLandedPatch = plan.landedPatches.contains(input.path)
            // A down check of a file without a down section has nothing to report.
            guard var result = Checker.checkSection(path: input.path, bytes: bytes, options: options) else {
                return FileOutcome(rendered: [], summary: nil, readError: nil)
            }
            result.ruleDocs = plan.ruleDocs
            var summary = RunSummary()
            summary.add(result)
            // A big file's report is rendered as it is written out (see RunOutput), not held whole.
            let rendersLater = !plan.keepsResult && bytes.count > Self.renderedOnWorkerLimit
            let rendered = plan.keepsResult || rendersLater ? []
                : plan.format == .json ? JSONReporter.fileUTF8(result) : Array(plan.text.renderFile(result).utf8)
            let statements = options.catalog == nil ? [] : result.statements.map(\.syntax)
            return FileOutcome(rendered: rendered, summary: summary, readError: nil,
                               result: plan.keepsResult || rendersLater ? result : nil, statements: statements)
        }
    }
}
