import PatchgateSyntax

/// The bytes a statement reads or writes, operation by operation. Relations the patch created
/// and left empty cost nothing.
enum DataWork {
    typealias Input = StatementEstimate.Input

    static func inputs(of statement: AnalyzedStatement, sizes: PatchEstimator.Sizes, rates: CostRates) -> [Input] {
        let effects = statement.effects
        let context = statement.context
        func input(_ relation: QualifiedName, _ operation: CostRates.Operation, _ bytes: Int64?) -> Input {
            Input(relation: relation, operation: operation, bytes: bytes, rateMBps: rates.rate(operation))
        }
        var inputs: [Input] = []
        for table in unique(effects.rewrites) where !context.isEmptyNew(table) {
            let size = sizes.table(table)
            inputs.append(input(table, .rewrite, size.map { EstimateCeiling.bytes($0.heapBytes, $0.toastBytes) }))
        }
        for table in unique(effects.scans) where !context.isEmptyNew(table) && !effects.rewrites.contains(table) {
            inputs.append(input(table, .scan, sizes.table(table)?.heapBytes))
        }
        for build in effects.indexBuilds where !build.isOnEmptyTable {
            inputs += buildInputs(build, sizes: sizes, input: input)
        }
        for table in unique(effects.wholeTableWrites) where !context.isEmptyNew(table) {
            inputs.append(input(table, .wholeTableWrite, sizes.table(table).map { EstimateCeiling.bytes($0.heapBytes, $0.toastBytes) }))
        }
        return inputs
    }

    /// Each index is built from the heap of its table, so it costs the table's heap bytes at
    /// the index-build rate. A build that stands for every index of a table no schema lists
    /// becomes one build per index the statistics list, or one for the table when they give
    /// only the total.
    private static func buildInputs(_ build: IndexBuild, sizes: PatchEstimator.Sizes,
                                    input: (QualifiedName, CostRates.Operation, Int64?) -> Input) -> [Input] {
        func indexBuild(_ index: QualifiedName?, of relation: QualifiedName, _ bytes: Int64?) -> Input {
            var built = input(relation, .indexBuild, bytes)
            built.index = index
            return built
        }
        guard let table = build.table else {
            return build.index.map { [indexBuild($0, of: $0, sizes.table(owningIndex: $0)?.heapBytes)] } ?? []
        }
        let size = sizes.table(table)
        if let index = build.index { return [indexBuild(index, of: table, size?.heapBytes)] }
        guard let size else { return [indexBuild(nil, of: table, nil)] }
        let listed = size.indexes.keys.sorted()
        if listed.isEmpty { return size.indexBytes > 0 ? [indexBuild(nil, of: table, size.heapBytes)] : [] }
        return listed.map { indexBuild($0, of: table, size.heapBytes) }
    }

    private static func unique(_ names: [QualifiedName]) -> [QualifiedName] {
        var seen = Set<QualifiedName>()
        return names.filter { seen.insert($0).inserted }
    }
}
