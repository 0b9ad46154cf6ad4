import PgQuery
import PatchgateSource

/// Reads a PL/pgSQL body: libpg_query's PL/pgSQL compiler gives its statements with a line
/// counted from the body's first line and no column, and embedded SQL as query text. Each
/// query is found again on its line in the file and parsed with the SQL grammar, for exact
/// spans and a typed statement.
struct ProceduralReader {
    let bytes: [UInt8]
    let body: BodyText
    /// The DO or CREATE FUNCTION statement that holds the body.
    let statement: Span
    private(set) var result = ProceduralBody()

    /// The body of `DO [LANGUAGE l] $$…$$` whose string constant starts at `literal`.
    static func doBlock(bytes: [UInt8], literal: Int, statement: Span) -> ProceduralBody {
        guard let body = BodyText(bytes: bytes, literal: literal, limit: statement.end) else { return ProceduralBody() }
        let tag = wrapperTag(for: body.text(in: bytes))
        let wrapped = Array("CREATE FUNCTION patchgate_do_block() RETURNS void LANGUAGE plpgsql AS \(tag)".utf8)
            + body.unquoted(in: bytes) + Array(tag.utf8)
        return read(wrapped, bytes: bytes, body: body, statement: statement)
    }

    /// The body of a `CREATE FUNCTION … LANGUAGE plpgsql` statement, parsed with its own
    /// signature (parameters are variables, the return type decides what RETURN may say).
    static func function(bytes: [UInt8], literal: Int, statement: Span) -> ProceduralBody {
        guard let body = BodyText(bytes: bytes, literal: literal, limit: statement.end) else { return ProceduralBody() }
        return read(Array(bytes[statement.start..<statement.end]), bytes: bytes, body: body, statement: statement)
    }

    private static func read(_ createFunction: [UInt8], bytes: [UInt8], body: BodyText, statement: Span) -> ProceduralBody {
        var reader = ProceduralReader(bytes: bytes, body: body, statement: statement)
        do {
            let tree = try LibPgQuery.parseProcedural(createFunction)
            tree.read { root in
                for function in root.elements { reader.block(function.node("PLpgSQL_function")["action"], condition: nil) }
            }
        } catch {
            reader.compileError(error)
        }
        return reader.result
    }

    /// A dollar-quote tag that the body does not contain.
    private static func wrapperTag(for text: String) -> String {
        var tag = "$patchgate$", number = 0
        while text.contains(tag) { number += 1; tag = "$patchgate\(number)$" }
        return tag
    }

    // MARK: the tree

    private mutating func block(_ node: TreeValue, condition: EmbeddedCondition?) {
        let fields = node.nodeFields
        switch node.nodeName ?? "" {
        case "PLpgSQL_stmt_block":
            statements(fields["body"], condition: condition)
            for handler in fields["exceptions"].node("PLpgSQL_exception_block")["exc_list"].elements {
                statements(handler.node("PLpgSQL_exception")["action"], condition: guarding(.exceptionHandler, fields, condition))
            }
        default: statement(node, condition: condition)
        }
    }

    private mutating func statements(_ list: TreeValue, condition: EmbeddedCondition?) {
        for node in list.elements { block(node, condition: condition) }
    }

