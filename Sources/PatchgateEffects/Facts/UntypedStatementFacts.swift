import PatchgateSyntax

/// Statements patchgate does not type, keyed by PostgreSQL's node name (`DropStmt.<kind>` for
/// a DROP of such an object): the fact's lock goes on the relations the statement names, or,
/// for an object named alone (a statistics object), on the relation the catalog says it was
/// made on. Adding one is a row in `rows` and a truth case.
enum UntypedStatementFacts {
    /// One row per node name: `DropStmt.<kind>` for a DROP of such an object.
    static let rows: [(node: String, fact: Fact)] = [
        ("CreatePolicyStmt", Fact("untyped.create-policy", lock: .accessExclusive, doc: "sql-createpolicy.html",
            truth: ["create-policy", "create-policy-with-check", "create-policy-for-select"])),
        ("AlterPolicyStmt", Fact("untyped.alter-policy", lock: .accessExclusive, doc: "sql-alterpolicy.html",
            truth: ["alter-policy-using", "alter-policy-to-role"])),
        ("DropStmt.policy", Fact("untyped.drop-policy", lock: .accessExclusive, doc: "sql-droppolicy.html",
            truth: ["drop-policy", "drop-policy-if-exists"])),
        ("RuleStmt", Fact("untyped.create-rule", lock: .accessExclusive, doc: "sql-createrule.html",
            truth: ["create-rule-do-instead-nothing", "create-rule-do-also-notify", "create-or-replace-rule"])),
        ("DropStmt.rule", Fact("untyped.drop-rule", lock: .accessExclusive, doc: "sql-droprule.html", truth: ["drop-rule"])),
        ("CreateStatsStmt", Fact("untyped.create-statistics", lock: .shareUpdateExclusive, doc: "sql-createstatistics.html",
            truth: ["create-statistics", "create-statistics-ndistinct"])),
        ("DropStmt.statisticext", Fact("untyped.drop-statistics", lock: .shareUpdateExclusive, doc: "sql-dropstatistics.html",
            truth: ["drop-statistics", "drop-statistics-qualified"],
            note: "server: SHARE UPDATE EXCLUSIVE on the table the statistics object was made on, which the statement does not name")),
    ]

    static let byNode = Dictionary(uniqueKeysWithValues: rows.map { ($0.node, $0.fact) })

    static let all = rows.map(\.fact)

    /// Statements PostgreSQL refuses inside a transaction block, by node name.
    static let outsideTransaction: Set<String> = ["DropdbStmt", "CreatedbStmt"]

    static func apply(_ statement: UntypedStatement, state: PatchState, into effects: inout StatementEffects) {
        if outsideTransaction.contains(statement.nodeName) { effects.isTransactional = false }
        if statement.nodeName == "DropdbStmt" {
            effects.compatibility.append(CompatibilityBreak(
                kind: .dropsDatabase, object: "database",
                message: "every connection to the database fails once it is dropped: this is never a live patch"))
        }
        guard let fact = byNode[statement.nodeName] else { return }
        for relation in statement.relations.map(state.resolve) {
            effects.lock(relation, state.kind(of: relation), by: fact)
        }
    }

    /// DROP POLICY / RULE name the table after the object (`p ON t`); DROP STATISTICS names
    /// the object alone.
    static func drop(_ statement: Drop, state: PatchState, into effects: inout StatementEffects) {
        guard let fact = byNode["DropStmt.\(statement.objectKind.kebabName)"] else { return }
        for parts in statement.objects {
            let relation: QualifiedName?
            switch statement.objectKind {
            case .policy, .rule:
                relation = parts.count >= 2 ? state.resolve(QualifiedName(parts: Array(parts.dropLast()))) : nil
            default:
                relation = state.catalog.namedObjects[state.resolve(QualifiedName(parts: parts))]
            }
            if let relation { effects.lock(relation, state.kind(of: relation), by: fact) }
        }
    }
}
