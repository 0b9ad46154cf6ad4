import PatchgateSyntax

/// The transaction a DO block or a called routine runs its statements in. Sent outside a
/// transaction block, the block is one transaction of its own: its statements' locks are held
/// to its end, or to a COMMIT or ROLLBACK in its body, which ends that transaction there and
/// starts the next. Inside a block (the runner's or an explicit BEGIN) those statements are
/// part of the enclosing transaction, and a COMMIT or ROLLBACK in the body fails.
struct RoutineTransaction {
    /// The DO or calling statement whose statements are being analysed.
    private var runBy: Int?

    /// Called before each statement: ends the routine whose statements are over.
    mutating func enter(_ statement: ParsedStatement, state: inout PatchState) {
        if let runBy, statement.embedding?.runBy != runBy, !isNested(statement) { finish(state: &state) }
    }

    /// Called once the statement's own context is taken: a DO block or followed call starts
    /// the transaction its statements run in, when it is sent outside one.
    mutating func start(_ statement: ParsedStatement, state: inout PatchState) {
        guard runBy == nil, isRoutine(statement) else { return }
        runBy = statement.index
        if !state.isInTransaction { state.routineTransaction = statement.index }
    }

    /// A COMMIT, ROLLBACK … in a routine's body.
    static func isTransactionControl(_ statement: ParsedStatement) -> Bool {
        guard statement.embedding != nil, case .transaction = statement.syntax else { return false }
        return true
    }

    /// Records what a COMMIT or ROLLBACK of a body does, once the statement itself is recorded:
    /// outside a block it ends the routine's transaction there (its locks are released) and the
    /// next one starts; inside one it fails, which a rule reports.
    func recordTransactionControl(_ statement: ParsedStatement, state: inout PatchState) {
        guard case .transaction(let control) = statement.syntax else { return }
        switch control.kind {
        case .commit, .rollback: if state.routineTransaction != nil { state.endTransaction() }
        default: break
        }
    }

    /// Ends the routine's own transaction after its last statement.
    mutating func finish(state: inout PatchState) {
        guard runBy != nil else { return }
        runBy = nil
        if state.routineTransaction != nil {
            state.routineTransaction = nil
            state.endTransaction()
        }
    }

    private func isRoutine(_ statement: ParsedStatement) -> Bool {
        if case .doBlock = statement.syntax { return true }
        return statement.routineRun != nil && statement.embedding == nil
    }

    /// A statement of a routine called from inside the DO block being run.
    private func isNested(_ statement: ParsedStatement) -> Bool {
        guard let runBy, let embedding = statement.embedding else { return false }
        return embedding.runBy > runBy && embedding.routine != nil
    }
}
