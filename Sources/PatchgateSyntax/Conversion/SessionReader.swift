import PgQuery

enum SessionReader {
    static func setVariable(_ statement: TreeValue) -> Statement {
        let value: String? = statement["kind"].equals("VAR_SET_VALUE")
            ? statement["args"].elements.map(settingText).joined(separator: ", ") : nil
        let name = statement["name"].string, isLocal = statement["is_local"].bool
        if name.hasPrefix("TRANSACTION") || name.hasPrefix("SESSION CHARACTERISTICS") {
            return .setVariable(SetVariable(name: name.lowercased(), value: value, isLocal: isLocal))
        }
        return .setVariable(SetVariable(name: name, value: value, isLocal: isLocal))
    }

    /// `SET lock_timeout = 5000` and `= '5s'` both arrive as constants; keep their text.
    private static func settingText(_ node: TreeValue) -> String {
        let constant = node.node("A_Const")
        guard constant.isPresent else { return node.stringValue ?? "" }
        switch ExpressionReader.constant(constant) {
        case .integer(let integer): return String(integer)
        case .number(let text), .string(let text), .bitString(let text): return text
        case .boolean(let boolean): return boolean ? "on" : "off"
        case .null: return ""
        }
    }

    static func transaction(_ statement: TreeValue) -> Statement? {
        let kind: TransactionControl.Kind
        switch statement["kind"].string {
        case "TRANS_STMT_BEGIN", "TRANS_STMT_START": kind = .begin
        case "TRANS_STMT_COMMIT": kind = .commit
        case "TRANS_STMT_ROLLBACK": kind = .rollback
        case "TRANS_STMT_SAVEPOINT": kind = .savepoint
        case "TRANS_STMT_RELEASE": kind = .release
        case "TRANS_STMT_ROLLBACK_TO": kind = .rollbackToSavepoint
        case "TRANS_STMT_PREPARE": kind = .prepare
        case "TRANS_STMT_COMMIT_PREPARED": kind = .commitPrepared
        case "TRANS_STMT_ROLLBACK_PREPARED": kind = .rollbackPrepared
        default: return nil
        }
        return .transaction(TransactionControl(kind: kind))
    }
}
