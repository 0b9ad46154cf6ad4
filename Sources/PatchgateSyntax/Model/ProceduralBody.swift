import PatchgateSource

/// `DO $$ … $$`: an anonymous block run once, in the transaction it is sent in. Its static SQL
/// follows it in the file's statement list (statements with an `Embedding`); what cannot be
/// seen statically is in `opaque`.
public struct DoBlock: Hashable, Sendable {
    /// Lower case; `plpgsql` when the block names none.
    public let language: String
    public var opaque: [OpaqueSQL] = []

    public init(language: String, opaque: [OpaqueSQL] = []) {
        self.language = language
        self.opaque = opaque
    }
}

/// `CALL p(…)`.
public struct CallRoutine: Hashable, Sendable {
    public let name: QualifiedName
}

/// What patchgate read in a PL/pgSQL body: its SQL statements (static ones, and EXECUTEs of
/// text known before it runs), what it could not see, and why the body would not compile.
public struct ProceduralBody: Hashable, Sendable {
    public var statements: [EmbeddedStatement] = []
    public var opaque: [OpaqueSQL] = []
    public var problems: [BodyProblem] = []

    public init() {}
}

/// One SQL statement of a PL/pgSQL body, located in the file that holds the body.
public struct EmbeddedStatement: Hashable, Sendable {
    public let span: Span
    public let syntax: Statement
    /// The IF, CASE, loop or exception handler it runs under; nil when it always runs.
    public let condition: EmbeddedCondition?
    /// Run by `EXECUTE` of text known before the block runs.
    public let isDynamic: Bool
    /// Its line counted from the body's first line (for messages about a body in another file).
    public let bodyLine: Int
}

/// What a statement of a body runs under: it may run once, never, or many times.
public struct EmbeddedCondition: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case ifBranch = "IF", caseBranch = "CASE", loop = "loop", exceptionHandler = "EXCEPTION handler"
    }
    public let kind: Kind
    /// Where the guarding statement starts in the file.
    public let offset: Int
}

/// SQL patchgate cannot see before it runs: EXECUTE of text built at run time, or a body in a
/// language other than PL/pgSQL.
public struct OpaqueSQL: Hashable, Sendable {
    public let span: Span
    /// What is hidden, for the message: `EXECUTE of text built at run time`.
    public let reason: String
    public let bodyLine: Int
}

/// Why a body would not compile, as PostgreSQL's PL/pgSQL compiler (or its SQL grammar, for an
/// embedded statement) says; `offset` is in the file, `hasColumn` false when only the line is
/// known.
public struct BodyProblem: Hashable, Sendable {
    public let message: String
    public let offset: Int
    public let hasColumn: Bool
}

/// How a statement of the file's list came out of a DO block or a called routine.
public struct Embedding: Hashable, Sendable {
    /// The index of the DO or calling statement that runs it.
    public let runBy: Int
    /// The routine called; nil for a DO block's own statements.
    public let routine: QualifiedName?
    public let condition: EmbeddedCondition?
    public let isDynamic: Bool

    public init(runBy: Int, routine: QualifiedName?, condition: EmbeddedCondition?, isDynamic: Bool) {
        self.runBy = runBy
        self.routine = routine
        self.condition = condition
        self.isDynamic = isDynamic
    }
}

/// A call followed into a routine's body, on the calling statement: what the body hides, and
/// the calls in it that were not followed (one level deep only).
public struct RoutineRun: Hashable, Sendable {
    public let routine: QualifiedName
    public let opaque: [OpaqueSQL]
    public let unfollowedCalls: [QualifiedName]
}