    private mutating func statement(_ node: TreeValue, condition: EmbeddedCondition?) {
        let fields = node.nodeFields
        let line = fields["lineno"].int
        switch node.nodeName ?? "" {
        case "PLpgSQL_stmt_execsql": query(fields["sqlstmt"], line: line, condition: condition)
        case "PLpgSQL_stmt_perform": perform(fields["expr"], line: line, condition: condition)
        case "PLpgSQL_stmt_call": query(fields["expr"], line: line, condition: condition)
        case "PLpgSQL_stmt_dynexecute": execute(fields["query"], line: line, condition: condition)
        case "PLpgSQL_stmt_commit": transaction(.commit, word: "COMMIT", line: line, condition: condition)
        case "PLpgSQL_stmt_rollback": transaction(.rollback, word: "ROLLBACK", line: line, condition: condition)
        case "PLpgSQL_stmt_if":
            let branch = guarding(.ifBranch, fields, condition)
            statements(fields["then_body"], condition: branch)
            for elsif in fields["elsif_list"].elements { statements(elsif.node("PLpgSQL_if_elsif")["stmts"], condition: branch) }
            statements(fields["else_body"], condition: branch)
        case "PLpgSQL_stmt_case":
            let branch = guarding(.caseBranch, fields, condition)
            for arm in fields["case_when_list"].elements { statements(arm.node("PLpgSQL_case_when")["stmts"], condition: branch) }
            statements(fields["else_stmts"], condition: branch)
        case "PLpgSQL_stmt_fors", "PLpgSQL_stmt_forc":
            query(fields["query"], line: line, condition: condition)
            statements(fields["body"], condition: guarding(.loop, fields, condition))
        case "PLpgSQL_stmt_dynfors":
            execute(fields["query"], line: line, condition: condition)
            statements(fields["body"], condition: guarding(.loop, fields, condition))
        case "PLpgSQL_stmt_loop", "PLpgSQL_stmt_while", "PLpgSQL_stmt_fori", "PLpgSQL_stmt_foreach_a":
            statements(fields["body"], condition: guarding(.loop, fields, condition))
        case "PLpgSQL_stmt_return_query":
            if fields["dynquery"].isPresent { execute(fields["dynquery"], line: line, condition: condition) }
            else { query(fields["query"], line: line, condition: condition) }
        case "PLpgSQL_stmt_open":
            if fields["dynquery"].isPresent { execute(fields["dynquery"], line: line, condition: condition) }
            else if fields["query"].isPresent { query(fields["query"], line: line, condition: condition) }
        case "PLpgSQL_stmt_block": block(node, condition: condition)
        // Conditions, assignments, RAISE and RETURN expressions only read (a subquery there
        // takes ACCESS SHARE on what it reads, which no rule stops).
        default: break
        }
    }

    private func guarding(_ kind: EmbeddedCondition.Kind, _ fields: TreeValue, _ outer: EmbeddedCondition?) -> EmbeddedCondition {
        EmbeddedCondition(kind: kind, offset: body.lineStart(fields["lineno"].int, in: bytes))
    }

    // MARK: statements

    /// A static query (`PLpgSQL_expr`), parsed where it stands in the file.
    private mutating func query(_ expression: TreeValue, line: Int, condition: EmbeddedCondition?) {
        let text = Array(expression.node("PLpgSQL_expr")["query"].string.utf8)
        guard !text.isEmpty else { return }
        let place = body.locate(text, line: line, in: bytes)
        parse(text, place: place, line: line, condition: condition, isDynamic: false)
    }

    /// `PERFORM …` comes back as `SELECT …`: placed from the PERFORM keyword to the end of
    /// the query found after it.
    private mutating func perform(_ expression: TreeValue, line: Int, condition: EmbeddedCondition?) {
        let text = Array(expression.node("PLpgSQL_expr")["query"].string.utf8)
        let keyword = body.locate(Array("PERFORM".utf8), line: line, in: bytes, ignoringCase: true)
        let rest = body.locate(Array(text.dropFirst("SELECT ".utf8.count)), line: line, in: bytes)
        let span = keyword.isExact && rest.isExact && rest.span.start >= keyword.span.end
            ? Span(start: keyword.span.start, end: rest.span.end) : keyword.span
        parse(text, place: Place(span: span, isExact: false), line: line, condition: condition, isDynamic: false)
    }

