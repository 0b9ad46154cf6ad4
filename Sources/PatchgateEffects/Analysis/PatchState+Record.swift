import Foundation
import PatchgateSyntax

extension PatchState {
    /// Applies a statement's lasting consequences: created objects, settings, transaction state.
    mutating func record(_ statement: Statement, effects: StatementEffects, index: Int) {
        hold(effects, statement: index)
        switch statement {
        case .createTable(let create): recordTable(create)
        case .createTableAs(let create):
            markCreated(resolve(create.name), kind: create.isMaterialized ? .materializedView : .table,
                   isEmpty: create.withNoData || create.sourceRelations.isEmpty)
        case .createIndex(let index):
            if let name = effects.indexBuilds.first?.index {
                markCreated(name, kind: .index)
                indexTables[name] = resolve(index.table)
            }
        case .createView(let view) where !created.contains(resolve(view.name)) && effects.created.contains(resolve(view.name)):
            markCreated(resolve(view.name), kind: .view)
        case .insert(let insert):
            // Rows copied from an existing relation make a new table as costly as an old one.
            if !insert.sourceRelations.map(resolve).allSatisfy(created.contains) { emptyNew.remove(resolve(insert.table)) }
        case .alterTable(let alter): recordConstraints(alter)
        case .createFunction(let function):
            functionVolatility[function.name.name] = Volatility(declared: function.declaredVolatility)
        case .alterEnum(let alter):
            if let value = alter.addedValue, isInTransaction { enumValuesAdded.append(value) }
        case .setVariable(let setting): recordSetting(setting)
        case .transaction(let control): recordTransaction(control)
        default: break
        }
    }

    private mutating func recordTable(_ create: CreateTable) {
        let table = resolve(create.table)
        markCreated(table, kind: create.isPartitioned ? .partitionedTable : .table)
        createdTables[table] = create
        constraints[table] = create.constraints
    }

    private mutating func recordConstraints(_ alter: AlterTable) {
        let table = resolve(alter.table)
        for action in alter.actions {
            switch action {
            case .addConstraint(let constraint): constraints[table, default: []].append(constraint)
            case .validateConstraint(let name):
                constraints[table] = constraints[table]?.map {
                    $0.name == name ? TableConstraint(name: $0.name, kind: $0.kind, isNotValid: false) : $0
                }
            case .dropConstraint(let name, _, _): constraints[table]?.removeAll { $0.name == name }
            default: break
            }
        }
    }

    private mutating func recordSetting(_ setting: SetVariable) {
        switch setting.name.lowercased() {
        case "lock_timeout": lockTimeoutMilliseconds = setting.value.flatMap(SettingDuration.milliseconds)
        case "search_path":
            let first = setting.value?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
            searchPath = first.flatMap { $0.isEmpty || $0 == "\"$user\"" ? nil : $0 } ?? "public"
        default: break
        }
    }

    private mutating func recordTransaction(_ control: TransactionControl) {
        switch control.kind {
        case .begin: isInExplicitBlock = true
        case .commit, .rollback, .prepare:
            isInExplicitBlock = false
            if transactionMode == .none { endTransaction() }
        default: break
        }
    }
}
