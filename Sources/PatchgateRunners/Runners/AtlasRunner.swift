import Foundation
import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// Atlas splits a file into statements and sends each with `ExecContext`; `--tx-mode file`
/// (default) one transaction per file, `all` one for the run, `none` none; the file directive
/// `-- atlas:txmode none|file|all` overrides (ariga/atlas cmd/atlas/internal/cmdapi/migrate.go
/// `txModeFile`, `txmodeFor`; sql/migrate/migrate.go `ExecContext(ctx, stmt.Text)`;
/// https://atlasgo.io/versioned/apply#transaction-configuration).
public struct AtlasRunner: MigrationRunner {
    public enum TxMode: String, Sendable, CaseIterable { case none, file, all }

    public let id = "atlas"
    public let txMode: TxMode

    public init(txMode: TxMode = .file) {
        self.txMode = txMode
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        var notes: [RunnerNote] = []
        var mode = txMode
        var reason = "--tx-mode \(txMode.rawValue)\(txMode == .file ? " (its default)" : "")"
        if let directive = parsed.lineComments(startingWith: "-- atlas:txmode").first {
            let value = directive.text.dropFirst("-- atlas:txmode".count).trimmingCharacters(in: .whitespaces)
            if let chosen = TxMode(rawValue: value) {
                mode = chosen
                reason = "`-- atlas:txmode \(value)` on line \(parsed.line(of: directive.span.start))"
            } else {
                notes.append(RunnerNote(.malformedDirective, span: directive.span,
                                        message: "`atlas:txmode \(value)` is not a transaction mode Atlas knows (none, file, all)",
                                        help: "write `-- atlas:txmode none`, `file` or `all`"))
            }
        }
        let units = parsed.units(sections: sections, direction: direction) { span in
            switch mode {
            case .none: ApplicationUnit(span: span, wrapping: .none, delivery: .statementByStatement, reason: "atlas, statement by statement: \(reason)")
            case .file: ApplicationUnit(span: span, wrapping: .runnerTransaction, delivery: .statementByStatement,
                                        reason: "atlas, statement by statement in one transaction: \(reason)")
            case .all: ApplicationUnit(span: span, wrapping: .runnerTransaction, scope: .run, delivery: .statementByStatement,
                                       reason: "atlas, statement by statement in the run's transaction: \(reason)")
            }
        }
        return FileApplication(runner: id, units: units, noTransactionDirective: "`-- atlas:txmode none` at the top of the file", notes: notes)
    }
}
