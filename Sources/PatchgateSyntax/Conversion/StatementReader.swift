import PgQuery

/// Turns one parsed statement node into a typed `Statement`; one function per statement family.
enum StatementReader {
    static func statement(_ node: PgQuery_Node) -> Statement {
        switch node.node {
        case .alterTableStmt(let statement): return .alterTable(AlterTableReader.alterTable(statement))
        case .createStmt(let statement): return .createTable(createTable(statement))
        case .createTableAsStmt(let statement): return .createTableAs(createTableAs(statement))
        case .indexStmt(let statement): return .createIndex(createIndex(statement))
        case .dropStmt(let statement): return .drop(drop(statement))
        case .reindexStmt(let statement): return .reindex(reindex(statement))
        case .renameStmt(let statement): return .rename(rename(statement))
        case .createEnumStmt(let statement):
            return .createEnum(CreateEnum(name: QualifiedName(parts: statement.typeName.strings), values: statement.vals.strings))
        case .alterEnumStmt(let statement): return .alterEnum(alterEnum(statement))
        case .viewStmt(let statement): return .createView(createView(statement))
        case .refreshMatViewStmt(let statement):
            return .refreshMaterializedView(RefreshMaterializedView(
                name: statement.relation.qualifiedName, isConcurrent: statement.concurrent, withNoData: statement.skipData))
        case .createFunctionStmt(let statement): return .createFunction(FunctionReader.createFunction(statement))
        case .createTrigStmt(let statement): return .createTrigger(createTrigger(statement))
        case .clusterStmt(let statement):
            return .cluster(Cluster(
                table: statement.hasRelation ? statement.relation.qualifiedName : nil,
                index: statement.indexname.isEmpty ? nil : statement.indexname))
        case .vacuumStmt(let statement): return .vacuum(vacuum(statement))
        case .truncateStmt(let statement):
            return .truncate(Truncate(tables: relations(statement.relations), isCascade: statement.behavior == .dropCascade))
        case .lockStmt(let statement):
            return .lock(LockTables(
                tables: relations(statement.relations),
                mode: LockMode(rawValue: Int(statement.mode)) ?? .accessExclusive, isNoWait: statement.nowait))
        case .variableSetStmt(let statement): return SessionReader.setVariable(statement)
        case .transactionStmt(let statement): return SessionReader.transaction(statement) ?? .other(nodeName: node.nodeName)
        case .commentStmt(let statement):
            return .comment(CommentOn(
                objectKind: statement.objtype.objectKind, object: ObjectNameReader.parts(of: statement.object),
                text: statement.comment.isEmpty ? nil : statement.comment))
        case .grantStmt(let statement): return .grant(grant(statement))
        case .insertStmt(let statement):
            return .insert(insert(statement))
        case .updateStmt(let statement):
            return .update(Update(table: statement.relation.qualifiedName, hasWhere: statement.hasWhereClause))
        case .deleteStmt(let statement):
            return .delete(Delete(table: statement.relation.qualifiedName, hasWhere: statement.hasWhereClause))
        case .selectStmt(let statement):
            return .select(Select(sourceRelations: RelationCollector.relations(in: node), locksRows: !statement.lockingClause.isEmpty))
        case .alterSeqStmt(let statement): return .alterSequence(alterSequence(statement))
        case .createSeqStmt(let statement): return .createSequence(statement.sequence.qualifiedName)
        case .createDomainStmt(let statement):
            let constrained = statement.constraints.contains { node in
                guard case .constraint(let constraint)? = node.node else { return false }
                return constraint.contype == .constrCheck || constraint.contype == .constrNotnull
            }
            return .createDomain(CreateDomain(name: QualifiedName(parts: statement.domainname.strings),
                                              baseType: TypeNameReader.columnType(statement.typeName), hasConstraints: constrained))
        case .alterObjectSchemaStmt(let statement):
            return .alterObjectSchema(AlterObjectSchema(
                objectKind: statement.objectType.objectKind,
                relation: statement.hasRelation ? statement.relation.qualifiedName : nil,
                object: statement.hasObject ? ObjectNameReader.parts(of: statement.object) : [],
                newSchema: statement.newschema))
        default: return .other(nodeName: node.nodeName)
        }
    }

