import PatchgateSource
import PatchgateSyntax

/// A finding about a statement a DO block or called routine runs says so, and says when the
/// statement runs only under a condition: it was analysed as if the branch runs.
enum EmbeddedFindings {
    static func describe(_ findings: [Finding], statements: [ParsedStatement], source: SourceFile) -> [Finding] {
        guard statements.contains(where: { $0.embedding != nil }) else { return findings }
        return findings.map { finding in
            guard let index = finding.statementIndex, let embedding = statement(index, in: statements)?.embedding,
                  let runner = statement(embedding.runBy, in: statements) else { return finding }
            return Finding(rule: finding.rule, severity: finding.severity, verdict: finding.verdict,
                           message: finding.message + origin(embedding, runner: runner, source: source), help: finding.help,
                           span: finding.span, start: finding.start, end: finding.end, statementIndex: finding.statementIndex)
        }
    }

    private static func origin(_ embedding: Embedding, runner: ParsedStatement, source: SourceFile) -> String {
        let line = source.lines.position(of: runner.span.start).line
        var text = embedding.routine.map { " (run by \($0)(), called at line \(line)" } ?? " (in the DO block at line \(line)"
        if embedding.isDynamic { text += ", by EXECUTE" }
        if let condition = embedding.condition {
            let conditionLine = source.lines.position(of: condition.offset).line
            text += "; conditional: runs only when the \(condition.kind.rawValue) at line \(conditionLine) reaches it, analysed as if it does"
        }
        return text + ")"
    }

    static func statement(_ index: Int, in statements: [ParsedStatement]) -> ParsedStatement? {
        if index < statements.count, statements[index].index == index { return statements[index] }
        return statements.first { $0.index == index }
    }
}
