import PatchgateEffects
import PatchgateReport
import PatchgateRules
import PatchgateRunners
import PatchgateSource
import PatchgateSyntax

/// Runs a planned series: without a schema every reported file is checked on its own, in
/// parallel; with one, the files run one after another, each checked against the schema as the
/// earlier files of the run left it, and then replayed into it.
struct SeriesReplay {
    let plan: FileOutcome.Plan
    /// `--transaction`, when given: it overrides how the runner wraps and sends each file.
    let explicitTransactionMode: TransactionMode?

    func run(_ items: [RunItem], jobs: Int, consume: @escaping (FileOutcome) -> Void) {
        guard plan.options.catalog != nil else {
            let plan = self.plan, explicit = explicitTransactionMode
            WorkerPool.forEach(items.filter(\.isReported), threads: jobs,
                               { item in FileOutcome.check(item.input, plan: plan.applying(item, explicit: explicit, catalog: nil)) },
                               consume: consume)
            return
        }
        let replay = self
        WorkerPool.map([items], threads: 1) { (items: [RunItem]) -> [FileOutcome] in
            var catalog = replay.plan.options.catalog ?? Catalog()
            return items.compactMap { item in replay.step(item, catalog: &catalog) }
        }[0].forEach(consume)
    }

    /// Checks (when reported) and replays (when part of the series) one file.
    private func step(_ item: RunItem, catalog: inout Catalog) -> FileOutcome? {
        guard item.isReported else {
            if item.isReplayed { Self.replayUnreported(item, into: &catalog) }
            return nil
        }
        let filePlan = plan.applying(item, explicit: explicitTransactionMode, catalog: item.usesCatalog ? catalog : nil)
        var outcome = FileOutcome.check(item.input, plan: filePlan)
        if item.isReplayed { CatalogLoader.replay(outcome.statements, into: &catalog) }
        outcome.statements = []
        return outcome
    }

    /// An earlier patch the run was not asked about: parsed and applied, never reported. One
    /// that cannot be read is said so, since the files after it are checked without its changes.
    private static func replayUnreported(_ item: RunItem, into catalog: inout Catalog) {
        let input = item.input
        switch InputCollector.read(input) {
        case .failure(let error):
            Console.writeError("warning: earlier patch not replayed: \(error.message)")
        case .success(let bytes):
            guard let source = try? SourceFile(path: input.path, bytes: bytes) else {
                Console.writeError("warning: earlier patch not replayed: \(input.path) is not UTF-8 SQL text")
                return
            }
            // Only what its runner applies going up: a down section in the same file is not.
            let applied = source.part(.up, appliedBy: item.runner).source
            CatalogLoader.replay(PatchParser.parse(applied).statements.map(\.syntax), into: &catalog)
        }
    }
}

extension FileOutcome.Plan {
    /// The options one file is checked with: its runner (and `--transaction` over it), the part
    /// of the file checked, the catalog it sees, and the baseline that already contains it.
    func applying(_ item: RunItem, explicit: TransactionMode?, catalog: Catalog?) -> Self {
        var plan = self
        plan.options.transactionOverride = explicit
        if let explicit { plan.options.transactionMode = explicit }
        plan.options.runner = item.runner
        plan.options.direction = item.direction
        plan.options.catalog = catalog
        plan.options.containingBaseline = item.containingBaseline
        return plan
    }
}
