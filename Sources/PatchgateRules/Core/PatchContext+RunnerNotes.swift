import PatchgateEffects

/// The runner notes of one kind as findings of one rule.
extension PatchContext {
    func findings<R: Rule>(_ rule: R.Type, notes kind: RunnerNote.Kind) -> [Finding] {
        application.notes.filter { $0.kind == kind }.map { note in
            finding(rule, span: note.span, statementIndex: nil, note.message, help: note.help)
        }
    }
}

extension PatchContext {
    /// How the file's runner is told to apply a migration outside a transaction, for help texts
    /// that suggest one; empty without a runner (the help's own wording stands).
    var noTransactionHint: String {
        guard let runner = application.runner, let directive = application.noTransactionDirective else { return "" }
        return " (\(runner): \(directive))"
    }
}
