import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// golang-migrate (postgres, pgx drivers) sends the file with one `ExecContext` and no BEGIN:
/// one simple query ("In PostgreSQL running multiple SQL statements in one `Exec` executes them
/// inside a transaction", database/postgres/README.md). `x-multi-statement=true` cuts the file
/// at every `;` byte (`multiStmtDelimiter = []byte(";")`, not SQL-aware) and sends each piece
/// on its own, so a statement holding `;` (a `$$` body, a string) is cut apart.
public struct GolangMigrateRunner: MigrationRunner {
    public let id = "golang-migrate"
    public let multiStatement: Bool

    public init(multiStatement: Bool = false) {
        self.multiStatement = multiStatement
    }

    public func application(of parsed: ParsedPatch, sections: FileSections?, direction: ApplicationUnit.Direction) -> FileApplication {
        var notes: [RunnerNote] = []
        let units = parsed.units(sections: sections, direction: direction) { span in
            guard multiStatement else {
                return ApplicationUnit(span: span, wrapping: .none, delivery: .oneQuery,
                                       reason: "golang-migrate: the file as one query, no BEGIN")
            }
            return ApplicationUnit(span: span, wrapping: .none, delivery: .statementByStatement,
                                   reason: "golang-migrate x-multi-statement: cut at every `;`, each piece on its own")
        }
        if multiStatement {
            let semicolon = UInt8(ascii: ";")
            for statement in parsed.statements {
                guard let cut = parsed.source.bytes[statement.span.start..<statement.span.end].firstIndex(of: semicolon) else { continue }
                notes.append(RunnerNote(.malformedDirective, span: Span(start: cut, end: cut + 1),
                                        message: "x-multi-statement cuts the file at every `;`: this `;` inside the statement splits it, and neither piece runs as written",
                                        help: "turn x-multi-statement off for this migration, or keep `;` out of function bodies and strings"))
            }
        }
        return FileApplication(runner: id, units: units,
                               noTransactionDirective: "a file holding only that statement (golang-migrate has no directive; x-multi-statement=true in the database URL sends statements one by one)",
                               notes: notes)
    }
}
