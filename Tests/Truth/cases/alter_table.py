"""ALTER TABLE subcommands on the table as a whole: partitions, persistence,
storage, triggers, ownership, options, names; plus ALTER INDEX / VIEW."""

from .case import Case
from .fixtures import (EVENTS, EVENTS_2025, EVENTS_2025_CHECKED, EVENTS_DEFAULT, MATVIEW,
                       PARENT_CHILD, TRIGGER, T, VIEW)

C = Case

PARTITIONS = [
    C("alter-attach-partition", EVENTS + EVENTS_2025,
      "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')", trace=True,
      static_context="events has index events_happened_idx, cloned onto the new partition"),
    C("alter-attach-partition-implied-by-check", EVENTS + EVENTS_2025_CHECKED,
      "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
      static_context="events_2025 has a validated CHECK implying the bounds"),
    C("alter-attach-partition-with-default-partition", EVENTS_DEFAULT + EVENTS_2025,
      "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
      static_context="events has a default partition events_default"),
    C("alter-attach-partition-default", EVENTS + """
CREATE TABLE events_rest (id int NOT NULL, happened date NOT NULL, kind text);
INSERT INTO events_rest VALUES (1, '2031-01-01', 'x');
""", "ALTER TABLE events ATTACH PARTITION events_rest DEFAULT",
      static_context="events has index events_happened_idx, cloned onto the new partition"),
    C("alter-detach-partition", EVENTS, "ALTER TABLE events DETACH PARTITION events_2023"),
    C("alter-index-attach-partition", EVENTS + """
CREATE INDEX events_kind_idx ON ONLY events (kind);
CREATE INDEX events_2023_kind_idx ON events_2023 (kind);
""", "ALTER INDEX events_kind_idx ATTACH PARTITION events_2023_kind_idx"),
    C("alter-detach-partition-concurrently", EVENTS,
      "ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY"),
    C("alter-detach-partition-with-default-partition", EVENTS_DEFAULT,
      "ALTER TABLE events DETACH PARTITION events_2023"),
]

PERSISTENCE_AND_STORAGE = [
    C("alter-set-unlogged", T, "ALTER TABLE t SET UNLOGGED"),
    C("alter-set-logged", T.replace("CREATE TABLE t", "CREATE UNLOGGED TABLE t"),
      "ALTER TABLE t SET LOGGED", static_context="t is unlogged"),
    C("alter-set-tablespace", T, "ALTER TABLE t SET TABLESPACE spare"),
    C("alter-index-set-tablespace", T, "ALTER INDEX t_a_idx SET TABLESPACE spare"),
    C("alter-set-access-method-heap", T, "ALTER TABLE t SET ACCESS METHOD heap",
      static_context="t already uses heap"),
    C("alter-set-fillfactor", T, "ALTER TABLE t SET (fillfactor = 70)"),
    C("alter-set-autovacuum-enabled", T, "ALTER TABLE t SET (autovacuum_enabled = false)"),
    C("alter-set-toast-autovacuum", T, "ALTER TABLE t SET (toast.autovacuum_enabled = false)"),
    C("alter-set-parallel-workers", T, "ALTER TABLE t SET (parallel_workers = 2)"),
    C("alter-set-user-catalog-table", T, "ALTER TABLE t SET (user_catalog_table = true)"),
    C("alter-reset-fillfactor", T + "ALTER TABLE t SET (fillfactor = 70);\n",
      "ALTER TABLE t RESET (fillfactor)"),
    C("alter-index-set-fillfactor", T, "ALTER INDEX t_a_idx SET (fillfactor = 70)"),
    C("alter-cluster-on", T, "ALTER TABLE t CLUSTER ON t_pkey"),
    C("alter-replica-identity-full", T, "ALTER TABLE t REPLICA IDENTITY FULL"),
    C("alter-enable-row-level-security", T, "ALTER TABLE t ENABLE ROW LEVEL SECURITY"),
]

TRIGGERS = [
    C("alter-disable-trigger", TRIGGER, "ALTER TABLE t DISABLE TRIGGER t_touch"),
    C("alter-enable-trigger", TRIGGER + "ALTER TABLE t DISABLE TRIGGER t_touch;\n",
      "ALTER TABLE t ENABLE TRIGGER t_touch"),
    C("alter-disable-trigger-all", PARENT_CHILD, "ALTER TABLE child DISABLE TRIGGER ALL"),
    C("alter-disable-trigger-user", TRIGGER, "ALTER TABLE t DISABLE TRIGGER USER"),
]

NAMES_AND_OWNERS = [
    C("alter-owner-to", T, "ALTER TABLE t OWNER TO alice"),
    C("alter-rename-column", T, "ALTER TABLE t RENAME COLUMN b TO body"),
    C("alter-rename-table", T, "ALTER TABLE t RENAME TO renamed_t"),
    C("alter-set-schema", T + "CREATE SCHEMA archive;\n", "ALTER TABLE t SET SCHEMA archive"),
    C("alter-index-rename", T, "ALTER INDEX t_a_idx RENAME TO t_a_index"),
    C("alter-view-rename", VIEW, "ALTER VIEW t_view RENAME TO t_view2"),
    C("alter-materialized-view-rename", MATVIEW,
      "ALTER MATERIALIZED VIEW t_summary RENAME TO t_summary2"),
    C("alter-table-rename-qualified", T, "ALTER TABLE public.t RENAME COLUMN c TO code"),
]

ALTER_TABLE_CASES = PARTITIONS + PERSISTENCE_AND_STORAGE + TRIGGERS + NAMES_AND_OWNERS
