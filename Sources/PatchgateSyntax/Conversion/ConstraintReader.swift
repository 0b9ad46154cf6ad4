import PgQuery

enum ConstraintReader {
    /// A `ColumnDef`.
    static func column(_ definition: TreeValue) -> ColumnDefinition {
        var isNotNull = definition["is_not_null"].bool
        let rawDefault = definition["raw_default"]
        var defaultValue: Expression? = rawDefault.isPresent ? ExpressionReader.read(rawDefault) : nil
        var identity: ColumnDefinition.Identity?
        var generated: Expression?
        var isPrimaryKey = false, isUnique = false
        var checks: [Expression] = []
        var references: ForeignKeyReference?
        for node in definition["constraints"].elements {
            let constraint = node.node("Constraint")
            guard constraint.isPresent else { continue }
            switch constraint["contype"].string {
            case "CONSTR_NOTNULL": isNotNull = true
            case "CONSTR_NULL": isNotNull = false
            case "CONSTR_DEFAULT": defaultValue = ExpressionReader.read(constraint["raw_expr"])
            case "CONSTR_IDENTITY": identity = constraint["generated_when"].string == "a" ? .always : .byDefault
            case "CONSTR_GENERATED": generated = ExpressionReader.read(constraint["raw_expr"])
            case "CONSTR_PRIMARY": isPrimaryKey = true; isNotNull = true
            case "CONSTR_UNIQUE": isUnique = true
            case "CONSTR_CHECK": checks.append(ExpressionReader.read(constraint["raw_expr"]))
            case "CONSTR_FOREIGN":
                references = ForeignKeyReference(table: constraint["pktable"].qualifiedName, columns: constraint["pk_attrs"].strings)
            default: break
            }
        }
        return ColumnDefinition(
            name: definition["colname"].string, type: TypeNameReader.columnType(definition["typeName"]), isNotNull: isNotNull,
            defaultValue: defaultValue, identity: identity, generatedExpression: generated,
            isPrimaryKey: isPrimaryKey, isUnique: isUnique, checks: checks, references: references
        )
    }

    /// A `Constraint` of a table.
    static func table(_ constraint: TreeValue) -> TableConstraint {
        let name = constraint["conname"].string
        return TableConstraint(name: name.isEmpty ? nil : name, kind: kind(constraint), isNotValid: constraint["skip_validation"].bool)
    }

    private static func kind(_ constraint: TreeValue) -> TableConstraint.Kind {
        let index = constraint["indexname"].string
        let usingIndex = index.isEmpty ? nil : index
        switch constraint["contype"].string {
        case "CONSTR_CHECK": return .check(ExpressionReader.read(constraint["raw_expr"]))
        case "CONSTR_FOREIGN":
            return .foreignKey(
                columns: constraint["fk_attrs"].strings,
                references: ForeignKeyReference(table: constraint["pktable"].qualifiedName, columns: constraint["pk_attrs"].strings)
            )
        case "CONSTR_UNIQUE": return .unique(columns: constraint["keys"].strings, usingIndex: usingIndex)
        case "CONSTR_PRIMARY": return .primaryKey(columns: constraint["keys"].strings, usingIndex: usingIndex)
        case "CONSTR_EXCLUSION": return .exclusion
        case let name: return .other(EnumName.camelCase(name))
        }
    }
}
