import PgQuery

/// What the SQL grammar's tree says about a routine body: its language, where its string
/// constant starts, and the value of an EXECUTE's expression. (The PL/pgSQL tree is read in
/// Procedural/, whose names are libpg_query's PL/pgSQL JSON, not pg_query.proto's.)
extension ProceduralReader {
    /// The value of an EXECUTE's expression when it is made of constants only.
    static func constantText(_ expression: [UInt8]) -> String? {
        guard let statements = try? LibPgQuery.parseStatements(Array("SELECT ".utf8) + expression, mayBeDeep: false),
              statements.count == 1 else { return nil }
        return statements[0].readTree { tree -> String? in
            let targets = tree.node("SelectStmt")["targetList"].elements
            guard targets.count == 1 else { return nil }
            return ConstantText.evaluate(ExpressionReader.read(targets[0].node("ResTarget")["val"]))
        }
    }

    /// The `language` option of DO's or CREATE FUNCTION's options, lower-cased.
    static func language(of options: TreeValue) -> String? {
        for node in options.elements {
            let option = node.node("DefElem")
            if option["defname"].string == "language" { return option["arg"].stringValue?.lowercased() }
        }
        return nil
    }

    /// Where the body's string constant starts in the parsed text (the `as` option's location).
    static func bodyLiteral(of options: TreeValue) -> Int? {
        for node in options.elements {
            let option = node.node("DefElem")
            if option["defname"].string == "as" { return option["location"].int }
        }
        return nil
    }
}
