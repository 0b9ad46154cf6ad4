import PatchgateReport
import PatchgateRules
import PatchgateSource

/// What a run has written and counted so far. Files arrive in the run's order (each series in
/// its replay order, see `RunPlanner`), one at a time (see `WorkerPool.forEach`), on whichever
/// worker thread finished the next one.
final class RunOutput: @unchecked Sendable {
    /// The format written file by file as results arrive; nil when a whole-run format keeps them.
    let format: OutputFormat?
    var output = StandardOutput()
    private(set) var results: [FileResult] = []
    private(set) var summary = RunSummary()
    private(set) var readErrors: [InputError] = []
    private var filesWritten = 0

    init(streaming format: OutputFormat?) {
        self.format = format
        if format == .json { output.write(JSONReporter.documentHead) }
    }

    func add(_ outcome: FileOutcome) {
        if let error = outcome.readError { readErrors.append(error) }
        guard let file = outcome.summary else { return }
        summary.merge(file)
        if let result = outcome.result { results.append(result) }
        guard format != nil else { return }
        if format == .json, filesWritten > 0 { output.write(JSONReporter.fileSeparator) }
        output.write(outcome.rendered)
        filesWritten += 1
    }
}
