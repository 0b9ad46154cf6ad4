"""ALTER COLUMN TYPE changes that keep the table (binary coercible, or the same type) but
may verify a CHECK, rebuild the column's indexes, or re-add a foreign key; and their
neighbours that do rewrite."""

from .case import Case
from .fixtures import T

C = Case

CLOCKS = """
CREATE TABLE clocks (id int PRIMARY KEY, at time, span interval, ts timestamp, tz timestamptz);
INSERT INTO clocks SELECT g, time '10:00' + g * interval '1 second', g * interval '1 minute',
       timestamp '2024-01-01' + g * interval '1 minute', timestamptz '2024-01-01 00:00+00' + g * interval '1 minute'
FROM generate_series(1, 300) g;
CREATE INDEX clocks_at_idx ON clocks (at);
CREATE INDEX clocks_ts_idx ON clocks (ts);
"""

CITEXT = """
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE mail (id int PRIMARY KEY, plain text, folded citext, bounded varchar(40));
INSERT INTO mail SELECT g, 'a' || g, 'b' || g, 'c' || g FROM generate_series(1, 300) g;
CREATE INDEX mail_plain_idx ON mail (plain);
CREATE INDEX mail_folded_idx ON mail (folded);
"""

CHECKED = T + "ALTER TABLE t ADD CONSTRAINT t_c_present CHECK (c <> '');\n"

CODES = """
CREATE TABLE parent_code (code varchar(10) PRIMARY KEY);
INSERT INTO parent_code SELECT 'c' || g FROM generate_series(1, 100) g;
CREATE TABLE child_code (id int PRIMARY KEY, code varchar(10) REFERENCES parent_code (code));
INSERT INTO child_code SELECT g, 'c' || (g % 100 + 1) FROM generate_series(1, 300) g;
"""


def _type(case_id, setup, statement, context):
    return C(case_id, setup, statement, static_context=context)


TYPE_CHANGES_IN_PLACE = [
    _type("alter-type-time-to-time-6", CLOCKS, "ALTER TABLE clocks ALTER COLUMN at TYPE time(6)", "at is time"),
    _type("alter-type-time-to-time-3", CLOCKS, "ALTER TABLE clocks ALTER COLUMN at TYPE time(3)", "at is time"),
    _type("alter-type-interval-to-interval-6", CLOCKS, "ALTER TABLE clocks ALTER COLUMN span TYPE interval(6)",
          "span is interval"),
    _type("alter-type-same-type-int", T, "ALTER TABLE t ALTER COLUMN a TYPE integer", "a is int"),
    _type("alter-type-same-varchar-with-check", CHECKED, "ALTER TABLE t ALTER COLUMN c TYPE varchar(10)",
          "c is varchar(10) with CHECK (c <> '')"),
    _type("alter-type-varchar-to-text-with-check", CHECKED, "ALTER TABLE t ALTER COLUMN c TYPE text",
          "c is varchar(10) with CHECK (c <> '')"),
    _type("alter-type-citext-to-text", CITEXT, "ALTER TABLE mail ALTER COLUMN folded TYPE text", "folded is citext"),
    _type("alter-type-text-to-citext", CITEXT, "ALTER TABLE mail ALTER COLUMN plain TYPE citext", "plain is text"),
    _type("alter-type-varchar-to-citext", CITEXT, "ALTER TABLE mail ALTER COLUMN bounded TYPE citext",
          "bounded is varchar(40)"),
    _type("alter-type-citext-to-bounded-varchar", CITEXT, "ALTER TABLE mail ALTER COLUMN folded TYPE varchar(30)",
          "folded is citext"),
    _type("alter-type-timestamptz-to-timestamp-etc-gmt", CLOCKS,
          "SET TimeZone = 'Etc/GMT';\nALTER TABLE clocks ALTER COLUMN tz TYPE timestamp", "tz is timestamptz"),
    _type("alter-type-timestamp-to-timestamptz-time-zone-utc", CLOCKS,
          "SET TIME ZONE 'UTC';\nALTER TABLE clocks ALTER COLUMN ts TYPE timestamptz", "ts is timestamp"),
    _type("alter-type-timestamp-to-timestamptz-london", CLOCKS,
          "SET TimeZone = 'Europe/London';\nALTER TABLE clocks ALTER COLUMN ts TYPE timestamptz", "ts is timestamp"),
    _type("alter-type-fk-column-varchar-widen", CODES, "ALTER TABLE child_code ALTER COLUMN code TYPE varchar(20)",
          "child_code.code is varchar(10) referencing parent_code"),
    _type("alter-type-fk-column-varchar-to-text", CODES, "ALTER TABLE child_code ALTER COLUMN code TYPE text",
          "child_code.code is varchar(10) referencing parent_code"),
    _type("alter-type-referenced-key-varchar-to-text", CODES, "ALTER TABLE parent_code ALTER COLUMN code TYPE text",
          "parent_code.code is the varchar(10) key child_code references"),
]
