import PgQuery

enum AlterTableReader {
    static func alterTable(_ statement: PgQuery_AlterTableStmt) -> AlterTable {
        let commands = statement.cmds.compactMap { node -> PgQuery_AlterTableCmd? in
            if case .alterTableCmd(let command)? = node.node { return command }
            return nil
        }
        return AlterTable(
            table: statement.relation.qualifiedName,
            objectKind: statement.objtype.objectKind,
            ifExists: statement.missingOk,
            recursesToChildren: statement.relation.inh,
            actions: commands.map(action)
        )
    }

    static func action(_ command: PgQuery_AlterTableCmd) -> AlterTableAction {
        switch command.subtype {
        case .atAddColumn, .atAddColumnRecurse, .atAddColumnToView: return addColumn(command)
        case .atDropColumn, .atDropColumnRecurse:
            return .dropColumn(name: command.name, ifExists: command.missingOk, isCascade: command.behavior == .dropCascade)
        case .atAlterColumnType: return alterColumnType(command)
        case .atSetNotNull: return .setNotNull(column: command.name)
        case .atDropNotNull: return .dropNotNull(column: command.name)
        case .atColumnDefault:
            return command.hasDef ? .setDefault(column: command.name, ExpressionReader.read(command.def)) : .dropDefault(column: command.name)
        case .atAddConstraint, .atAddConstraintRecurse: return addConstraint(command)
        case .atDropConstraint, .atDropConstraintRecurse:
            return .dropConstraint(name: command.name, ifExists: command.missingOk, isCascade: command.behavior == .dropCascade)
        case .atValidateConstraint, .atValidateConstraintRecurse: return .validateConstraint(name: command.name)
        case .atSetLogged: return .setLogged
        case .atSetUnLogged: return .setUnlogged
        case .atSetTableSpace: return .setTablespace(command.name)
        case .atSetAccessMethod: return .setAccessMethod(command.name)
        case .atAttachPartition, .atDetachPartition, .atDetachPartitionFinalize: return partition(command)
        case .atEnableTrig, .atEnableAlwaysTrig, .atEnableReplicaTrig:
            return .setTriggerState(.named(command.name), isEnabled: true)
        case .atDisableTrig: return .setTriggerState(.named(command.name), isEnabled: false)
        case .atEnableTrigAll: return .setTriggerState(.all, isEnabled: true)
        case .atDisableTrigAll: return .setTriggerState(.all, isEnabled: false)
        case .atEnableTrigUser: return .setTriggerState(.user, isEnabled: true)
        case .atDisableTrigUser: return .setTriggerState(.user, isEnabled: false)
        case .atChangeOwner: return .changeOwner(command.newowner.rolename)
        case .atSetRelOptions, .atReplaceRelOptions: return .setStorageOptions(optionNames(command.def))
        case .atResetRelOptions: return .resetStorageOptions(optionNames(command.def))
        case .atSetOptions, .atResetOptions: return .setColumnOptions(column: command.name)
        case .atSetStatistics: return .setStatistics(column: command.name)
        case .atSetStorage: return .setStorage(column: command.name)
        case .atAddIdentity: return .addIdentity(column: command.name)
        case .atDropIdentity: return .dropIdentity(column: command.name)
        case .atClusterOn: return .clusterOn(index: command.name)
        case .atReplicaIdentity: return .replicaIdentity
        case .atEnableRowSecurity, .atDisableRowSecurity, .atForceRowSecurity, .atNoForceRowSecurity: return .rowSecurity
        default: return .other(subtype: "\(command.subtype)")
        }
    }

    private static func addColumn(_ command: PgQuery_AlterTableCmd) -> AlterTableAction {
        guard case .columnDef(let definition)? = command.def.node else { return .other(subtype: "atAddColumn") }
        return .addColumn(ConstraintReader.column(definition), ifNotExists: command.missingOk)
    }

    private static func alterColumnType(_ command: PgQuery_AlterTableCmd) -> AlterTableAction {
        guard case .columnDef(let definition)? = command.def.node else { return .other(subtype: "atAlterColumnType") }
        let using = definition.hasRawDefault ? ExpressionReader.read(definition.rawDefault) : nil
        return .alterColumnType(column: command.name, type: TypeNameReader.columnType(definition.typeName), using: using)
    }

    private static func addConstraint(_ command: PgQuery_AlterTableCmd) -> AlterTableAction {
        guard case .constraint(let constraint)? = command.def.node else { return .other(subtype: "atAddConstraint") }
        return .addConstraint(ConstraintReader.table(constraint))
    }

    private static func partition(_ command: PgQuery_AlterTableCmd) -> AlterTableAction {
        guard case .partitionCmd(let partition)? = command.def.node else { return .other(subtype: "\(command.subtype)") }
        let name = partition.name.qualifiedName
        switch command.subtype {
        case .atAttachPartition: return .attachPartition(name)
        case .atDetachPartitionFinalize: return .detachPartitionFinalize(name)
        default: return .detachPartition(name, isConcurrent: partition.concurrent)
        }
    }

    private static func optionNames(_ node: PgQuery_Node) -> [String] {
        guard case .list(let list)? = node.node else { return [] }
        return list.items.compactMap { item in
            if case .defElem(let option)? = item.node { return option.defname }
            return nil
        }
    }
}
