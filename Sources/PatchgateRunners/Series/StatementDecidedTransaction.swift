import PatchgateRules

/// Flyway decides per migration: "If Flyway detects that a specific statement cannot be run
/// within a transaction due to technical limitations of your database, it won't run that
/// migration within a transaction" (https://documentation.red-gate.com/fd/migration-transaction-handling-273973399.html).
/// So a file is first checked as one transaction, and checked again statement by statement when
/// one of its statements cannot run inside a transaction block. Not modelled: with Flyway's
/// `mixed` off (the default) such a migration must hold only statements of that kind.
public enum StatementDecidedTransaction {
    public static func check(path: String, bytes: [UInt8], options: CheckOptions) -> FileResult {
        var options = options
        options.transactionMode = .perFile
        let inTransaction = Checker.check(path: path, bytes: bytes, options: options)
        guard inTransaction.statements.contains(where: { !$0.effects.isTransactional }) else { return inTransaction }
        options.transactionMode = .none
        return Checker.check(path: path, bytes: bytes, options: options)
    }
}