    static func relations(_ nodes: [PgQuery_Node]) -> [QualifiedName] {
        nodes.compactMap { node in
            if case .rangeVar(let relation)? = node.node { return relation.qualifiedName }
            return nil
        }
    }

    private static func alterSequence(_ statement: PgQuery_AlterSeqStmt) -> AlterSequence {
        let ownedBy = statement.options.lazy.compactMap { node -> QualifiedName? in
            guard case .defElem(let option)? = node.node, option.defname == "owned_by",
                  case .list(let list)? = option.arg.node else { return nil }
            let parts = list.items.strings
            return parts.count >= 2 ? QualifiedName(parts: Array(parts.dropLast())) : nil
        }.first
        return AlterSequence(name: statement.sequence.qualifiedName, ownedBy: ownedBy)
    }

    private static func insert(_ statement: PgQuery_InsertStmt) -> Insert {
        let columns = statement.cols.compactMap { node -> String? in
            if case .resTarget(let target)? = node.node { return target.name }
            return nil
        }
        var rows: [[Expression]] = []
        if case .selectStmt(let select)? = statement.selectStmt.node {
            rows = select.valuesLists.compactMap { node in
                guard case .list(let row)? = node.node else { return nil }
                return row.items.map { ExpressionReader.read($0) }
            }
        }
        return Insert(table: statement.relation.qualifiedName,
                      sourceRelations: RelationCollector.relations(in: statement.selectStmt),
                      columns: columns, rows: rows)
    }

    private static func createTable(_ statement: PgQuery_CreateStmt) -> CreateTable {
        var columns: [ColumnDefinition] = []
        var constraints: [TableConstraint] = []
        var likeSources: [QualifiedName] = []
        for element in statement.tableElts + statement.constraints {
            switch element.node {
            case .columnDef(let definition): columns.append(ConstraintReader.column(definition))
            case .constraint(let constraint): constraints.append(ConstraintReader.table(constraint))
            case .tableLikeClause(let like): likeSources.append(like.relation.qualifiedName)
            default: break
            }
        }
        let isPartition = statement.hasPartbound
        let parents = relations(statement.inhRelations)
        return CreateTable(
            table: statement.relation.qualifiedName, ifNotExists: statement.ifNotExists,
            columns: columns, constraints: constraints,
            partitionOf: isPartition ? parents.first : nil, inherits: isPartition ? [] : parents,
            isPartitioned: statement.hasPartspec,
            isUnlogged: statement.relation.relpersistence == "u",
            isTemporary: statement.relation.relpersistence == "t",
            likeSources: likeSources
        )
    }

    private static func createTableAs(_ statement: PgQuery_CreateTableAsStmt) -> CreateTableAs {
        CreateTableAs(
            name: statement.into.rel.qualifiedName, isMaterialized: statement.objtype == .objectMatview,
            ifNotExists: statement.ifNotExists, withNoData: statement.into.skipData,
            sourceRelations: RelationCollector.relations(in: statement.query)
        )
    }

    private static func createIndex(_ statement: PgQuery_IndexStmt) -> CreateIndex {
        let keys: [CreateIndex.IndexKey] = statement.indexParams.compactMap { node in
            guard case .indexElem(let element)? = node.node else { return nil }
            return element.name.isEmpty ? .expression(ExpressionReader.read(element.expr)) : .column(element.name)
        }
        return CreateIndex(
            name: statement.idxname.isEmpty ? nil : statement.idxname, table: statement.relation.qualifiedName,
            isConcurrent: statement.concurrent, isUnique: statement.unique, ifNotExists: statement.ifNotExists,
            accessMethod: statement.accessMethod.isEmpty ? "btree" : statement.accessMethod,
            columns: keys, isPartial: statement.hasWhereClause, isOnly: !statement.relation.inh
        )
    }

