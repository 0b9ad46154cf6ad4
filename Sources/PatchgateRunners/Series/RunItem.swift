import PatchgateEffects
import PatchgateRules

/// One file of a run, in the order the run goes: checked and reported, or only replayed so that
/// the files after it see the schema it leaves.
public struct RunItem: Sendable {
    public let input: InputFile
    /// False for an earlier patch of a series that was not asked for: replayed, not reported.
    public var isReported = true
    /// The runner that applies the file; nil leaves it to `--transaction`.
    public var runner: (any MigrationRunner)?
    /// The part of the file checked: a file holding both directions is checked once for each
    /// with `--include-down`.
    public var direction = ApplicationUnit.Direction.up
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
