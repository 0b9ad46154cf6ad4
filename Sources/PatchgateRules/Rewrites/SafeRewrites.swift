import PatchgateEffects
import PatchgateSource
import PatchgateSyntax

/// The safe SQL for the common rewrites, attached to the findings that call for them: a
/// concurrent index build, a constraint added NOT VALID and validated later, a column added
/// nullable with its default set apart and backfilled, a CHECK proving NOT NULL before SET NOT
/// NULL. Written from the statement's syntax; the statement's own text only where the syntax
/// keeps less than PostgreSQL needs (index keys and constraint clauses), and then whole.
public enum SafeRewrites {
    static let rules: Set = ["require-concurrent-index-creation", "constraint-missing-not-valid",
                             "adding-column-with-volatile-default", "setting-not-null"]

    static func attach(to findings: [Finding], statements: [AnalyzedStatement], source: SourceFile) -> [Finding] {
        // Most files have none of these findings: they cost nothing then.
        guard findings.contains(where: { rules.contains($0.rule) }) else { return findings }
        return findings.map { finding in
            guard rules.contains(finding.rule), let index = finding.statementIndex,
                  let statement = statement(numbered: index, in: statements), statement.parsed.embedding == nil,
                  let rewrite = rewrite(for: finding.rule, statement, source: source) else { return finding }
            return finding.with(rewrite: rewrite)
        }
    }

    /// Statements are in order of their numbers (Launchpad leaves some out): a binary search.
    private static func statement(numbered index: Int, in statements: [AnalyzedStatement]) -> AnalyzedStatement? {
        var low = 0, high = statements.count
        while low < high {
            let middle = (low + high) / 2
            if statements[middle].parsed.index < index { low = middle + 1 } else { high = middle }
        }
        return low < statements.count && statements[low].parsed.index == index ? statements[low] : nil
    }

    static func rewrite(for rule: String, _ statement: AnalyzedStatement, source: SourceFile) -> SafeRewrite? {
        switch rule {
        case "require-concurrent-index-creation": concurrentIndex(statement, source: source)
        case "constraint-missing-not-valid": notValidThenValidate(statement, source: source)
        case "adding-column-with-volatile-default": nullableColumnThenBackfill(statement)
        case "setting-not-null": checkBeforeSetNotNull(statement)
        default: nil
        }
    }

    /// `CREATE [UNIQUE] INDEX` with `CONCURRENTLY` put after `INDEX`, the rest of the statement
    /// as written (keys, opclasses, INCLUDE, WHERE).
    static func concurrentIndex(_ statement: AnalyzedStatement, source: SourceFile) -> SafeRewrite? {
        guard case .createIndex(let index) = statement.syntax, !index.isConcurrent else { return nil }
        let text = source.text(statement.parsed.span)
        let words = index.isUnique ? ["create", "unique", "index"] : ["create", "index"]
        guard let rest = LeadingWords.after(words, in: text) else { return nil }
        let head = index.isUnique ? "CREATE UNIQUE INDEX CONCURRENTLY" : "CREATE INDEX CONCURRENTLY"
        return SafeRewrite(summary: "build the index without blocking writes", sql: [
            "-- in a file of its own, applied outside a transaction block",
            head + " " + rest + ";",
        ])
    }

    /// The same ALTER TABLE with NOT VALID (a statement with that one action), then VALIDATE in a
    /// later patch: the scan then takes SHARE UPDATE EXCLUSIVE, which blocks no reads or writes.
    static func notValidThenValidate(_ statement: AnalyzedStatement, source: SourceFile) -> SafeRewrite? {
        guard case .alterTable(let alter) = statement.syntax, alter.actions.count == 1,
              case .addConstraint(let constraint) = alter.actions[0], !constraint.isNotValid,
              let name = constraint.name ?? ConstraintNaming.predicted(constraint, table: alter.table) else { return nil }
        var sql = source.text(statement.parsed.span)
        if sql.hasSuffix(";") { sql.removeLast() }
        var steps = [sql + " NOT VALID;", "-- in a later patch:", "ALTER TABLE \(SQLText.name(alter.table)) VALIDATE CONSTRAINT \(SQLText.identifier(name));"]
        if constraint.name == nil { steps.insert("-- \(name) is the name PostgreSQL gives it, unless a constraint of that name exists", at: 0) }
        return SafeRewrite(summary: "add the constraint without checking existing rows, then validate without blocking writes", sql: steps)
    }

