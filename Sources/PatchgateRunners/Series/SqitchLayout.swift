import PatchgateEffects

/// sqitch: `sqitch.plan` names the changes in deploy order; `deploy/<change>.sql` applies one,
/// `revert/<change>.sql` reverts it, and `verify/<change>.sql` only checks it (not a migration).
/// "Change deployment is managed by maintaining a plan file"
/// (https://sqitch.org/docs/manual/sqitch).
///
/// Transactions: sqitch runs PostgreSQL scripts with psql ("Writing a PostgreSQL application?
/// Write SQL scripts for psql", same page), which commits each statement on its own unless the
/// script opens a transaction; sqitch's own deploy template writes `BEGIN;` … `COMMIT;` into the
/// script (etc/templates/deploy/pg.tmpl, https://github.com/sqitchers/sqitch). So a deploy
/// script is checked with transaction mode none, and its own BEGIN/COMMIT make the transaction.
/// Not modelled: reworked changes (`deploy/<change>@<tag>.sql`) and a `sqitch.conf` that moves
/// the script directories.
enum SqitchLayout {
    static let planFile = "sqitch.plan"

    static func series(in directory: SeriesDirectory) -> MigrationSeries? {
        guard let plan = directory.contents(planFile) else { return nil }
        let changes = changeNames(inPlan: plan)
        let deployed = changes.filter { directory.contains("deploy/\($0).sql") }
        let reverted = changes.filter { directory.contains("revert/\($0).sql") }
        let ups = deployed.map { SeriesMember(path: directory.path("deploy/\($0).sql")) }
        let downs = reverted.map { SeriesMember(path: directory.path("revert/\($0).sql"), direction: .down) }
        return MigrationSeries(layout: .sqitch, root: directory.root, members: ups + downs)
    }

    /// Each change once, in plan order: a change line starts with the change's name; `%` lines
    /// are pragmas, `@` lines tags, `#` starts a comment.
    static func changeNames(inPlan plan: String) -> [String] {
        var seen = Set<String>()
        return plan.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard let name = content.split(separator: " ").first.map(String.init),
                  !name.hasPrefix("%"), !name.hasPrefix("@") else { return nil }
            let change = name.hasPrefix("+") || name.hasPrefix("-") ? String(name.dropFirst()) : name
            return seen.insert(change).inserted ? change : nil
        }
    }
}
