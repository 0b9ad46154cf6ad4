import PgQuery

/// Turns one parsed statement node into a typed `Statement`; one function per statement family.
enum StatementReader {
    /// A statement's `Node` (`{"AlterTableStmt":{...}}`).
    static func statement(_ node: TreeValue) -> Statement {
        let statement = node.nodeFields
        switch node.nodeName ?? "" {
        case "AlterTableStmt": return .alterTable(AlterTableReader.alterTable(statement))
        case "CreateStmt": return .createTable(createTable(statement))
        case "CreateTableAsStmt": return .createTableAs(createTableAs(statement))
        case "IndexStmt": return .createIndex(createIndex(statement))
        case "DropStmt": return .drop(drop(statement))
        case "ReindexStmt": return .reindex(reindex(statement))
        case "RenameStmt": return .rename(rename(statement))
        case "CreateEnumStmt":
            return .createEnum(CreateEnum(name: QualifiedName(parts: statement["typeName"].strings), values: statement["vals"].strings))
        case "AlterEnumStmt": return .alterEnum(alterEnum(statement))
        case "ViewStmt": return .createView(createView(statement))
        case "RefreshMatViewStmt":
            return .refreshMaterializedView(RefreshMaterializedView(
                name: statement["relation"].qualifiedName, isConcurrent: statement["concurrent"].bool,
                withNoData: statement["skipData"].bool))
        case "CreateFunctionStmt": return .createFunction(FunctionReader.createFunction(statement))
        case "CreateTrigStmt": return .createTrigger(createTrigger(statement))
        case "ClusterStmt":
            let relation = statement["relation"], index = statement["indexname"].string
            return .cluster(Cluster(table: relation.isPresent ? relation.qualifiedName : nil, index: index.isEmpty ? nil : index))
        case "VacuumStmt": return .vacuum(vacuum(statement))
        case "TruncateStmt":
            return .truncate(Truncate(tables: relations(statement["relations"]), isCascade: statement["behavior"].equals("DROP_CASCADE")))
        case "LockStmt":
            return .lock(LockTables(
                tables: relations(statement["relations"]),
                mode: LockMode(rawValue: statement["mode"].int) ?? .accessExclusive, isNoWait: statement["nowait"].bool))
        case "VariableSetStmt": return SessionReader.setVariable(statement)
        case "TransactionStmt": return SessionReader.transaction(statement) ?? .other(UntypedStatement(nodeName: "TransactionStmt"))
        case "CommentStmt":
            let text = statement["comment"].string
            return .comment(CommentOn(
                objectKind: statement["objtype"].objectKind, object: ObjectNameReader.parts(of: statement["object"]),
                text: text.isEmpty ? nil : text))
        case "GrantStmt": return .grant(grant(statement))
        case "InsertStmt": return .insert(insert(statement))
        case "UpdateStmt":
            return .update(Update(table: statement["relation"].qualifiedName, hasWhere: statement["whereClause"].isPresent))
        case "DeleteStmt":
            return .delete(Delete(table: statement["relation"].qualifiedName, hasWhere: statement["whereClause"].isPresent))
        case "SelectStmt":
            return .select(Select(sourceRelations: RelationCollector.relations(in: node),
                                  locksRows: !statement["lockingClause"].elements.isEmpty,
                                  writtenSequences: UntypedReader.writtenSequences(in: node),
                                  calledFunctions: node.descendants(withKey: "FuncCall").map { QualifiedName(parts: $0["funcname"].strings) }))
        case "DoStmt": return .doBlock(DoBlock(language: ProceduralReader.language(of: statement["args"]) ?? "plpgsql"))
        case "CallStmt": return .call(CallRoutine(name: QualifiedName(parts: statement["funccall"]["funcname"].strings)))

        case "AlterSeqStmt": return .alterSequence(alterSequence(statement))
        case "CreateSeqStmt": return .createSequence(statement["sequence"].qualifiedName)
        case "CreateDomainStmt":
            let constrained = statement["constraints"].elements.contains { node in
                let type = node.node("Constraint")["contype"]
                return type.equals("CONSTR_CHECK") || type.equals("CONSTR_NOTNULL")
            }
            return .createDomain(CreateDomain(name: QualifiedName(parts: statement["domainname"].strings),
                                              baseType: TypeNameReader.columnType(statement["typeName"]), hasConstraints: constrained))
        case "AlterObjectSchemaStmt":
            let relation = statement["relation"], object = statement["object"]
            return .alterObjectSchema(AlterObjectSchema(
                objectKind: statement["objectType"].objectKind,
                relation: relation.isPresent ? relation.qualifiedName : nil,
                object: object.isPresent ? ObjectNameReader.parts(of: object) : [],
                newSchema: statement["newschema"].string))
        case "AlterDomainStmt": return .alterDomain(UntypedReader.alterDomain(statement))
        case let name: return .other(UntypedReader.statement(nodeName: name.isEmpty ? "Node" : name, fields: statement))
        }
    }

