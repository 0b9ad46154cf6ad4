import PatchgateSyntax

/// ALTER DOMAIN: a new constraint holds for every value already stored in a column of the
/// domain, so PostgreSQL checks each such table under a SHARE lock (writes wait) and fails on
/// the first violating row. https://www.postgresql.org/docs/15/sql-alterdomain.html
enum DomainFacts {
    static let page = "sql-alterdomain.html"

    static let addConstraint = Fact("domain.add-constraint", lock: .share, scans: true, doc: page,
        truth: ["alter-domain-add-check", "alter-domain-add-check-two-tables", "alter-domain-add-not-null-constraint"],
        note: "server: SHARE on every table with a column of the domain, each checked row by row (the check logs no DEBUG line)")
    static let setNotNull = Fact("domain.set-not-null", lock: .share, scans: true, doc: page,
        truth: ["alter-domain-set-not-null"])
    static let validate = Fact("domain.validate-constraint", lock: .share, scans: true, doc: page,
        truth: ["alter-domain-validate-constraint"])

    static let all = [addConstraint, setNotNull, validate]

    /// `ADD CONSTRAINT … NOT VALID` checks nothing and locks no table.
    static func alter(_ statement: AlterDomain, state: PatchState, into effects: inout StatementEffects) {
        let fact: Fact
        switch statement.action {
        case .addConstraint(let isNotValid):
            guard !isNotValid else { return }
            fact = addConstraint
        case .setNotNull: fact = setNotNull
        case .validateConstraint: fact = validate
        case .other: return
        }
        for table in state.catalog.tables(usingDomain: state.resolve(statement.name)) {
            effects.lock(table, state.kind(of: table), by: fact)
            effects.scan(table, by: fact)
        }
    }
}
