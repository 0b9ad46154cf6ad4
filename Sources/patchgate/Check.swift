import ArgumentParser
import Foundation
import PatchgateEffects
import PatchgateReport
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

extension Patchgate {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        @Option(help: "Files checked in parallel (default: all cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "How the runner applies a file: per-file (one transaction) or none (default: as the series' migration tool does, else per-file).")
        var transaction: TransactionModeArgument?

        @Flag(help: "Also check down migrations (undo/revert scripts), each on its own, never replayed into the schema.")
        var includeDown = false

        @Option(help: "The longest lock_timeout that counts as a guard for a live change, e.g. 10s or 500ms.")
        var maxLockTimeout: String = "10s"

        @Option(name: .customLong("schema"), help: ArgumentHelp("A schema dump the patches apply to (repeatable), e.g. pg_dump --schema-only output.", valueName: "file"))
        var schemas: [String] = []

        @Option(help: "Whose process the patches follow: generic (common migration layouts) or launchpad.")
        var profile: Profile = .generic

        @Flag(help: "With --profile launchpad: a plain CREATE INDEX in a hot patch is an error, not applied with CONCURRENTLY by hand.")
        var launchpadRequireConcurrently = false

        @Option(help: ArgumentHelp("The downtime window all patches of the run share, e.g. 5m or 90s.", valueName: "duration"))
        var budget: String = "5m"

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

        func validate() throws {
            guard !paths.isEmpty || staged || changedSince != nil else {
                throw ValidationError("name the patches to check: files, directories or -, or use --staged or --changed-since")
            }
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard !launchpadRequireConcurrently || profile == .launchpad else {
                throw ValidationError("--launchpad-require-concurrently needs --profile launchpad")
            }
            guard SettingDuration.milliseconds(maxLockTimeout) != nil else {
                throw ValidationError("--max-lock-timeout: '\(maxLockTimeout)' is not a duration such as 10s or 500ms")
            }
            for (flag, value) in [("--budget", budget), ("--patch-budget", patchBudget ?? "0")] where Budget.seconds(value) == nil {
                throw ValidationError("\(flag): '\(value)' is not a duration such as 5m, 15s or 300")
            }
        }

        private var budgetOption: Budget {
            let window = Budget.seconds(budget) ?? 300
            let defaultPatch = profile == .launchpad ? min(15, window) : window
            return Budget(patchSeconds: patchBudget.flatMap(Budget.seconds) ?? defaultPatch, windowSeconds: window)
        }

        /// The paths named, the staged files, the files changed since a revision; and which of
        /// those already existed at that revision's merge base.
        private func collectInputs() throws -> ([InputFile], [InputError], Set<String>) {
            var (inputs, errors) = InputCollector.collect(paths)
            var landed: Set<String> = []
            do {
                if staged { inputs += try InputCollector.staged() }
                if let changedSince {
                    let changes = try ChangedPatches.since(changedSince)
                    landed = Set(changes.modifiedLanded)
                    inputs += (changes.added + changes.modifiedLanded)
                        .filter { FileManager.default.fileExists(atPath: $0) }.map { InputFile(path: $0) }
                    changes.deleted.forEach { Console.writeError("note: patch \($0) was deleted since \(changedSince)\n") }
                }
            } catch let failure as Git.Failure {
                Console.writeError("error: \(failure.message)\n")
                throw ExitCode(2)
            }
            var seen = Set<String>()
            let unique = inputs.filter { seen.insert($0.path).inserted }
            return (unique.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }, errors, landed)
        }

        /// The inputs in their series' replay order, with the earlier patches a schema replay
        /// needs; the dumps given as --schema are not patches of the run.
        private func seriesPlan(_ inputs: [InputFile], hasCatalog: Bool) -> RunPlanner.Plan {
            var planner = RunPlanner(profile: profile, includesDown: includeDown, replaysEarlierPatches: hasCatalog)
            planner.schemaPaths = schemas
            if profile == .launchpad {
                planner.baseline = schemas.lazy.compactMap { path in LaunchpadRevision(baselineName: path).map { (path, $0) } }.first
            }
            let plan = planner.plan(inputs)
            if !plan.skippedDown.isEmpty {
                Console.writeError("note: \(plan.skippedDown.count) down migration(s) not checked (use --include-down), e.g. \(plan.skippedDown[0])\n")
            }
            if !plan.skippedVerify.isEmpty {
                Console.writeError("note: \(plan.skippedVerify.count) sqitch verify script(s) not checked: they are not migrations\n")
            }
            return plan
        }

        func run() throws {
            let catalog = try SchemaOption.load(schemas)
            var options = CheckOptions(
                transactionMode: .perFile,
                maxLockTimeoutMilliseconds: SettingDuration.milliseconds(maxLockTimeout) ?? 10_000,
                catalog: catalog
            )
            options.profile = profile
            options.launchpadRequiresConcurrently = launchpadRequireConcurrently
            options.budget = budgetOption
            options.statistics = try StatsOption.load(statsFiles)
            options.assumeSmall = assumeSmall
            options.rates = RateOption.rates(rates)
            let (inputs, collectErrors, landed) = try collectInputs()
            let style = Console.usesColor && format == .text ? TextStyle.color : TextStyle.plain
            let text = TextReporter(style: style, isQuiet: quiet)
            // Formats that need the whole run keep every result; text and json alone stream.
            let keepsResults = !format.streamsPerFile || !outputs.isEmpty
            let plan = FileOutcome.Plan(options: options, format: format, text: text, keepsResult: keepsResults, landedPatches: landed)
            let run = RunOutput(streaming: keepsResults ? nil : format)
            let series = seriesPlan(inputs, hasCatalog: catalog != nil)
            let explicitMode = transaction.map { $0 == .perFile ? TransactionMode.perFile : TransactionMode.none }
            SeriesReplay(plan: plan, explicitTransactionMode: explicitMode).run(series.items, jobs: jobs, consume: run.add)
            var summary = run.summary
            summary.windowBudgetSeconds = options.budget.windowSeconds
            var inputErrors = collectErrors + run.readErrors
            if keepsResults {
                var result = CheckResult(filesInRunOrder: run.results, inputErrors: inputErrors)
                result.windowBudgetSeconds = options.budget.windowSeconds
                run.output.write(ReportWriter.render(format, result, text: text))
                inputErrors += ReportWriter.write(outputs, result)
            } else if format == .json {
                run.output.write(JSONReporter.documentTail(inputErrors: inputErrors.sorted { $0.path < $1.path }, summary: summary))
            } else {
                run.output.write(text.summary(summary, inputErrors: inputErrors))
            }
            run.output.flush()
            if !inputErrors.isEmpty {
                if format != .text { inputErrors.forEach { Console.writeError("error: \($0.message)\n") } }
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
        /// The runner decides the file's transaction from its statements (Flyway).
        var decidesTransactionFromStatements = false
    }

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
            let result = plan.decidesTransactionFromStatements
                ? StatementDecidedTransaction.check(path: input.path, bytes: bytes, options: options)
                : Checker.check(path: input.path, bytes: bytes, options: options)
            var summary = RunSummary()
            summary.add(result)
            let rendered = plan.keepsResult ? []
                : plan.format == .json ? JSONReporter.fileUTF8(result) : Array(plan.text.renderFile(result).utf8)
            let statements = options.catalog == nil ? [] : result.statements.map(\.syntax)
            return FileOutcome(rendered: rendered, summary: summary, readError: nil,
                               result: plan.keepsResult ? result : nil, statements: statements)
        }
    }
}
