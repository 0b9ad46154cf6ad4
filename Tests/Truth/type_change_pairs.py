"""(old type, new type) pairs for type_change_probe.py.

Each pair carries a value expression over g (1..rows) that both types accept,
and whether the old type has a btree opclass to index the column with.
"""

from dataclasses import dataclass
from typing import Optional

TEXT = "'v' || g % 1000"


@dataclass(frozen=True)
class Pair:
    id: str
    old: str
    new: str
    values: str
    timezone: str = "UTC"
    indexable: bool = True
    # SQL the probe database needs first (a domain, an extension).
    needs: Optional[str] = None


NEW_YORK = "America/New_York"
TS = "timestamp '2024-01-01 10:00:00.123456' + g * interval '1 minute'"

PAIRS = [
    Pair("varchar10-to-varchar20", "varchar(10)", "varchar(20)", TEXT),
    Pair("varchar20-to-varchar10", "varchar(20)", "varchar(10)", TEXT),
    Pair("varchar10-to-varchar", "varchar(10)", "varchar", TEXT),
    Pair("varchar10-to-varchar10-same", "varchar(10)", "varchar(10)", TEXT),
    Pair("varchar-to-text", "varchar", "text", TEXT),
    Pair("text-to-varchar", "text", "varchar", TEXT),
    Pair("varchar10-to-text", "varchar(10)", "text", TEXT),
    Pair("text-to-varchar10", "text", "varchar(10)", TEXT),
    Pair("char5-to-char10", "char(5)", "char(10)", TEXT),
    Pair("char5-to-varchar10", "char(5)", "varchar(10)", TEXT),
    Pair("numeric10-2-to-numeric12-2", "numeric(10,2)", "numeric(12,2)", "g / 7.0"),
    Pair("numeric10-2-to-numeric12-3", "numeric(10,2)", "numeric(12,3)", "g / 7.0"),
    Pair("numeric10-2-to-numeric", "numeric(10,2)", "numeric", "g / 7.0"),
    Pair("numeric-to-numeric10-2", "numeric", "numeric(10,2)", "round(g / 7.0, 2)"),
    Pair("int-to-int-same", "int", "int", "g"),
    Pair("int-to-bigint", "int", "bigint", "g"),
    Pair("bigint-to-int", "bigint", "int", "g"),
    Pair("smallint-to-int", "smallint", "int", "g"),
    Pair("int-to-numeric", "int", "numeric", "g"),
    Pair("int-to-text", "int", "text", "g"),
    Pair("int-to-oid", "int", "oid", "g"),
    Pair("oid-to-bigint", "oid", "bigint", "g::oid"),
    Pair("timestamp-to-timestamptz-utc", "timestamp", "timestamptz", TS),
    Pair("timestamp-to-timestamptz-new-york", "timestamp", "timestamptz", TS, timezone=NEW_YORK),
    Pair("timestamptz-to-timestamp-utc", "timestamptz", "timestamp", TS),
    Pair("timestamptz-to-timestamp-new-york", "timestamptz", "timestamp", TS, timezone=NEW_YORK),
    Pair("timestamp3-to-timestamp6", "timestamp(3)", "timestamp(6)", TS),
    Pair("timestamp6-to-timestamp3", "timestamp(6)", "timestamp(3)", TS),
    Pair("timestamp3-to-timestamp", "timestamp(3)", "timestamp", TS),
    Pair("time3-to-time6", "time(3)", "time(6)", "time '10:00:00.123' + g * interval '1 second'"),
    Pair("interval3-to-interval6", "interval(3)", "interval(6)", "g * interval '1.5 second'"),
    Pair("interval6-to-interval3", "interval(6)", "interval(3)", "g * interval '1.5 second'"),
    Pair("interval-to-interval-day-to-second", "interval", "interval day to second",
         "g * interval '1.5 second'"),
    Pair("bit5-to-varbit10", "bit(5)", "bit varying(10)", "(g % 32)::bit(5)"),
    Pair("varbit5-to-varbit10", "varbit(5)", "varbit(10)", "(g % 32)::bit(5)::varbit(5)"),
    Pair("bytea-to-bytea-same", "bytea", "bytea", "('v' || g)::bytea"),
    Pair("text-to-bytea", "text", "bytea", TEXT),
    Pair("json-to-jsonb", "json", "jsonb", "json_build_object('g', g)", indexable=False),
    Pair("cidr-to-inet", "cidr", "inet", "('10.' || g % 200 || '.0.0/16')::cidr"),
    Pair("inet-to-cidr", "inet", "cidr", "('10.' || g % 200 || '.0.0/16')::inet"),
    Pair("text-to-domain", "text", "plain_text", TEXT,
         needs="CREATE DOMAIN plain_text AS text"),
    Pair("text-to-domain-with-check", "text", "short_text", TEXT,
         needs="CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 100)"),
    Pair("domain-to-text", "plain_text", "text", TEXT,
         needs="CREATE DOMAIN plain_text AS text"),
    Pair("text-to-citext", "text", "citext", TEXT, needs="CREATE EXTENSION citext"),
    Pair("citext-to-text", "citext", "text", TEXT, needs="CREATE EXTENSION citext"),
    Pair("text-array-to-varchar-array", "text[]", "varchar[]", f"ARRAY[{TEXT}, 'w']"),
    Pair("varchar10-array-to-varchar20-array", "varchar(10)[]", "varchar(20)[]", f"ARRAY[{TEXT}]"),
]
