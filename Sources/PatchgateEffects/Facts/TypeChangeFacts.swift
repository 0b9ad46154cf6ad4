import PatchgateSyntax

/// The short, closed list of ALTER COLUMN TYPE changes for which PostgreSQL 15 skips the table
/// rewrite (ATColumnChangeRequiresRewrite: a binary-coercible cast whose length-coercion
/// function can be skipped), as observed on the server by `Tests/Truth/type_change_probe.py`
/// (results in `Tests/Truth/TYPE_CHANGES.md`). "Binary coercible" alone is not the test: int →
/// oid is binary coercible on paper and still rewrites.
enum TypeChangeFacts {
    /// A domain stands for its base type, but only when it has no constraint: PostgreSQL must
    /// check every value against a domain's constraints (CHECK or NOT NULL), so converting into
    /// one rewrites (ATColumnChangeRequiresRewrite; seen on a 15.18 server: varchar(100) → a
    /// plain domain over varchar(200) keeps the table, → one with a CHECK or NOT NULL rewrites).
    static func skipsRewrite(from old: ColumnType, to new: ColumnType, using: Expression?, column: String,
                             isUTC: Bool = false, domains: (ColumnType) -> CreateDomain? = { _ in nil }) -> Bool {
        // USING the column itself, or the column cast to the new type, is no conversion of its own.
        if let using, using != .column([column]), using != .typeCast(.column([column]), new) { return false }
        if domains(old) == nil, domains(new) == nil, canonicalName(old) == canonicalName(new),
           old.modifiers == new.modifiers, old.arrayDimensions == new.arrayDimensions {
            return true  // the same type: nothing to convert
        }
        if let domain = domains(new) {
            return !domain.hasConstraints
                && skipsRewrite(from: old, to: domain.baseType, using: nil, column: column, isUTC: isUTC, domains: domains)
        }
        if let domain = domains(old) {
            // Out of a domain only into its own base type: plain text → text keeps the table,
            // but a domain over varchar(200) → varchar(300) rewrites it on the server.
            let base = domain.baseType
            return canonicalName(base) == canonicalName(new) && base.modifiers == new.modifiers && base.arrayDimensions == new.arrayDimensions
        }
        guard old.arrayDimensions == new.arrayDimensions else { return false }
        let from = canonicalName(old), to = canonicalName(new)
        switch (from, to) {
        case ("varchar", "varchar"), ("bpchar", "varchar"):
            return from == "varchar" && isWidening(old.modifiers.first ?? nil, new.modifiers.first ?? nil)
        case ("varchar", "text"), ("text", "varchar"):
            return to == "text" || new.modifiers.isEmpty
        case ("text", "text"): return true
        case ("numeric", "numeric"): return numericWidens(old, new)
        case ("varbit", "varbit"): return isWidening(old.modifiers.first ?? nil, new.modifiers.first ?? nil)
        case ("timestamp", "timestamp"), ("timestamptz", "timestamptz"), ("time", "time"), ("timetz", "timetz"),
             ("interval", "interval"):
            return isWidening(old.modifiers.first ?? maximumSecondsPrecision, new.modifiers.first ?? maximumSecondsPrecision)
        case ("timestamp", "timestamptz"), ("timestamptz", "timestamp"):
            // Binary coercible only where the session's zone is UTC for good (no DST): the
            // server skips the rewrite then (TimestampTimestampTzRequiresRewrite).
            return isUTC && old.modifiers == new.modifiers
        case ("citext", "text"), ("text", "citext"), ("varchar", "citext"), ("citext", "varchar"):
            // citext is binary coercible with text and varchar; a bounded varchar target needs a length check.
            return to != "varchar" || new.modifiers.isEmpty
        case ("cidr", "inet"): return true
        default: return false
        }
    }

    /// A change that keeps the table but not the operator class of an index on the column: the
    /// server builds each such index again (new relfilenode; truth cases alter-type-citext-to-text,
    /// alter-type-text-to-citext, alter-type-timestamp-to-timestamptz-time-zone-utc). varchar →
    /// text, time → time(6) and the like keep the index's storage.
    static func rebuildsIndexes(from old: ColumnType, to new: ColumnType) -> Bool {
        let pair = Set([canonicalName(old), canonicalName(new)])
        return pair == ["timestamp", "timestamptz"] || pair.contains("citext") && pair.count == 2
    }

    /// Fractional seconds of time, timestamp and interval: unbounded is the maximum, 6
    /// (MAX_TIME_PRECISION), so time → time(6) changes nothing and time(3) rounds every value.
    static let maximumSecondsPrecision = 6

    /// Zones whose offset is zero all year: a timestamp reads the same with or without a zone.
    static func isUTC(_ zone: String?) -> Bool {
        guard let zone = zone?.lowercased() else { return false }
        let bare = zone.hasPrefix("etc/") ? String(zone.dropFirst(4)) : zone
        return ["utc", "uct", "gmt", "gmt0", "gmt+0", "gmt-0", "zulu", "universal", "greenwich", "z"].contains(bare)
    }

    /// PostgreSQL's internal names for the SQL-standard spellings.
    static func canonicalName(_ type: ColumnType) -> String {
        switch type.name {
        case "character varying": "varchar"
        case "character", "char": "bpchar"
        case "bit varying": "varbit"
        case "int", "integer": "int4"
        case "bigint": "int8"
        case "smallint": "int2"
        case "decimal": "numeric"
        case "timestamp without time zone": "timestamp"
        case "timestamp with time zone": "timestamptz"
        default: type.name
        }
    }

    /// An unbounded new length always widens; a bounded one must be at least the old bound.
    private static func isWidening(_ old: Int?, _ new: Int?) -> Bool {
        guard let new else { return true }
        guard let old else { return false }
        return new >= old
    }

    /// numeric(p, s) → numeric(p' ≥ p, s) keeps every value; so does dropping the bounds.
    private static func numericWidens(_ old: ColumnType, _ new: ColumnType) -> Bool {
        if new.modifiers.isEmpty { return true }
        guard old.modifiers.count >= 1, let oldPrecision = old.modifiers[0], let newPrecision = new.modifiers[0] else { return false }
        let oldScale = old.modifiers.count > 1 ? old.modifiers[1] : 0
        let newScale = new.modifiers.count > 1 ? new.modifiers[1] : 0
        return newPrecision >= oldPrecision && oldScale == newScale
    }
}
