import PatchgateSource

/// Reads the bodies of DO blocks and PL/pgSQL functions as the parser meets them, and lays out
/// the statements they run: a DO block's own, and a called routine's (the routines created
/// earlier in the file or known from the schema), one level deep.
struct RoutineExpander {
    /// PL/pgSQL bodies by function name (unqualified, as the catalog keys functions).
    var routines: [String: ProceduralBody]
    /// `check_function_bodies`: on by default; a file's own `SET … = off` (pg_dump writes it)
    /// lets a body that does not compile be created.
    private(set) var checksFunctionBodies = true

    /// One statement of the file and what it runs, in order.
    struct Expansion {
        var statement: Statement
        var routineRun: RoutineRun?
        var runs: [Run] = []
        var problems: [BodyProblem] = []
    }

    /// A statement run by the expanded one (`runBy` is relative: 0 is the expanded statement,
    /// n the n-th run statement, for a call inside a DO block).
    struct Run {
        let span: Span
        let syntax: Statement
        let embedding: Embedding
        let routineRun: RoutineRun?
    }

    mutating func expand(_ syntax: Statement, span: Span, bodyLiteral: Int?, bytes: [UInt8]) -> Expansion {
        var expansion = Expansion(statement: syntax)
        switch syntax {
        case .doBlock(var block):
            guard block.language == "plpgsql" else {
                block.opaque = [OpaqueSQL(span: span, reason: "a DO block in LANGUAGE \(block.language)", bodyLine: 1)]
                expansion.statement = .doBlock(block)
                return expansion
            }
            guard let literal = bodyLiteral else { return expansion }
            let body = ProceduralReader.doBlock(bytes: bytes, literal: literal, statement: span)
            block.opaque = body.opaque
            expansion.statement = .doBlock(block)
            expansion.problems = body.problems
            for statement in body.statements {
                let ownIndex = expansion.runs.count + 1
                let calls = follow(statement.syntax, at: statement.span, runBy: ownIndex)
                expansion.runs.append(Run(span: statement.span, syntax: statement.syntax,
                                          embedding: Embedding(runBy: 0, routine: nil, condition: statement.condition, isDynamic: statement.isDynamic),
                                          routineRun: calls.run))
                expansion.runs += calls.runs
            }
        case .createFunction(var function):
            guard function.language?.lowercased() == "plpgsql", let literal = bodyLiteral else { return expansion }
            let body = ProceduralReader.function(bytes: bytes, literal: literal, statement: span)
            function.body = body
            expansion.statement = .createFunction(function)
            if checksFunctionBodies { expansion.problems = body.problems }
            routines[function.name.name] = body
        case .setVariable(let setting) where setting.name.lowercased() == "check_function_bodies":
            checksFunctionBodies = !["off", "false", "no", "0"].contains(setting.value?.lowercased() ?? "on")
        default:
            let calls = follow(syntax, at: span, runBy: 0)
            expansion.routineRun = calls.run
            expansion.runs = calls.runs
        }
        return expansion
    }

    /// The statements of the routines a statement calls, placed at the call.
    private func follow(_ syntax: Statement, at span: Span, runBy: Int) -> (run: RoutineRun?, runs: [Run]) {
        guard let (name, body) = calledRoutines(syntax).first else { return (nil, []) }
        var runs: [Run] = []
        var unfollowed: [QualifiedName] = []
        for statement in body.statements {
            unfollowed += calledRoutines(statement.syntax).map(\.name)
            runs.append(Run(span: span, syntax: statement.syntax,
                            embedding: Embedding(runBy: runBy, routine: name, condition: statement.condition, isDynamic: statement.isDynamic),
                            routineRun: nil))
        }
        return (RoutineRun(routine: name, opaque: body.opaque.map { OpaqueSQL(span: span, reason: $0.reason, bodyLine: $0.bodyLine) },
                           unfollowedCalls: unfollowed), runs)
    }

    /// The routines with a known body that a statement calls.
    private func calledRoutines(_ syntax: Statement) -> [(name: QualifiedName, body: ProceduralBody)] {
        let names: [QualifiedName]
        switch syntax {
        case .call(let call): names = [call.name]
        case .select(let select): names = select.calledFunctions
        default: names = []
        }
        return names.compactMap { name in routines[name.name].map { (name, $0) } }
    }
}