    /// `EXECUTE expr`: analysed when the text is known before the block runs.
    private mutating func execute(_ expression: TreeValue, line: Int, condition: EmbeddedCondition?) {
        let text = Array(expression.node("PLpgSQL_expr")["query"].string.utf8)
        let place = body.locate(text, line: line, in: bytes)
        guard let sql = Self.constantText(text) else {
            result.opaque.append(OpaqueSQL(span: place.span, reason: "EXECUTE of text built at run time", bodyLine: line))
            return
        }
        parse(Array(sql.utf8), place: Place(span: place.span, isExact: false), line: line, condition: condition, isDynamic: true)
    }

    private mutating func parse(_ text: [UInt8], place: Place, line: Int, condition: EmbeddedCondition?, isDynamic: Bool) {
        do {
            for raw in try LibPgQuery.parseStatements(text, mayBeDeep: false) {
                let syntax = raw.readTree(StatementReader.statement)
                let span = place.isExact
                    ? Span(start: place.span.start + raw.location, end: place.span.start + raw.location + (raw.length == 0 ? text.count - raw.location : raw.length))
                    : place.span
                result.statements.append(EmbeddedStatement(span: span, syntax: syntax, condition: condition, isDynamic: isDynamic, bodyLine: line))
            }
        } catch {
            guard case .syntax(let message, let offset) = error else { return }
            let located = place.isExact && offset != nil
            result.problems.append(BodyProblem(message: message, offset: located ? place.span.start + (offset ?? 0) : place.span.start, hasColumn: located))
        }
    }

    private mutating func transaction(_ kind: TransactionControl.Kind, word: String, line: Int, condition: EmbeddedCondition?) {
        let place = body.locate(Array(word.utf8), line: line, in: bytes, ignoringCase: true)
        result.statements.append(EmbeddedStatement(span: place.span, syntax: .transaction(TransactionControl(kind: kind)),
                                                   condition: condition, isDynamic: false, bodyLine: line))
    }

    private mutating func compileError(_ error: ProceduralError) {
        if Self.needsCatalog(error.message, statement: String(decoding: bytes[statement.start..<statement.end], as: UTF8.self)) {
            result.opaque.append(OpaqueSQL(span: Span(start: body.start, end: max(body.start, min(body.end, body.start + 1))),
                                           reason: "a body patchgate's PL/pgSQL reader cannot compile without the database's types (\(error.message))",
                                           bodyLine: 1))
            return
        }
        // A syntax error names the token it stopped at; PL/pgSQL's own line for it is the
        // line of the statement being read when the grammar gave up, often not the right one.
        if let offset = body.nearToken(of: error.message, in: bytes) {
            result.problems.append(BodyProblem(message: error.message, offset: offset, hasColumn: true))
        } else {
            result.problems.append(BodyProblem(message: error.message, offset: body.lineStart(error.bodyLine ?? 1, in: bytes), hasColumn: false))
        }
    }
}

extension ProceduralReader {
    /// libpg_query compiles without a catalog or the function's signature: it cannot tell that a
    /// variable is a cursor, which fields a row-typed variable has (`bt.bug := …` for `bt
    /// bugtask%ROWTYPE`), what `$1` is, nor that OUT parameters let `RETURN NEXT;` go without
    /// an expression; its errors there may be its own, not PostgreSQL's (found on the corpus:
    /// Launchpad's and Citus' functions, which PostgreSQL accepts).
    static func needsCatalog(_ message: String, statement: String) -> Bool {
        if statement.lowercased().contains("cursor") { return true }
        if message.hasPrefix("missing expression") || message.hasPrefix("variable \"$")
            || message.hasPrefix("collations are not supported by type") { return true }
        guard message.hasSuffix("\" is not a known variable"), message.hasPrefix("\"") else { return false }
        let name = message.dropFirst().prefix { $0 != "\"" }
        return name.contains(".") || name.hasPrefix("$")
    }
}

/// Where a query of the body lies in the file: exactly (its text found on its line) or only
/// its line.
struct Place {
    let span: Span
    let isExact: Bool
}

