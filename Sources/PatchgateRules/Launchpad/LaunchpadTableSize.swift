import PatchgateEffects
import PatchgateSyntax

/// The manual allows data changes in a cold patch only for tiny tables ("hundreds of rows"):
/// past this many rows, from `--stats`, a table is not tiny.
enum LaunchpadTableSize {
    static let tinyRows: Int64 = 1_000

    /// The table's row count when the statistics list it with more than `tinyRows`.
    static func rowsIfLarge(_ table: QualifiedName, in patch: PatchContext) -> Int64? {
        guard let rows = patch.options.statistics?.size(of: table)?.rows, rows > tinyRows else { return nil }
        return rows
    }
}
