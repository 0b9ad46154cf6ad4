import PatchgateSource

/// A statement with its exact place: `span` runs from its first token (never a comment before
/// it) to the end of its last token, the semicolon excluded.
public struct ParsedStatement: Sendable {
    /// 0-based over every statement of the file (SET, BEGIN and COMMIT count).
    public let index: Int
    public let span: Span
    public let syntax: Statement
    /// String constants anywhere in the statement; collected only after an `ALTER TYPE … ADD
    /// VALUE` in the same file, the one place a rule needs them.
    public let stringConstants: [String]
    /// Set on a statement of a DO block or of a called routine's body: the statement that runs it.
    public let embedding: Embedding?
    /// Set on a call that was followed into the routine's body.
    public let routineRun: RoutineRun?

    public init(index: Int, span: Span, syntax: Statement, stringConstants: [String] = [],
                embedding: Embedding? = nil, routineRun: RoutineRun? = nil) {
        self.index = index
        self.span = span
        self.syntax = syntax
        self.stringConstants = stringConstants
        self.embedding = embedding
        self.routineRun = routineRun
    }
}

/// A `--` or `/* */` comment, as PostgreSQL's scanner found it.
public struct SourceComment: Hashable, Sendable {
    public let span: Span
    public let isBlock: Bool
}

/// Why part of a file could not be read as statements.
public enum SyntaxProblem: Hashable, Sendable {
    /// PostgreSQL's own message, at the byte offset it names (or the statement's start).
    case syntaxError(message: String, offset: Int, statement: Span?)
    /// The statement parsed, but its tree is deeper than patchgate follows.
    case tooDeep(statement: Span, limit: Int)
}

/// One file after parsing: every statement that parsed, in order, with comments, psql
/// directives and problems, all located in the file's own bytes.
public struct ParsedPatch: Sendable {
    public let source: SourceFile
    public let statements: [ParsedStatement]
    public let comments: [SourceComment]
    public let directives: [PsqlDirective]
    public let problems: [SyntaxProblem]
    public let suppressions: [Suppression]
    /// `-- patchgate: no-transaction` before the first statement: the runner applies this file
    /// statement by statement, outside any transaction.
    public let requestsNoTransaction: Bool

    public init(source: SourceFile, statements: [ParsedStatement], comments: [SourceComment],
                directives: [PsqlDirective], problems: [SyntaxProblem],
                suppressions: [Suppression] = [], requestsNoTransaction: Bool = false) {
        self.source = source
        self.statements = statements
        self.comments = comments
        self.directives = directives
        self.problems = problems
        self.suppressions = suppressions
        self.requestsNoTransaction = requestsNoTransaction
    }
}
