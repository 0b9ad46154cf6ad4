"""Setup SQL shared by the cases.

A few hundred rows are enough for the server to do the real work (rewrite,
scan, build) while keeping a case well under a second. Relation and column
names never coincide, so "which relations does the statement name" can be
answered from its identifiers alone.
"""


def t(rows=300):
    """The workhorse table: a PK, a plain index, one column of each common type."""
    return f"""
CREATE TABLE t (
    id int PRIMARY KEY, a int, b text, c varchar(10), d numeric(10,2),
    ts timestamp, tz timestamptz
);
INSERT INTO t
SELECT g, g, 'b' || g, 'c' || (g % 1000), g / 7.0,
       timestamp '2024-01-01' + g * interval '1 minute',
       timestamptz '2024-01-01 00:00+00' + g * interval '1 minute'
FROM generate_series(1, {rows}) g;
CREATE INDEX t_a_idx ON t (a);
"""


T = t()

PARENT_CHILD = """
CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 100) g;
CREATE TABLE child (
    id int PRIMARY KEY,
    parent_id int NOT NULL REFERENCES parent (id),
    note text
);
INSERT INTO child SELECT g, g % 100 + 1, 'n' || g FROM generate_series(1, 300) g;
CREATE INDEX child_parent_id_idx ON child (parent_id);
"""

# Same shape as child but with no FK yet, for ADD FOREIGN KEY.
PARENT_LOOSE = """
CREATE TABLE parent (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 100) g;
CREATE TABLE loose (id int PRIMARY KEY, parent_id int);
INSERT INTO loose SELECT g, g % 100 + 1 FROM generate_series(1, 300) g;
"""

EVENTS = """
CREATE TABLE events (id int NOT NULL, happened date NOT NULL, kind text)
    PARTITION BY RANGE (happened);
CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO events SELECT g, date '2023-01-01' + g % 730, 'k' || g % 5
FROM generate_series(1, 300) g;
CREATE INDEX events_happened_idx ON events (happened);
"""

EVENTS_DEFAULT = EVENTS + """
CREATE TABLE events_default PARTITION OF events DEFAULT;
INSERT INTO events VALUES (9001, '2030-06-01', 'late');
"""

# A table ready to become the 2025 partition.
EVENTS_2025 = """
CREATE TABLE events_2025 (id int NOT NULL, happened date NOT NULL, kind text);
INSERT INTO events_2025 SELECT g, date '2025-01-01' + g % 365, 'k'
FROM generate_series(1, 200) g;
"""

# A validated CHECK that implies the 2025 partition constraint.
EVENTS_2025_CHECKED = EVENTS_2025 + """
ALTER TABLE events_2025 ADD CONSTRAINT events_2025_range
    CHECK (happened >= '2025-01-01' AND happened < '2026-01-01');
"""

VIEW = T + "CREATE VIEW t_view AS SELECT id, a FROM t;\n"

MATVIEW = T + """
CREATE MATERIALIZED VIEW t_summary AS SELECT a % 10 AS bucket, count(*) AS n FROM t GROUP BY 1;
CREATE UNIQUE INDEX t_summary_bucket_idx ON t_summary (bucket);
"""

ENUM = """
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE feelings (id int PRIMARY KEY, m mood);
INSERT INTO feelings SELECT g, 'ok' FROM generate_series(1, 100) g;
"""

TRIGGER = T + """
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
"""

SEQUENCE = "CREATE SEQUENCE counter;\nSELECT nextval('counter');\n"

# Non-transactional statements are observed by sampling pg_locks from another
# session; more rows keep each phase long enough to be seen every time.
BIG_ROWS = 20000