    /// The RangeVar nodes of a list.
    static func relations(_ nodes: TreeValue) -> [QualifiedName] {
        nodes.elements.compactMap { node in
            let relation = node.node("RangeVar")
            return relation.isPresent ? relation.qualifiedName : nil
        }
    }

    private static func alterSequence(_ statement: TreeValue) -> AlterSequence {
        let ownedBy = statement["options"].elements.lazy.compactMap { node -> QualifiedName? in
            let option = node.node("DefElem")
            guard option["defname"].string == "owned_by" else { return nil }
            let parts = option["arg"].node("List")["items"].strings
            return parts.count >= 2 ? QualifiedName(parts: Array(parts.dropLast())) : nil
        }.first
        return AlterSequence(name: statement["sequence"].qualifiedName, ownedBy: ownedBy)
    }

    private static func insert(_ statement: TreeValue) -> Insert {
        let columns = statement["cols"].elements.compactMap { node -> String? in
            let target = node.node("ResTarget")
            return target.isPresent ? target["name"].string : nil
        }
        let source = statement["selectStmt"]
        let rows: [[Expression]] = source.node("SelectStmt")["valuesLists"].elements.compactMap { node in
            let row = node.node("List")
            return row.isPresent ? row["items"].elements.map { ExpressionReader.read($0) } : nil
        }
        return Insert(table: statement["relation"].qualifiedName,
                      sourceRelations: RelationCollector.relations(in: source),
                      columns: columns, rows: rows)
    }

    private static func createTable(_ statement: TreeValue) -> CreateTable {
        var columns: [ColumnDefinition] = []
        var constraints: [TableConstraint] = []
        var likeSources: [QualifiedName] = [], likeIndexSources: [QualifiedName] = []
        for element in statement["tableElts"].elements + statement["constraints"].elements {
            switch element.nodeName {
            case "ColumnDef": columns.append(ConstraintReader.column(element.nodeFields))
            case "Constraint": constraints.append(ConstraintReader.table(element.nodeFields))
            case "TableLikeClause":
                likeSources.append(element.nodeFields["relation"].qualifiedName)
                // TableLikeOption CREATE_TABLE_LIKE_INDEXES (1 << 6); INCLUDING ALL sets every bit.
                if element.nodeFields["options"].int & (1 << 6) != 0 {
                    likeIndexSources.append(element.nodeFields["relation"].qualifiedName)
                }
            default: break
            }
        }
        let isPartition = statement["partbound"].isPresent
        let parents = relations(statement["inhRelations"])
        let relation = statement["relation"]
        let persistence = relation["relpersistence"].string
        return CreateTable(
            table: relation.qualifiedName, ifNotExists: statement["if_not_exists"].bool,
            columns: columns, constraints: constraints,
            partitionOf: isPartition ? parents.first : nil, inherits: isPartition ? [] : parents,
            isPartitioned: statement["partspec"].isPresent,
            isUnlogged: persistence == "u",
            isTemporary: persistence == "t",
            likeSources: likeSources, likeIndexSources: likeIndexSources
        )
    }

    private static func createTableAs(_ statement: TreeValue) -> CreateTableAs {
        let into = statement["into"]
        return CreateTableAs(
            name: into["rel"].qualifiedName, isMaterialized: statement["objtype"].equals("OBJECT_MATVIEW"),
            ifNotExists: statement["if_not_exists"].bool, withNoData: into["skipData"].bool,
            sourceRelations: RelationCollector.relations(in: statement["query"])
        )
    }

