import PatchgateEffects

/// One file of a run, in the order the run goes: checked and reported, or only replayed so that
/// the files after it see the schema it leaves.
struct RunItem: Sendable {
    let input: InputFile
    /// False for an earlier patch of a series that was not asked for: replayed, not reported.
    var isReported = true
    /// How the layout's runner applies the file; nil leaves it to `--transaction`.
    var transactionMode: TransactionMode?
    /// The runner takes a file out of the transaction when a statement cannot run in one (Flyway).
    var decidesTransactionFromStatements = false
    /// False: checked on its own, as without `--schema` (down migrations, patches a baseline
    /// already contains).
    var usesCatalog = true
    /// Its statements go into the catalog the files after it are checked against.
    var isReplayed = true
    /// The baseline dump that already contains this patch.
    var containingBaseline: String?

    init(input: InputFile) {
        self.input = input
    }
}
