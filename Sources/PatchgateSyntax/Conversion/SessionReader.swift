import PgQuery

enum SessionReader {
    static func setVariable(_ statement: PgQuery_VariableSetStmt) -> Statement {
        let value: String? = switch statement.kind {
        case .varSetValue: statement.args.map(settingText).joined(separator: ", ")
        default: nil
        }
        if statement.name.hasPrefix("TRANSACTION") || statement.name.hasPrefix("SESSION CHARACTERISTICS") {
            return .setVariable(SetVariable(name: statement.name.lowercased(), value: value, isLocal: statement.isLocal))
        }
        return .setVariable(SetVariable(name: statement.name, value: value, isLocal: statement.isLocal))
    }

    /// `SET lock_timeout = 5000` and `= '5s'` both arrive as constants; keep their text.
    private static func settingText(_ node: PgQuery_Node) -> String {
        guard case .aConst(let constant)? = node.node else { return node.stringValue ?? "" }
        switch constant.val {
        case .ival(let integer): return String(integer.ival)
        case .fval(let float): return float.fval
        case .sval(let string): return string.sval
        case .boolval(let boolean): return boolean.boolval ? "on" : "off"
        case .bsval(let bits): return bits.bsval
        case nil: return ""
        }
    }

    static func transaction(_ statement: PgQuery_TransactionStmt) -> Statement? {
        let kind: TransactionControl.Kind
        switch statement.kind {
        case .transStmtBegin, .transStmtStart: kind = .begin
        case .transStmtCommit: kind = .commit
        case .transStmtRollback: kind = .rollback
        case .transStmtSavepoint: kind = .savepoint
        case .transStmtRelease: kind = .release
        case .transStmtRollbackTo: kind = .rollbackToSavepoint
        case .transStmtPrepare: kind = .prepare
        case .transStmtCommitPrepared: kind = .commitPrepared
        case .transStmtRollbackPrepared: kind = .rollbackPrepared
        case .undefined, .UNRECOGNIZED: return nil
        }
        return .transaction(TransactionControl(kind: kind))
    }
}
