import PatchgateEffects
import PatchgateReport
import PatchgateRules

/// With a schema, each patch is checked against the schema as the earlier patches of the
/// series left it, so the files run one after another, in path order.
enum SeriesReplay {
    static func check(_ inputs: [InputFile], plan: FileOutcome.Plan) -> [FileOutcome] {
        WorkerPool.map([inputs], threads: 1) { (inputs: [InputFile]) -> [FileOutcome] in
            var filePlan = plan
            return inputs.map { input in
                let outcome = FileOutcome.check(input, plan: filePlan)
                if var catalog = filePlan.options.catalog {
                    CatalogLoader.replay(outcome.statements, into: &catalog)
                    filePlan.options.catalog = catalog
                }
                return outcome
            }
        }[0]
    }
}
