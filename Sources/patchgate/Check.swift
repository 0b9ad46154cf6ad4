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
        var paths: [String]

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Flag(help: "Show only warnings and errors, and only the verdicts worse than hot.")
        var quiet = false

        @Option(help: "Files checked in parallel (default: all cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "How the runner applies a file: per-file (one transaction) or none.")
        var transaction: TransactionModeArgument = .perFile

        @Option(help: "The longest lock_timeout that counts as a guard for a live change, e.g. 10s or 500ms.")
        var maxLockTimeout: String = "10s"

        @Option(name: .customLong("schema"), help: ArgumentHelp("A schema dump the patches apply to (repeatable), e.g. pg_dump --schema-only output.", valueName: "file"))
        var schemas: [String] = []

        func validate() throws {
            guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
            guard SettingDuration.milliseconds(maxLockTimeout) != nil else {
                throw ValidationError("--max-lock-timeout: '\(maxLockTimeout)' is not a duration such as 10s or 500ms")
            }
        }

        func run() throws {
            let catalog = try SchemaOption.load(schemas)
            let options = CheckOptions(
                transactionMode: transaction == .perFile ? .perFile : .none,
                maxLockTimeoutMilliseconds: SettingDuration.milliseconds(maxLockTimeout) ?? 10_000,
                catalog: catalog
            )
            let (inputs, collectErrors) = InputCollector.collect(paths)
            let style = Console.usesColor && format == .text ? TextStyle.color : TextStyle.plain
            let text = TextReporter(style: style, isQuiet: quiet)
            let run = RunOutput(format: format)
            if options.catalog == nil {
                WorkerPool.forEach(inputs, threads: jobs, { input in
                    FileOutcome.check(input, options: options, format: format, text: text)
                }, consume: run.add)
            } else {
                SeriesReplay.check(inputs, options: options, format: format, text: text).forEach(run.add)
            }
            let summary = run.summary
            let inputErrors = collectErrors + run.readErrors
            switch format {
            case .text:
                run.output.write(text.summary(summary, inputErrors: inputErrors))
            case .json:
                run.output.write(JSONReporter.documentTail(inputErrors: inputErrors.sorted { $0.path < $1.path }, summary: summary))
            }
            run.output.flush()
            if !inputErrors.isEmpty {
                if format == .json { inputErrors.forEach { Console.writeError("error: \($0.message)\n") } }
                throw ExitCode(2)
            }
            if summary.count(.rejected) + summary.count(.invalid) > 0 || summary.count(.error) > 0 { throw ExitCode(1) }
        }
    }
}

/// One file's rendered output and counts; the full result is dropped on the worker so that
/// memory stays flat however many files a run checks.
struct FileOutcome: Sendable {
    let rendered: [UInt8]
    let summary: RunSummary?
    let readError: InputError?
    /// The file's statements, kept only when a schema is replayed through the series.
    var statements: [Statement] = []

    static func check(_ input: InputFile, options: CheckOptions, format: OutputFormat, text: TextReporter) -> FileOutcome {
        switch InputCollector.read(input) {
        case .failure(let error):
            return FileOutcome(rendered: [], summary: nil, readError: error)
        case .success(let bytes):
            let result = Checker.check(path: input.path, bytes: bytes, options: options)
            var summary = RunSummary()
            summary.add(result)
            let rendered = format == .json ? JSONReporter.fileUTF8(result) : Array(text.renderFile(result).utf8)
            let statements = options.catalog == nil ? [] : result.statements.map(\.syntax)
            return FileOutcome(rendered: rendered, summary: summary, readError: nil, statements: statements)
        }
    }
}
