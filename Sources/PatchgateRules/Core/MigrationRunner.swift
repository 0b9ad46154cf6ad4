import PatchgateEffects
import PatchgateSource
import PatchgateSyntax

/// A migration tool as patchgate models it: which parts of a file it runs in each direction, and
/// how it sends them (units, wrapping, scope, delivery). One value per file: the facts the
/// layout holds outside the file (a `.sql.conf`, a `metadata.toml`, a file name) are fields.
public protocol MigrationRunner: Sendable {
    /// The id `--runner`, `runner:` and the reports use.
    var id: String { get }
    /// Whether the file holds its down migration too (goose, dbmate, node-pg-migrate).
    var keepsDownInFile: Bool { get }
    /// The runner that applies this file, when the text decides it (a plain directory's file
    /// names its runner by its directives); nil for none. Most runners are themselves.
    func resolved(for source: SourceFile) -> (any MigrationRunner)?
    /// The byte ranges each direction runs, for a runner that keeps both in one file (goose,
    /// dbmate, node-pg-migrate); nil when the whole file is one direction.
    func sections(of source: SourceFile) -> FileSections?
    /// How the runner applies the statements of the checked part of the file.
    func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication
}

extension MigrationRunner {
    public var keepsDownInFile: Bool { false }
    public func resolved(for source: SourceFile) -> (any MigrationRunner)? { self }
    public func sections(of source: SourceFile) -> FileSections? { nil }
}

/// The up and down parts of a file that holds both, and what is wrong with its markers.
public struct FileSections: Equatable, Sendable {
    public var up: [Span] = []
    public var down: [Span] = []
    public var notes: [RunnerNote] = []

    public init(up: [Span] = [], down: [Span] = [], notes: [RunnerNote] = []) {
        self.up = up
        self.down = down
        self.notes = notes
    }

    public func spans(_ direction: ApplicationUnit.Direction) -> [Span] { direction == .up ? up : down }
}
