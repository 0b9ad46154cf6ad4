import PatchgateReport
import PatchgateRules
import PatchgateSource

/// What a run has written and counted so far. Files arrive in the run's order (each series in
/// its replay order, see `RunPlanner`), one at a time (see `WorkerPool.forEach`), on whichever
/// worker thread finished the next one.
final class RunOutput: @unchecked Sendable {
    /// The format written file by file as results arrive; nil when a whole-run format keeps them.
    let format: OutputFormat?
    let text: TextReporter
    var output = StandardOutput()
    private(set) var results: [FileResult] = []
    private(set) var summary = RunSummary()
    private(set) var readErrors: [InputError] = []
    private var filesWritten = 0

    init(streaming format: OutputFormat?, text: TextReporter) {
        self.format = format
        self.text = text
        if format == .json { output.write(JSONReporter.documentHead) }
    }

    func add(_ outcome: FileOutcome) {
        if let error = outcome.readError { readErrors.append(error) }
        guard let file = outcome.summary else { return }
        summary.merge(file)
        guard let format else {
            if let result = outcome.result { results.append(result) }
            return
        }
        if format == .json, filesWritten > 0 { output.write(JSONReporter.fileSeparator) }
        if let result = outcome.result {
            // A big file, rendered here piece by piece (see `FileOutcome.renderedOnWorkerLimit`).
            let rest = format == .json ? JSONReporter.fileUTF8(result) { self.output.write($0) }
                : Array(text.renderFile(result) { self.output.write($0) }.utf8)
            output.write(rest)
        } else {
            output.write(outcome.rendered)
        }
        filesWritten += 1
    }
}
