import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// JSON version 1 (documented in docs/json.md): other tools read it, so fields are only ever
/// added, never renamed.
public enum JSONReporter {
    public static func render(_ result: CheckResult) -> String {
        document(files: result.files.map(fileJSON), inputErrors: result.inputErrors, summary: result.summary)
    }

    /// The whole document from files rendered one by one (in the run's order).
    public static func document(files: [String], inputErrors: [InputError], summary: RunSummary) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("version", 1)
            json.field("files", each: files) { json, file in json.raw(file) }
            closingFields(inputErrors: inputErrors, summary: summary, into: &json)
        }
        return json.text + "\n"
    }

    /// The document up to its first file, for writing files out as they are rendered: the
    /// document is `documentHead`, the files joined by `fileSeparator`, then `documentTail`.
    public static let documentHead: [UInt8] = Array(#"{"version":1,"files":["#.utf8)
    public static let fileSeparator: [UInt8] = [UInt8(ascii: ",")]

    /// Everything after the last file: cut from a document without files, so it cannot drift
    /// from `document`.
    public static func documentTail(inputErrors: [InputError], summary: RunSummary) -> [UInt8] {
        Array(document(files: [], inputErrors: inputErrors, summary: summary).utf8.dropFirst(documentHead.count))
    }

    private static func closingFields(inputErrors: [InputError], summary: RunSummary, into json: inout JSONWriter) {
        json.field("inputErrors", each: inputErrors) { json, error in
            json.object { json in
                json.field("path", error.path)
                json.field("message", error.message)
            }
        }
        json.field("skipped", each: summary.skipped) { json, skipped in
            json.object { json in
                json.field("path", skipped.path)
                json.field("reason", skipped.reason)
            }
        }
        json.key("summary")
        json.object { json in
            json.field("files", summary.files)
            json.field("statements", summary.statements)
            json.field("errors", summary.count(.error))
            json.field("warnings", summary.count(.warning))
            json.field("infos", summary.count(.info))
            for verdict in Verdict.allCases { json.key(escaping: verdict.rawValue); json.number(summary.count(verdict)) }
            json.field("downtimeSeconds", summary.downtimeSeconds)
            json.field("windowBudgetSeconds", summary.windowBudgetSeconds)
            json.field("overWindowBudget", summary.isOverWindowBudget)
            json.field("windowKnown", summary.isWindowKnown)
            json.field("skipped", summary.skipped.count)
        }
    }

    /// One file's object; safe to render on a worker thread and join later.
    public static func fileJSON(_ file: FileResult) -> String { String(decoding: fileUTF8(file), as: UTF8.self) }

    /// `fileJSON` as UTF-8 bytes, to write out without another copy. With `sink`, the text is
    /// handed to it in pieces of about `pieceSize` as it is written, and the rest returned: the
    /// JSON of a big file is about 30 times its SQL, and is then never held whole.
    public static func fileUTF8(_ file: FileResult, piecesTo sink: (([UInt8]) -> Void)? = nil) -> [UInt8] {
        // Room for the SQL and about what each statement's fields and effects take, so the
        // buffer is not copied as it grows.
        var json = JSONWriter(capacity: sink != nil ? 2 * pieceSize : (file.source?.bytes.count ?? 0) + 1_500 * file.statements.count + 1_024)
        let drain = { (json: inout JSONWriter) in if let sink { json.drain(atLeast: pieceSize, into: sink) } }
        json.object { json in
            json.field("path", file.path)
            json.field("verdict", file.verdict.rawValue)
            if let launchpadClass = file.launchpadClass { json.field("launchpadClass", launchpadClass.rawValue) }
            json.field("runner", file.application?.runner)
            json.field("units", each: file.application?.units ?? []) { json, unit in
                json.object { json in unitFields(unit, source: file.source, into: &json) }
            }
            json.field("estimatedSeconds", file.clock.downtimeSeconds)
            json.field("budgetSeconds", file.clock.budgetSeconds)
            json.field("applySeconds", file.estimate.applySeconds)
            // Seconds stay numbers: when sizes are missing they count only the known part, and
            // these say so.
            json.field("estimateComplete", file.estimate.unknownSizes.isEmpty)
            json.field("unknownSizes", names: file.estimate.unknownSizes)
            json.field("downtimeKnown", file.clock.isDowntimeKnown)
            json.field("liveSeconds", file.clock.liveSeconds)
            json.field("blockedTables", each: file.estimate.blockedTables) { json, table in
                json.object { json in
                    json.field("relation", table.relation)
                    json.field("seconds", table.seconds)
                    json.field("reads", table.reads)
                    json.field("writes", table.writes)
                    json.field("sinceStatement", table.sinceStatement)
                }
            }
            json.key("statements")
            json.array(zip(file.statements, file.estimate.statements)) { json, pair in
                guard let source = file.source else { return }
                json.object { json in
                    statementFields(pair.0, source: source, into: &json)
                    json.key("estimate")
                    json.object { json in estimateFields(pair.1, into: &json) }
                }
                drain(&json)
            }
            json.field("findings", each: file.findings) { json, finding in
                json.object { json in findingFields(finding, docs: file.ruleDocs, into: &json) }
                drain(&json)
            }
            json.field("reasons", each: file.findings.lazy.filter(\.isReason)) { json, finding in
                json.object { json in
                    json.field("rule", finding.rule)
                    json.field("statement", finding.statementIndex)
                    json.field("message", finding.message)
                }
            }
        }
        return json.bytes
    }

    public static let pieceSize = 1 << 16

    /// A unit's lines, and how the runner sends it.
    private static func unitFields(_ unit: ApplicationUnit, source: SourceFile?, into json: inout JSONWriter) {
        json.field("startLine", source.map { $0.position(of: unit.span.start).line } ?? 1)
        json.field("endLine", source.map { $0.position(of: max(unit.span.start, unit.span.end - 1)).line } ?? 1)
        json.field("direction", unit.direction.rawValue)
        json.field("wrapping", unit.wrapping.rawValue)
        json.field("scope", unit.scope.rawValue)
        json.field("delivery", unit.delivery.rawValue)
        json.field("reason", unit.reason)
    }

    private static func statementFields(_ statement: AnalyzedStatement, source: SourceFile, into json: inout JSONWriter) {
        let span = statement.parsed.span
        let start = source.position(of: span.start), end = source.position(of: span.end)
        json.field("index", statement.parsed.index)
        json.field("line", start.line)
        json.field("column", start.column)
        json.field("endLine", end.line)
        json.field("endColumn", end.column)
        json.field("offset", span.start)
        json.field("length", span.length)
        json.field("kind", statement.syntax.kind)
        if case .other(let untyped) = statement.syntax { json.field("node", untyped.nodeName) }
        json.key("sql")
        json.string(utf8: source.bytes[span.start..<span.end])
        json.key("effects")
        json.object { json in effectsFields(statement.effects, into: &json) }
        if let embedding = statement.parsed.embedding { embeddingFields(embedding, statement: statement, into: &json) }
    }

    /// A statement a DO block or called routine runs: which statement runs it, whether it runs
    /// under a condition, and the locks its transaction holds when it starts (a COMMIT in the
    /// body releases them part-way).
    private static func embeddingFields(_ embedding: Embedding, statement: AnalyzedStatement, into json: inout JSONWriter) {
        json.field("runBy", embedding.runBy)
        json.field("routine", embedding.routine)
        json.field("conditional", embedding.condition != nil)
        json.field("heldLocks", each: statement.context.heldLocks.sorted { $0.key < $1.key }) { json, held in
            json.object { json in
                json.field("relation", held.key)
                json.field("mode", held.value.mode.pgLocksName)
            }
        }
    }

    static func effectsFields(_ effects: StatementEffects, into json: inout JSONWriter) {
        json.field("locks", each: effects.locks) { json, lock in
            json.object { json in
                json.field("relation", lock.relation)
                json.field("kind", lock.kind.rawValue)
                json.field("mode", lock.mode.pgLocksName)
                // Only when set, so reports of every other lock keep their bytes.
                if lock.isAfterOlderQueries { json.field("afterOlderQueries", true) }
            }
        }
        json.field("rewrites", names: effects.rewrites)
        json.field("scans", names: effects.scans)
        json.field("indexBuilds", each: effects.indexBuilds) { json, build in
            json.object { json in
                json.field("index", build.index)
                json.field("table", build.table)
                json.field("method", build.method.rawValue)
                json.field("concurrent", build.isConcurrent)
                json.field("emptyTable", build.isOnEmptyTable)
            }
        }
        json.field("transactional", effects.isTransactional)
        json.field("created", names: effects.created)
        json.field("compatibility", each: effects.compatibility) { json, change in
            json.object { json in
                json.field("kind", change.kind.rawValue)
                json.field("object", change.object)
                json.field("message", change.message)
            }
        }
        json.field("wholeTableWrites", names: effects.wholeTableWrites)
    }

    static func estimateFields(_ estimate: StatementEstimate, into json: inout JSONWriter) {
        json.field("seconds", estimate.seconds)
        json.field("complete", estimate.isComplete)
        json.field("live", estimate.isLiveWork)
        json.field("blocks", each: estimate.blocks) { json, block in
            json.object { json in
                json.field("relation", block.relation)
                json.field("reads", block.reads)
                json.field("writes", block.writes)
            }
        }
        json.field("inputs", each: estimate.inputs) { json, input in
            json.object { json in
                json.field("relation", input.relation)
                json.field("index", input.index)
                json.field("operation", input.operation.rawValue)
                json.field("bytes", input.bytes.map { Int($0) })
                json.field("rateMBps", input.rateMBps)
            }
        }
        json.field("overheadSeconds", estimate.overheadSeconds)
    }

    private static func findingFields(_ finding: Finding, docs: RuleDocs, into json: inout JSONWriter) {
        json.field("rule", finding.rule)
        json.field("severity", finding.severity.rawValue)
        json.field("verdict", finding.verdict.rawValue)
        json.field("message", finding.message)
        json.field("help", finding.help)
        // the page in patchgate's repository; `docsUrl` where the run says the pages are published
        json.field("page", "rules/\(finding.rule).md")
        if let url = docs.url(for: finding.rule) { json.field("docsUrl", url) }
        json.field("line", finding.start.line)
        json.field("column", finding.start.column)
        json.field("endLine", finding.end.line)
        json.field("endColumn", finding.end.column)
        json.field("offset", finding.span.start)
        json.field("length", finding.span.length)
        json.field("statement", finding.statementIndex)
        json.field("suppressed", finding.isSuppressed)
        if let reason = finding.suppressionReason { json.field("suppressionReason", reason) }
        // Only when there is one, so every other finding keeps its bytes.
        if let rewrite = finding.rewrite { json.field("safeSQL", rewrite.text) }
    }
}
