import Foundation
import PatchgateSyntax

extension PatchState {
    /// Applies a statement's lasting consequences: created objects, settings, transaction state.
    mutating func record(_ statement: Statement, effects: StatementEffects, index: Int) {
        currentStatement = index
        hold(effects, statement: index)
        // Not `resolve`: a method reference would capture a copy of `self`, catalog included, and
        // every change to the catalog would then copy all of it (quadratic on a schema dump).
        let searchPath = searchPath
        catalog.apply(statement) { $0.resolved(in: searchPath) }
        switch statement {
        case .createTable(let create): markCreated(resolve(create.table))
        case .createSequence(let name): markCreated(resolve(name))
        case .createTableAs(let create):
            markCreated(resolve(create.name), isEmpty: create.withNoData || create.sourceRelations.isEmpty)
        case .createIndex:
            if let name = effects.created.first { markCreated(name) }
        case .createView(let view) where effects.created.contains(resolve(view.name)):
            markCreated(resolve(view.name))
        case .insert(let insert):
            // Rows copied from an existing relation make a new table as costly as an old one.
            if !insert.sourceRelations.map(resolve).allSatisfy(created.contains) { markFilled(resolve(insert.table)) }
        case .createFunction(let function): createdFunctions.insert(function.name.name)
        case .alterEnum(let alter):
            if let value = alter.addedValue, isInTransaction { enumValuesAdded.append(value) }
        case .setVariable(let setting): recordSetting(setting)
        default: break
        }
        if timeline.endsAfter.contains(index) { endTransaction() }
    }

    private mutating func recordSetting(_ setting: SetVariable) {
        switch setting.name.lowercased() {
        case "lock_timeout": lockTimeoutMilliseconds = setting.value.flatMap(SettingDuration.milliseconds)
        case "timezone": timeZone = setting.value
        case "search_path":
            searchPath = CatalogLoader.firstSchema(of: setting.value)
        default: break
        }
    }
}
