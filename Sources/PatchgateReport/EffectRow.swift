import PatchgateEffects
import PatchgateRules
import PatchgateSource
import PatchgateSyntax

/// One row of a file's effects table in the review formats: a statement and one relation it
/// locks, rewrites, scans or indexes. A statement that touches no relation has one row without.
struct EffectRow {
    /// The statement's position in `FileResult.statements`.
    let statement: Int
    /// The first row of its statement (the one that shows line and SQL).
    let isFirst: Bool
    /// Rows this statement has, for `rowspan`.
    let statementRows: Int
    let line: Int
    let sql: String
    let relation: QualifiedName?
    let lock: RelationLock?
    let isRewritten: Bool
    let isScanned: Bool
    let indexBuilds: [IndexBuild]
    /// The statement's estimate, shown on its first row.
    let estimate: StatementEstimate

    static func rows(of file: FileResult) -> [EffectRow] {
        guard let source = file.source else { return [] }
        // The narrowest place a finding points at inside each statement: what its cell must show.
        var focus: [Int: Span] = [:]
        for finding in file.findings where !finding.isSuppressed {
            guard let index = finding.statementIndex else { continue }
            if let known = focus[index], known.length <= finding.span.length { continue }
            focus[index] = finding.span
        }
        return file.statements.enumerated().flatMap { position, statement in
            rows(of: statement, at: position, estimate: file.estimate.statements[position], source: source,
                 focus: focus[statement.parsed.index])
        }
    }

    private static func rows(of statement: AnalyzedStatement, at position: Int, estimate: StatementEstimate, source: SourceFile,
                             focus: Span?) -> [EffectRow] {
        let effects = statement.effects
        let line = source.position(of: statement.parsed.span.start).line
        let sql = shortened(source, statement.parsed.span, focus: focus)
        let relations = touchedRelations(effects)
        // An index build whose table only a catalog would know still gets a row.
        let unplaced = effects.indexBuilds.filter { build in build.table.map { !relations.contains($0) } ?? true }
        var keys: [QualifiedName?] = relations
        if !unplaced.isEmpty || keys.isEmpty { keys.append(nil) }
        return keys.enumerated().map { offset, relation in
            EffectRow(
                statement: position, isFirst: offset == 0, statementRows: keys.count, line: line, sql: sql,
                relation: relation,
                lock: relation.flatMap { name in effects.locks.first { $0.relation == name } },
                isRewritten: relation.map(effects.rewrites.contains) ?? false,
                isScanned: relation.map(effects.scans.contains) ?? false,
                indexBuilds: relation.map { name in effects.indexBuilds.filter { $0.table == name } } ?? unplaced,
                estimate: estimate)
        }
    }

    /// Locked relations in the model's order, then any rewritten, scanned or indexed one not locked.
    private static func touchedRelations(_ effects: StatementEffects) -> [QualifiedName] {
        var relations: [QualifiedName] = []
        let candidates = effects.locks.map(\.relation) + effects.rewrites + effects.scans + effects.indexBuilds.compactMap(\.table)
        for relation in candidates where !relations.contains(relation) { relations.append(relation) }
        return relations
    }

    /// The statement on one line, whole when it is short; the full text is in the SQL listing.
    static func shortened(_ sql: String, limit: Int = cellLimit) -> String {
        let line = MarkdownText.collapsingWhitespace(sql)
        guard line.count > limit else { return line }
        return String(line.prefix(limit - 1)) + "…"
    }

    static let cellLimit = 120

    /// A long statement keeps its head (the verb and the table) and then what matters: from
    /// where a finding points inside it, or else its end, where DEFAULT, USING, WHERE and NOT
    /// VALID are written. Never the first characters alone.
    static func shortened(_ source: SourceFile, _ span: Span, focus: Span?, limit: Int = cellLimit) -> String {
        let whole = MarkdownText.collapsingWhitespace(source.text(span))
        guard whole.count > limit else { return whole }
        let headLength = 40
        if let focus, focus.start > span.start, focus.start < span.end, focus.length < span.length {
            let lead = MarkdownText.collapsingWhitespace(source.text(Span(start: span.start, end: focus.start)))
            let rest = MarkdownText.collapsingWhitespace(source.text(Span(start: focus.start, end: span.end)))
            let head = lead.count <= headLength ? lead + " " : String(lead.prefix(headLength)) + " … "
            let room = limit - head.count
            return head + (rest.count <= room ? rest : String(rest.prefix(room - 1)) + "…")
        }
        return String(whole.prefix(headLength)) + " … " + String(whole.suffix(limit - headLength - 3))
    }

    /// What ordinary traffic waits for while the lock is held.
    var blocks: String {
        guard let mode = lock?.mode else { return "—" }
        if mode.blocksReads { return "reads, writes" }
        return mode.blocksWrites ? "writes" : "—"
    }

    /// `unknown` when a size is missing; live work says so, as it is not downtime.
    var secondsText: String {
        guard isFirst else { return "" }
        return EstimateText.duration(estimate) + (estimate.isLiveWork ? " (live)" : "")
    }

    var indexBuildText: String {
        guard !indexBuilds.isEmpty else { return "—" }
        return indexBuilds.map { build in
            switch (build.index, build.method) {
            case (let index?, .new): index.description
            case (let index?, .rebuild): "\(index), rebuilt"
            case (let index?, .concurrent): "\(index), concurrently"
            case (nil, .new): "(name chosen by PostgreSQL)"
            case (nil, .rebuild): "every index, rebuilt"
            case (nil, .concurrent): "every index, rebuilt concurrently"
            }
        }.joined(separator: "; ")
    }
}
