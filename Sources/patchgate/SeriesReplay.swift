import PatchgateEffects
import PatchgateReport
import PatchgateRules

/// With a schema, each patch is checked against the schema as the earlier patches of the
/// series left it, so the files run one after another, in path order.
enum SeriesReplay {
    static func check(_ inputs: [InputFile], options: CheckOptions, format: OutputFormat, text: TextReporter) -> [FileOutcome] {
        WorkerPool.map([inputs], threads: 1) { (inputs: [InputFile]) -> [FileOutcome] in
            var fileOptions = options
            return inputs.map { input in
                let outcome = FileOutcome.check(input, options: fileOptions, format: format, text: text)
                if var catalog = fileOptions.catalog {
                    CatalogLoader.replay(outcome.statements, into: &catalog)
                    fileOptions.catalog = catalog
                }
                return outcome
            }
        }[0]
    }
}
