"""CLUSTER, VACUUM, ANALYZE, TRUNCATE, LOCK TABLE and plain DML."""

from .case import Case
from .fixtures import BIG_ROWS, EVENTS, PARENT_CHILD, T, VIEW, t

C = Case

# Dead tuples give VACUUM real work, so its locks are held long enough to sample.
DEAD = t(BIG_ROWS) + "DELETE FROM t WHERE id % 2 = 0;\n"

MAINTENANCE = [
    C("cluster-table-using-index", T, "CLUSTER t USING t_pkey"),
    C("cluster-table-marked", T + "ALTER TABLE t CLUSTER ON t_a_idx;\n", "CLUSTER t",
      static_context="t is marked CLUSTER ON t_a_idx"),
    C("vacuum", DEAD, "VACUUM t"),
    C("vacuum-full", DEAD, "VACUUM FULL t"),
    C("vacuum-analyze", DEAD, "VACUUM ANALYZE t"),
    C("vacuum-freeze", DEAD, "VACUUM (FREEZE) t"),
    C("analyze", T, "ANALYZE t"),
    C("analyze-column", T, "ANALYZE t (a)"),
    C("analyze-partitioned", EVENTS, "ANALYZE events",
      static_context="events is partitioned"),
]

TRUNCATE = [
    C("truncate", T, "TRUNCATE t"),
    C("truncate-referenced-without-cascade", PARENT_CHILD, "TRUNCATE parent",
      expect_error="0A000", static_context="child references parent"),
    C("truncate-referenced-cascade", PARENT_CHILD, "TRUNCATE parent CASCADE",
      static_context="child references parent"),
    C("truncate-parent-and-child", PARENT_CHILD, "TRUNCATE parent, child"),
    C("truncate-holding-fk", PARENT_CHILD, "TRUNCATE child"),
    C("truncate-restart-identity", T.replace("id int PRIMARY KEY", "id serial PRIMARY KEY"),
      "TRUNCATE t RESTART IDENTITY"),
    C("truncate-partitioned", EVENTS, "TRUNCATE events",
      static_context="events is partitioned: its partitions hold the rows"),
]

LOCK_MODES = ["ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE", "SHARE",
              "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"]

LOCKS = [
    C(f"lock-table-{mode.lower().replace(' ', '-')}", T, f"LOCK TABLE t IN {mode} MODE", trace=True)
    for mode in LOCK_MODES
] + [
    C("lock-table-default-mode", T, "LOCK TABLE t"),
    C("lock-table-nowait", T, "LOCK TABLE t IN SHARE MODE NOWAIT"),
    C("lock-view", VIEW, "LOCK TABLE t_view IN SHARE MODE"),
    C("lock-partitioned", EVENTS, "LOCK TABLE events IN EXCLUSIVE MODE"),
    C("lock-only-partitioned", EVENTS, "LOCK TABLE ONLY events IN EXCLUSIVE MODE"),
]

DML = [
    C("insert-values", T, "INSERT INTO t (id, a) VALUES (100001, 1)"),
    C("insert-select", T, "INSERT INTO t (id, a) SELECT id + 100000, a FROM t"),
    C("insert-on-conflict", T,
      "INSERT INTO t (id, a) VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET a = EXCLUDED.a"),
    C("insert-child-checks-fk", PARENT_CHILD, "INSERT INTO child (id, parent_id) VALUES (1000, 5)"),
    C("update-all", T, "UPDATE t SET b = 'x'"),
    C("update-where", T, "UPDATE t SET b = 'x' WHERE id = 7"),
    C("update-parent-key", PARENT_CHILD, "UPDATE parent SET name = 'renamed' WHERE id = 7"),
    C("delete-all", T, "DELETE FROM t"),
    C("delete-where", T, "DELETE FROM t WHERE id < 10"),
    C("delete-parent-unreferenced-row", PARENT_CHILD + "INSERT INTO parent VALUES (500, 'lonely');\n",
      "DELETE FROM parent WHERE id = 500"),
    C("update-partitioned", EVENTS, "UPDATE events SET kind = 'z' WHERE id = 3"),
    C("select-for-update", T, "SELECT * FROM t WHERE id = 1 FOR UPDATE"),
    C("select-plain", T, "SELECT count(*) FROM t"),
]

MAINTENANCE_AND_DML_CASES = MAINTENANCE + TRUNCATE + LOCKS + DML
