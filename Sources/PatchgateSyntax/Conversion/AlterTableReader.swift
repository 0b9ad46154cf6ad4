import PgQuery

enum AlterTableReader {
    static func alterTable(_ statement: TreeValue) -> AlterTable {
        let commands = statement["cmds"].elements.map { $0.node("AlterTableCmd") }.filter(\.isPresent)
        let relation = statement["relation"]
        return AlterTable(
            table: relation.qualifiedName,
            objectKind: statement["objtype"].objectKind,
            ifExists: statement["missing_ok"].bool,
            recursesToChildren: relation["inh"].bool,
            actions: commands.map(action)
        )
    }

    /// An `AlterTableCmd`.
    static func action(_ command: TreeValue) -> AlterTableAction {
        let name = command["name"].string
        let subtype = command["subtype"].string
        switch subtype {
        case "AT_AddColumn", "AT_AddColumnRecurse", "AT_AddColumnToView": return addColumn(command)
        case "AT_DropColumn", "AT_DropColumnRecurse":
            return .dropColumn(name: name, ifExists: command["missing_ok"].bool, isCascade: command["behavior"].equals("DROP_CASCADE"))
        case "AT_AlterColumnType": return alterColumnType(command)
        case "AT_SetNotNull": return .setNotNull(column: name)
        case "AT_DropNotNull": return .dropNotNull(column: name)
        case "AT_ColumnDefault":
            let value = command["def"]
            return value.isPresent ? .setDefault(column: name, ExpressionReader.read(value)) : .dropDefault(column: name)
        case "AT_AddConstraint", "AT_AddConstraintRecurse": return addConstraint(command)
        case "AT_DropConstraint", "AT_DropConstraintRecurse":
            return .dropConstraint(name: name, ifExists: command["missing_ok"].bool, isCascade: command["behavior"].equals("DROP_CASCADE"))
        case "AT_ValidateConstraint", "AT_ValidateConstraintRecurse": return .validateConstraint(name: name)
        case "AT_SetLogged": return .setLogged
        case "AT_SetUnLogged": return .setUnlogged
        case "AT_SetTableSpace": return .setTablespace(name)
        case "AT_SetAccessMethod": return .setAccessMethod(name)
        case "AT_AttachPartition", "AT_DetachPartition", "AT_DetachPartitionFinalize": return partition(command, subtype: subtype)
        case "AT_EnableTrig", "AT_EnableAlwaysTrig", "AT_EnableReplicaTrig": return .setTriggerState(.named(name), isEnabled: true)
        case "AT_DisableTrig": return .setTriggerState(.named(name), isEnabled: false)
        case "AT_EnableTrigAll": return .setTriggerState(.all, isEnabled: true)
        case "AT_DisableTrigAll": return .setTriggerState(.all, isEnabled: false)
        case "AT_EnableTrigUser": return .setTriggerState(.user, isEnabled: true)
        case "AT_DisableTrigUser": return .setTriggerState(.user, isEnabled: false)
        case "AT_ChangeOwner": return .changeOwner(command["newowner"]["rolename"].string)
        case "AT_SetRelOptions", "AT_ReplaceRelOptions": return .setStorageOptions(optionNames(command["def"]))
        case "AT_ResetRelOptions": return .resetStorageOptions(optionNames(command["def"]))
        case "AT_SetOptions", "AT_ResetOptions": return .setColumnOptions(column: name)
        case "AT_SetStatistics": return .setStatistics(column: name)
        case "AT_SetStorage": return .setStorage(column: name)
        case "AT_AddIdentity": return .addIdentity(column: name)
        case "AT_DropIdentity": return .dropIdentity(column: name)
        case "AT_ClusterOn": return .clusterOn(index: name)
        case "AT_DropCluster": return .setWithoutCluster
        case "AT_ReplicaIdentity": return .replicaIdentity
        case "AT_EnableRowSecurity", "AT_DisableRowSecurity", "AT_ForceRowSecurity", "AT_NoForceRowSecurity": return .rowSecurity
        default: return .other(subtype: EnumName.camelCase(subtype))
        }
    }

    private static func addColumn(_ command: TreeValue) -> AlterTableAction {
        let definition = command["def"].node("ColumnDef")
        guard definition.isPresent else { return .other(subtype: "atAddColumn") }
        return .addColumn(ConstraintReader.column(definition), ifNotExists: command["missing_ok"].bool)
    }

    private static func alterColumnType(_ command: TreeValue) -> AlterTableAction {
        let definition = command["def"].node("ColumnDef")
        guard definition.isPresent else { return .other(subtype: "atAlterColumnType") }
        let rawDefault = definition["raw_default"]
        let using = rawDefault.isPresent ? ExpressionReader.read(rawDefault) : nil
        return .alterColumnType(column: command["name"].string, type: TypeNameReader.columnType(definition["typeName"]), using: using)
    }

    private static func addConstraint(_ command: TreeValue) -> AlterTableAction {
        let constraint = command["def"].node("Constraint")
        guard constraint.isPresent else { return .other(subtype: "atAddConstraint") }
        return .addConstraint(ConstraintReader.table(constraint))
    }

    private static func partition(_ command: TreeValue, subtype: String) -> AlterTableAction {
        let partition = command["def"].node("PartitionCmd")
        guard partition.isPresent else { return .other(subtype: EnumName.camelCase(subtype)) }
        let name = partition["name"].qualifiedName
        switch subtype {
        case "AT_AttachPartition": return .attachPartition(name)
        case "AT_DetachPartitionFinalize": return .detachPartitionFinalize(name)
        default: return .detachPartition(name, isConcurrent: partition["concurrent"].bool)
        }
    }

    private static func optionNames(_ node: TreeValue) -> [String] {
        node.node("List")["items"].elements.compactMap { item in
            let option = item.node("DefElem")
            return option.isPresent ? option["defname"].string : nil
        }
    }
}