    /// ADD COLUMN with no default, the default set apart (new rows only), existing rows
    /// backfilled in batches; a NOT NULL comes last, proven by a CHECK first.
    static func nullableColumnThenBackfill(_ statement: AnalyzedStatement) -> SafeRewrite? {
        guard case .alterTable(let alter) = statement.syntax, alter.actions.count == 1,
              case .addColumn(let column, let ifNotExists) = alter.actions[0], let defaultValue = column.defaultValue,
              column.identity == nil, column.generatedExpression == nil, !column.isPrimaryKey, !column.isUnique,
              column.checks.isEmpty, column.references == nil,
              let type = SQLText.type(column.type), let value = SQLText.expression(defaultValue) else { return nil }
        let table = SQLText.name(alter.table), name = SQLText.identifier(column.name)
        var steps = [
            "ALTER TABLE \(table) ADD COLUMN \(ifNotExists ? "IF NOT EXISTS " : "")\(name) \(type);",
            "ALTER TABLE \(table) ALTER COLUMN \(name) SET DEFAULT \(value);",
            "-- then fill existing rows in batches, each its own transaction, repeated until it updates no row:",
            "UPDATE \(table) SET \(name) = \(value) WHERE ctid IN (SELECT ctid FROM \(table) WHERE \(name) IS NULL LIMIT 5000);",
        ]
        if column.isNotNull { steps += notNullSteps(alter.table, column: column.name, after: "-- once every row is filled, in a later patch:") }
        return SafeRewrite(summary: "add the column without rewriting the table, then fill existing rows in batches", sql: steps)
    }

    static func checkBeforeSetNotNull(_ statement: AnalyzedStatement) -> SafeRewrite? {
        guard case .alterTable(let alter) = statement.syntax, alter.actions.count == 1,
              case .setNotNull(let column) = alter.actions[0] else { return nil }
        return SafeRewrite(summary: "prove NOT NULL with a CHECK validated without blocking writes, so SET NOT NULL does not scan",
                           sql: notNullSteps(alter.table, column: column, after: nil))
    }

    /// A validated `CHECK (column IS NOT NULL)` lets SET NOT NULL skip its scan (PostgreSQL 12+).
    private static func notNullSteps(_ table: QualifiedName, column: String, after note: String?) -> [String] {
        let name = SQLText.identifier(ConstraintNaming.truncated("\(table.name)_\(column)_not_null"))
        let relation = SQLText.name(table), columnName = SQLText.identifier(column)
        return (note.map { [$0] } ?? []) + [
            "ALTER TABLE \(relation) ADD CONSTRAINT \(name) CHECK (\(columnName) IS NOT NULL) NOT VALID;",
            "-- in a later patch (takes SHARE UPDATE EXCLUSIVE: reads and writes go on):",
            "ALTER TABLE \(relation) VALIDATE CONSTRAINT \(name);",
            "-- then, without a scan:",
            "ALTER TABLE \(relation) ALTER COLUMN \(columnName) SET NOT NULL;",
            "ALTER TABLE \(relation) DROP CONSTRAINT \(name);",
        ]
    }
}

/// The name PostgreSQL gives an unnamed constraint (`ChooseConstraintName`): the table, the
/// foreign key's columns or the CHECK's one column, and `fkey` or `check`, cut to 63 bytes.
enum ConstraintNaming {
    static func predicted(_ constraint: TableConstraint, table: QualifiedName) -> String? {
        switch constraint.kind {
        case .foreignKey(let columns, _):
            return truncated(([table.name] + columns + ["fkey"]).joined(separator: "_"))
        case .check(let expression):
            let columns = Set(expression.referencedColumns.compactMap(\.last))
            return truncated(([table.name] + (columns.count == 1 ? Array(columns) : []) + ["check"]).joined(separator: "_"))
        case .unique, .primaryKey, .exclusion, .other: return nil
        }
    }

    /// NAMEDATALEN - 1 bytes, cut on a character boundary.
    static func truncated(_ name: String) -> String {
        var result = ""
        for character in name {
            if result.utf8.count + String(character).utf8.count > 63 { break }
            result.append(character)
        }
        return result
    }
}

/// The statement's text after its leading key words, when it starts with exactly them (any
/// case, separated by white space only): nil when a comment or anything else sits between.
enum LeadingWords {
    static func after(_ words: [String], in text: String) -> String? {
        var rest = Substring(text)
        for word in words {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard rest.prefix(word.count).lowercased() == word else { return nil }
            rest = rest.dropFirst(word.count)
            guard let next = rest.first, next == " " || next == "\t" || next == "\n" || next == "\r" else { return nil }
        }
        var result = String(rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        if result.hasSuffix(";") { result.removeLast() }
        return result
    }
}