    private static func createIndex(_ statement: TreeValue) -> CreateIndex {
        let keys: [CreateIndex.IndexKey] = statement["indexParams"].elements.compactMap { node in
            let element = node.node("IndexElem")
            guard element.isPresent else { return nil }
            let name = element["name"].string
            return name.isEmpty ? .expression(ExpressionReader.read(element["expr"])) : .column(name)
        }
        let name = statement["idxname"].string, method = statement["accessMethod"].string
        let relation = statement["relation"]
        return CreateIndex(
            name: name.isEmpty ? nil : name, table: relation.qualifiedName,
            isConcurrent: statement["concurrent"].bool, isUnique: statement["unique"].bool,
            ifNotExists: statement["if_not_exists"].bool,
            accessMethod: method.isEmpty ? "btree" : method,
            columns: keys, isPartial: statement["whereClause"].isPresent, isOnly: !relation["inh"].bool
        )
    }

    private static func drop(_ statement: TreeValue) -> Drop {
        Drop(
            objectKind: statement["removeType"].objectKind, objects: statement["objects"].elements.map(ObjectNameReader.parts(of:)),
            isConcurrent: statement["concurrent"].bool, ifExists: statement["missing_ok"].bool,
            isCascade: statement["behavior"].equals("DROP_CASCADE")
        )
    }

    private static func reindex(_ statement: TreeValue) -> Reindex {
        let target: Reindex.Target = switch statement["kind"].string {
        case "REINDEX_OBJECT_INDEX": .index
        case "REINDEX_OBJECT_TABLE": .table
        case "REINDEX_OBJECT_SCHEMA": .schema
        case "REINDEX_OBJECT_SYSTEM": .system
        default: .database
        }
        let isConcurrent = statement["params"].elements.contains { node in
            node.node("DefElem")["defname"].string == "concurrently"
        }
        let relation = statement["relation"], name = statement["name"].string
        return Reindex(
            target: target, relation: relation.isPresent ? relation.qualifiedName : nil,
            name: name.isEmpty ? nil : name, isConcurrent: isConcurrent
        )
    }

    private static func rename(_ statement: TreeValue) -> Rename {
        let relation = statement["relation"], object = statement["object"], subobject = statement["subname"].string
        return Rename(
            objectKind: statement["renameType"].objectKind,
            relation: relation.isPresent ? relation.qualifiedName : nil,
            object: object.isPresent ? ObjectNameReader.parts(of: object) : [],
            subobject: subobject.isEmpty ? nil : subobject,
            newName: statement["newname"].string, ifExists: statement["missing_ok"].bool
        )
    }

    private static func alterEnum(_ statement: TreeValue) -> AlterEnum {
        let oldValue = statement["oldVal"].string
        let isRename = !oldValue.isEmpty
        return AlterEnum(
            name: QualifiedName(parts: statement["typeName"].strings),
            addedValue: isRename ? nil : statement["newVal"].string, renamedFrom: isRename ? oldValue : nil,
            ifNotExists: statement["skipIfNewValExists"].bool
        )
    }

    private static func createView(_ statement: TreeValue) -> CreateView {
        let query = statement["query"]
        var view = CreateView(name: statement["view"].qualifiedName, isReplace: statement["replace"].bool,
                              sourceRelations: RelationCollector.relations(in: query))
        view.referencedColumns = ColumnReferenceCollector.columns(in: query)
        return view
    }

    private static func createTrigger(_ statement: TreeValue) -> CreateTrigger {
        CreateTrigger(
            name: statement["trigname"].string, table: statement["relation"].qualifiedName, isReplace: statement["replace"].bool,
            isConstraint: statement["isconstraint"].bool, function: QualifiedName(parts: statement["funcname"].strings)
        )
    }

    private static func vacuum(_ statement: TreeValue) -> Vacuum {
        let enabledOptions = statement["options"].elements.compactMap { node -> String? in
            let option = node.node("DefElem")
            return option.isPresent && UntypedReader.isEnabled(option) ? option["defname"].string : nil
        }
        let tables = statement["rels"].elements.compactMap { node -> QualifiedName? in
            let relation = node.node("VacuumRelation")
            return relation.isPresent ? relation["relation"].qualifiedName : nil
        }
        return Vacuum(isVacuum: statement["is_vacuumcmd"].bool, isFull: enabledOptions.contains("full"), tables: tables)
    }

    private static func grant(_ statement: TreeValue) -> Grant {
        let privileges = statement["privileges"].elements.compactMap { node -> String? in
            let privilege = node.node("AccessPriv")
            return privilege.isPresent ? privilege["priv_name"].string : nil
        }
        return Grant(
            isGrant: statement["is_grant"].bool, objectKind: statement["objtype"].objectKind,
            objects: statement["objects"].elements.map(ObjectNameReader.parts(of:)),
            privileges: privileges.isEmpty ? ["all"] : privileges
        )
    }
}