    private static func drop(_ statement: PgQuery_DropStmt) -> Drop {
        Drop(
            objectKind: statement.removeType.objectKind, objects: statement.objects.map(ObjectNameReader.parts(of:)),
            isConcurrent: statement.concurrent, ifExists: statement.missingOk, isCascade: statement.behavior == .dropCascade
        )
    }

    private static func reindex(_ statement: PgQuery_ReindexStmt) -> Reindex {
        let target: Reindex.Target = switch statement.kind {
        case .reindexObjectIndex: .index
        case .reindexObjectTable: .table
        case .reindexObjectSchema: .schema
        case .reindexObjectSystem: .system
        default: .database
        }
        let isConcurrent = statement.params.contains { node in
            if case .defElem(let option)? = node.node { return option.defname == "concurrently" }
            return false
        }
        return Reindex(
            target: target, relation: statement.hasRelation ? statement.relation.qualifiedName : nil,
            name: statement.name.isEmpty ? nil : statement.name, isConcurrent: isConcurrent
        )
    }

    private static func rename(_ statement: PgQuery_RenameStmt) -> Rename {
        Rename(
            objectKind: statement.renameType.objectKind,
            relation: statement.hasRelation ? statement.relation.qualifiedName : nil,
            object: statement.hasObject ? ObjectNameReader.parts(of: statement.object) : [],
            subobject: statement.subname.isEmpty ? nil : statement.subname,
            newName: statement.newname, ifExists: statement.missingOk
        )
    }

    private static func alterEnum(_ statement: PgQuery_AlterEnumStmt) -> AlterEnum {
        let isRename = !statement.oldVal.isEmpty
        return AlterEnum(
            name: QualifiedName(parts: statement.typeName.strings),
            addedValue: isRename ? nil : statement.newVal, renamedFrom: isRename ? statement.oldVal : nil,
            ifNotExists: statement.skipIfNewValExists
        )
    }

    private static func createView(_ statement: PgQuery_ViewStmt) -> CreateView {
        var view = CreateView(name: statement.view.qualifiedName, isReplace: statement.replace,
                              sourceRelations: RelationCollector.relations(in: statement.query))
        view.referencedColumns = ColumnReferenceCollector.columns(in: statement.query)
        return view
    }

    private static func createTrigger(_ statement: PgQuery_CreateTrigStmt) -> CreateTrigger {
        CreateTrigger(
            name: statement.trigname, table: statement.relation.qualifiedName, isReplace: statement.replace,
            isConstraint: statement.isconstraint, function: QualifiedName(parts: statement.funcname.strings)
        )
    }

    private static func vacuum(_ statement: PgQuery_VacuumStmt) -> Vacuum {
        let options = statement.options.compactMap { node -> String? in
            if case .defElem(let option)? = node.node { return option.defname }
            return nil
        }
        let tables = statement.rels.compactMap { node -> QualifiedName? in
            if case .vacuumRelation(let relation)? = node.node { return relation.relation.qualifiedName }
            return nil
        }
        return Vacuum(isVacuum: statement.isVacuumcmd, isFull: options.contains("full"), tables: tables)
    }

    private static func grant(_ statement: PgQuery_GrantStmt) -> Grant {
        let privileges = statement.privileges.compactMap { node -> String? in
            if case .accessPriv(let privilege)? = node.node { return privilege.privName }
            return nil
        }
        return Grant(
            isGrant: statement.isGrant, objectKind: statement.objtype.objectKind,
            objects: statement.objects.map(ObjectNameReader.parts(of:)),
            privileges: privileges.isEmpty ? ["all"] : privileges
        )
    }
}
