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
            inputs += indexRebuilds(of: table, size: size, sizes: sizes, input: input)
        }
        for table in unique(effects.scans) where !context.isEmptyNew(table) && !effects.rewrites.contains(table) {
            inputs.append(input(table, .scan, sizes.table(table)?.heapBytes))
        }
        for build in effects.indexBuilds {
            if case .reindex = statement.syntax {
                inputs += reindexInputs(build, sizes: sizes, context: context, input: input)
            } else if let table = build.table, !context.isEmptyNew(table), !effects.rewrites.contains(table) {
                inputs.append(input(table, .indexBuild, sizes.table(table)?.heapBytes))
            }
        }
        for table in unique(effects.wholeTableWrites) where !context.isEmptyNew(table) {
            inputs.append(input(table, .wholeTableWrite, sizes.table(table).map { EstimateCeiling.bytes($0.heapBytes, $0.toastBytes) }))
        }
        return inputs
    }

    /// After a rewrite PostgreSQL rebuilds every index of the table, each from the new heap:
    /// one index build per index. The indexes are the statistics' list, else the catalog's.
    private static func indexRebuilds(of table: QualifiedName, size: TableStatistics.Size?, sizes: PatchEstimator.Sizes,
                                      input: (QualifiedName, CostRates.Operation, Int64?) -> Input) -> [Input] {
        let listed = size.map { $0.indexes.keys.sorted() } ?? []
        let names = listed.isEmpty ? sizes.indexes(of: table) : listed
        if names.isEmpty, let size, size.indexBytes > 0 {
            return [input(table, .indexBuild, size.heapBytes)]
        }
        return names.map { input($0, .indexBuild, size?.heapBytes) }
    }

    /// REINDEX rebuilds existing indexes, each from the heap of its table.
    private static func reindexInputs(_ build: IndexBuild, sizes: PatchEstimator.Sizes, context: StatementContext,
                                      input: (QualifiedName, CostRates.Operation, Int64?) -> Input) -> [Input] {
        guard let table = build.table else {
            return build.index.map { [input($0, .indexBuild, sizes.table(owningIndex: $0)?.heapBytes)] } ?? []
        }
        if context.isEmptyNew(table) { return [] }
        if let index = build.index { return [input(index, .indexBuild, sizes.table(table)?.heapBytes)] }
        return indexRebuilds(of: table, size: sizes.table(table), sizes: sizes, input: input)
    }

    private static func unique(_ names: [QualifiedName]) -> [QualifiedName] {
        var seen = Set<QualifiedName>()
        return names.filter { seen.insert($0).inserted }
    }
}
