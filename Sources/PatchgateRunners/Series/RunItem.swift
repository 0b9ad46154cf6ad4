import PatchgateEffects

/// One file of a run, in the order the run goes: checked and reported, or only replayed so that
/// the files after it see the schema it leaves.
public struct RunItem: Sendable {
    public let input: InputFile
    /// False for an earlier patch of a series that was not asked for: replayed, not reported.
    public var isReported = true
    /// How the layout's runner applies the file; nil leaves it to `--transaction`.
    public var transactionMode: TransactionMode?
    /// The runner takes a file out of the transaction when a statement cannot run in one (Flyway).
    public var decidesTransactionFromStatements = false
    /// False: checked on its own, as without `--schema` (down migrations, patches a baseline
    /// already contains).
    public var usesCatalog = true
    /// Its statements go into the catalog the files after it are checked against.
    public var isReplayed = true
    /// The baseline dump that already contains this patch.
    public var containingBaseline: String?

    public init(input: InputFile) {
        self.input = input
    }
}
