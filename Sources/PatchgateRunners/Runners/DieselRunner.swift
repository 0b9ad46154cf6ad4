import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// Diesel sends `up.sql` whole with `batch_execute` (PQexec: one simple query), inside
/// `conn.transaction` unless the migration's `metadata.toml` says `run_in_transaction = false`
/// (diesel_migrations/src/file_based_migrations.rs, "If you see 'cannot run inside a transaction
/// block' errors despite having set `run_in_transaction = false`, then your migration likely
/// contains multiple instructions"; https://docs.diesel.rs/2.2.x/diesel/migration/trait.MigrationMetadata.html).
public struct DieselRunner: MigrationRunner {
    public let id = "diesel"
    /// `run_in_transaction` from `metadata.toml`, with its line; nil when absent.
    public var runInTransaction: (value: Bool, line: Int)?
    /// A `metadata.toml` diesel cannot read: the migration fails to load.
    public var metadataProblem: String?

    public init(runInTransaction: (value: Bool, line: Int)? = nil, metadataProblem: String? = nil) {
        self.runInTransaction = runInTransaction
        self.metadataProblem = metadataProblem
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        let optOut = runInTransaction.flatMap { $0.value ? nil : "run_in_transaction = false in metadata.toml line \($0.line)" }
        var application = OneQueryApplication(runner: id, directive: "`run_in_transaction = false` in the migration's metadata.toml")
            .application(of: parsed, sections: sections, direction: direction, optOut: optOut, defaultReason: "in one transaction (its default)")
        if let metadataProblem {
            application.notes.append(RunnerNote(.malformedDirective, span: Span(start: 0, end: 0), message: metadataProblem,
                                                help: "diesel cannot load the migration; fix metadata.toml"))
        }
        return application
    }
}
