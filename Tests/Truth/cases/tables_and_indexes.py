"""CREATE / DROP TABLE, CREATE TABLE AS, CREATE / DROP / REINDEX INDEX."""

from .case import Case
from .fixtures import BIG_ROWS, EVENTS, EVENTS_DEFAULT, PARENT_CHILD, T, VIEW, t

C = Case
BIG_T = t(BIG_ROWS)

CREATE_TABLE = [
    C("create-table-plain", "", "CREATE TABLE fresh (id bigint PRIMARY KEY, body text NOT NULL)"),
    C("create-table-references", PARENT_CHILD,
      "CREATE TABLE grandchild (id int PRIMARY KEY, child_id int REFERENCES child (id))"),
    C("create-table-partition-of", EVENTS,
      "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
      static_context="events has index events_happened_idx, cloned onto the new partition"),
    C("create-table-partition-of-with-default-partition", EVENTS_DEFAULT,
      "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
      static_context="events has a default partition events_default"),
    C("create-table-like", T, "CREATE TABLE t_copy (LIKE t INCLUDING ALL)"),
    C("create-table-inherits", T, "CREATE TABLE t_heir (extra int) INHERITS (t)"),
    C("create-table-as", T, "CREATE TABLE t_copy AS SELECT * FROM t WHERE a > 10"),
    C("create-table-as-from-view", VIEW, "CREATE TABLE t_copy AS SELECT * FROM t_view"),
    C("create-unlogged-table", "", "CREATE UNLOGGED TABLE scratch (id int, body text)"),
    C("create-table-if-not-exists-present", T, "CREATE TABLE IF NOT EXISTS t (id int)"),
]

DROP_TABLE = [
    C("drop-table", T, "DROP TABLE t"),
    C("drop-table-referenced-cascade", PARENT_CHILD, "DROP TABLE parent CASCADE",
      static_context="child references parent"),
    C("drop-table-referenced-without-cascade", PARENT_CHILD, "DROP TABLE parent",
      expect_error="2BP01", static_context="child references parent"),
    C("drop-table-holding-fk", PARENT_CHILD, "DROP TABLE child",
      static_context="child references parent", trace=True),
    C("drop-table-partitioned", EVENTS, "DROP TABLE events"),
    C("drop-table-partition", EVENTS, "DROP TABLE events_2023"),
    C("drop-table-with-view-cascade", VIEW, "DROP TABLE t CASCADE",
      static_context="t_view selects from t"),
    C("drop-table-if-exists-missing", "", "DROP TABLE IF EXISTS nope"),
    C("drop-two-tables", PARENT_CHILD, "DROP TABLE child, parent"),
]

CREATE_INDEX = [
    C("create-index", T, "CREATE INDEX t_b_idx ON t (b)", trace=True),
    C("create-index-concurrently", BIG_T, "CREATE INDEX CONCURRENTLY t_b_idx ON t (b)"),
    C("create-unique-index", T, "CREATE UNIQUE INDEX t_b_key ON t (b)"),
    C("create-unique-index-concurrently", BIG_T, "CREATE UNIQUE INDEX CONCURRENTLY t_b_key ON t (b)"),
    C("create-index-partial", T, "CREATE INDEX t_b_partial_idx ON t (b) WHERE a > 100"),
    C("create-index-expression", T, "CREATE INDEX t_lower_b_idx ON t (lower(b))"),
    C("create-index-multicolumn-include", T, "CREATE INDEX t_a_b_idx ON t (a) INCLUDE (b)"),
    C("create-index-hash", T, "CREATE INDEX t_b_hash_idx ON t USING hash (b)"),
    C("create-index-brin", T, "CREATE INDEX t_ts_brin_idx ON t USING brin (ts)"),
    C("create-index-gin", T, "CREATE INDEX t_b_gin_idx ON t USING gin (to_tsvector('simple', b))"),
    C("create-index-partitioned", EVENTS, "CREATE INDEX events_kind_idx ON events (kind)",
      static_context="events is partitioned: the partitions' indexes are built"),
    C("create-index-on-only-partitioned", EVENTS, "CREATE INDEX events_kind_idx ON ONLY events (kind)"),
    C("create-index-concurrently-partitioned", EVENTS,
      "CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind)", expect_error="0A000"),
    C("create-index-if-not-exists-present", T, "CREATE INDEX IF NOT EXISTS t_a_idx ON t (a)",
      static_context="t_a_idx already exists"),
    C("create-index-on-matview", T + "CREATE MATERIALIZED VIEW t_mat AS SELECT id, b FROM t;\n",
      "CREATE INDEX t_mat_b_idx ON t_mat (b)"),
]

DROP_INDEX = [
    C("drop-index", T, "DROP INDEX t_a_idx"),
    C("drop-index-concurrently", BIG_T, "DROP INDEX CONCURRENTLY t_a_idx"),
    C("drop-index-if-exists-missing", T, "DROP INDEX IF EXISTS nope"),
    C("drop-index-partitioned", EVENTS, "DROP INDEX events_happened_idx",
      static_context="events_happened_idx is partitioned"),
]

REINDEX = [
    C("reindex-table", T, "REINDEX TABLE t"),
    C("reindex-index", T, "REINDEX INDEX t_a_idx"),
    C("reindex-table-concurrently", BIG_T, "REINDEX TABLE CONCURRENTLY t"),
    C("reindex-index-concurrently", BIG_T, "REINDEX INDEX CONCURRENTLY t_a_idx"),
    C("reindex-partitioned-table", EVENTS, "REINDEX TABLE events",
      static_context="events is partitioned, which makes REINDEX non-transactional"),
]

TABLES_AND_INDEXES_CASES = CREATE_TABLE + DROP_TABLE + CREATE_INDEX + DROP_INDEX + REINDEX
