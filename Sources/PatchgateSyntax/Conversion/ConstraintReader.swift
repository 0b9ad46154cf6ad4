import PgQuery

enum ConstraintReader {
    static func column(_ definition: PgQuery_ColumnDef) -> ColumnDefinition {
        var isNotNull = definition.isNotNull
        var defaultValue: Expression? = definition.hasRawDefault ? ExpressionReader.read(definition.rawDefault) : nil
        var identity: ColumnDefinition.Identity?
        var generated: Expression?
        var isPrimaryKey = false, isUnique = false
        var checks: [Expression] = []
        var references: ForeignKeyReference?
        for node in definition.constraints {
            guard case .constraint(let constraint)? = node.node else { continue }
            switch constraint.contype {
            case .constrNotnull: isNotNull = true
            case .constrNull: isNotNull = false
            case .constrDefault: defaultValue = ExpressionReader.read(constraint.rawExpr)
            case .constrIdentity: identity = constraint.generatedWhen == "a" ? .always : .byDefault
            case .constrGenerated: generated = ExpressionReader.read(constraint.rawExpr)
            case .constrPrimary: isPrimaryKey = true; isNotNull = true
            case .constrUnique: isUnique = true
            case .constrCheck: checks.append(ExpressionReader.read(constraint.rawExpr))
            case .constrForeign:
                references = ForeignKeyReference(table: constraint.pktable.qualifiedName, columns: constraint.pkAttrs.strings)
            default: break
            }
        }
        return ColumnDefinition(
            name: definition.colname, type: TypeNameReader.columnType(definition.typeName), isNotNull: isNotNull,
            defaultValue: defaultValue, identity: identity, generatedExpression: generated,
            isPrimaryKey: isPrimaryKey, isUnique: isUnique, checks: checks, references: references
        )
    }

    static func table(_ constraint: PgQuery_Constraint) -> TableConstraint {
        TableConstraint(
            name: constraint.conname.isEmpty ? nil : constraint.conname,
            kind: kind(constraint),
            isNotValid: constraint.skipValidation
        )
    }

    private static func kind(_ constraint: PgQuery_Constraint) -> TableConstraint.Kind {
        let usingIndex = constraint.indexname.isEmpty ? nil : constraint.indexname
        switch constraint.contype {
        case .constrCheck: return .check(ExpressionReader.read(constraint.rawExpr))
        case .constrForeign:
            return .foreignKey(
                columns: constraint.fkAttrs.strings,
                references: ForeignKeyReference(table: constraint.pktable.qualifiedName, columns: constraint.pkAttrs.strings)
            )
        case .constrUnique: return .unique(columns: constraint.keys.strings, usingIndex: usingIndex)
        case .constrPrimary: return .primaryKey(columns: constraint.keys.strings, usingIndex: usingIndex)
        case .constrExclusion: return .exclusion
        default: return .other("\(constraint.contype)")
        }
    }
}
