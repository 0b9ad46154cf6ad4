import PatchgateSyntax

/// Statements → effects, in order, each read against what the patch did before it.
public enum EffectAnalyzer {
    public static func analyze(_ statements: [ParsedStatement], timeline: TransactionTimeline,
                               catalog: Catalog = Catalog(), knowsSchema: Bool = false) -> [AnalyzedStatement] {
        var state = PatchState(timeline: timeline, catalog: catalog)
        var routine = RoutineTransaction()
        let analyzed = statements.map { statement in
            routine.enter(statement, state: &state)
            state.currentStatement = statement.index
            let context = state.context(of: statement.index)
            routine.start(statement, state: &state)
            var effects = effects(of: statement.syntax, state: state)
            if knowsSchema { SchemaReferences.check(statement.syntax, state: state, into: &effects) }
            // A COMMIT in a body is the routine's, not the end of an explicit block.
            let isRoutineControl = RoutineTransaction.isTransactionControl(statement)
            state.record(isRoutineControl ? .other(UntypedStatement(nodeName: "TransactionStmt")) : statement.syntax, effects: effects, index: statement.index)
            if isRoutineControl { routine.recordTransactionControl(statement, state: &state) }
            return AnalyzedStatement(parsed: statement, effects: effects, context: context)
        }
        routine.finish(state: &state)
        return analyzed
    }

    /// One function per statement family; the facts live in `Facts/`.
    static func effects(of statement: Statement, state: PatchState) -> StatementEffects {
        var effects = StatementEffects()
        switch statement {
        case .alterTable(let alter): AlterTableEffects.apply(alter, state: state, into: &effects)
        case .createTable(let create): TableFacts.createTable(create, state: state, into: &effects)
        case .createTableAs(let create): TableFacts.createTableAs(create, state: state, into: &effects)
        case .createIndex(let create): IndexFacts.createIndex(create, state: state, into: &effects)
        case .drop(let drop): dropEffects(drop, state: state, into: &effects)
        case .reindex(let reindex): IndexFacts.reindex(reindex, state: state, into: &effects)
        case .rename(let rename): TableFacts.rename(rename, state: state, into: &effects)
        case .createView(let view): CatalogFacts.createView(view, state: state, into: &effects)
        case .refreshMaterializedView(let refresh): MaintenanceFacts.refresh(refresh, state: state, into: &effects)
        case .createTrigger(let trigger): CatalogFacts.createTrigger(trigger, state: state, into: &effects)
        case .cluster(let cluster): MaintenanceFacts.cluster(cluster, state: state, into: &effects)
        case .vacuum(let vacuum): MaintenanceFacts.vacuum(vacuum, state: state, into: &effects)
        case .truncate(let truncate): TableFacts.truncate(truncate, state: state, into: &effects)
        case .lock(let lock): DataFacts.lock(lock, state: state, into: &effects)
        case .comment(let comment): CatalogFacts.comment(comment, state: state, into: &effects)
        case .insert(let insert): DataFacts.insert(insert, state: state, into: &effects)
        case .update(let update): DataFacts.modify(update.table, hasWhere: update.hasWhere, state: state, into: &effects)
        case .delete(let delete): DataFacts.modify(delete.table, hasWhere: delete.hasWhere, state: state, into: &effects)
        case .createEnum(let create): effects.created.append(state.resolve(create.name))
        case .createSequence(let name): effects.created.append(state.resolve(name))
        case .createDomain(let domain): effects.created.append(state.resolve(domain.name))
        case .select(let select): DataFacts.select(select, state: state, into: &effects)
        case .alterSequence(let alter): CatalogFacts.alterSequence(alter, state: state, into: &effects)
        case .alterObjectSchema(let alter): CatalogFacts.setSchema(alter, state: state, into: &effects)
        case .alterEnum(let alter): CatalogFacts.alterEnum(alter, state: state, into: &effects)
        case .alterDomain(let alter): DomainFacts.alter(alter, state: state, into: &effects)
        case .other(let untyped): UntypedStatementFacts.apply(untyped, state: state, into: &effects)
        case .createFunction, .doBlock, .call, .setVariable, .transaction, .grant: break
        }
        IndexRebuilds.complete(&effects, state: state)
        return effects
    }

    private static func dropEffects(_ drop: Drop, state: PatchState, into effects: inout StatementEffects) {
        switch drop.objectKind {
        case .index: IndexFacts.dropIndexes(drop, state: state, into: &effects)
        case .table, .foreignTable: TableFacts.dropRelations(drop, kind: .table, state: state, into: &effects)
        case .view: TableFacts.dropRelations(drop, kind: .view, state: state, into: &effects)
        case .materializedView: TableFacts.dropRelations(drop, kind: .materializedView, state: state, into: &effects)
        case .sequence: TableFacts.dropRelations(drop, kind: .sequence, state: state, into: &effects)
        case .trigger: CatalogFacts.dropTriggers(drop, state: state, into: &effects)
        case .function, .procedure: dropFunctions(drop, state: state, into: &effects)
        default: UntypedStatementFacts.drop(drop, state: state, into: &effects)
        }
    }

    private static func dropFunctions(_ drop: Drop, state: PatchState, into effects: inout StatementEffects) {
        for name in drop.names where !state.createdFunctions.contains(name.name) {
            effects.compatibility.append(CompatibilityBreak(
                kind: .dropsFunction, object: state.resolve(name).description,
                message: "code and triggers that call \(state.resolve(name)) fail once it is dropped"))
        }
    }
}
