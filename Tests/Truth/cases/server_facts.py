"""Shapes whose locks, scans or rewrites the server showed to differ from what the
documentation suggests: VACUUM options, bare CLUSTER, SET WITHOUT CLUSTER, sequence
functions, foreign key checks of an INSERT, PRIMARY KEY USING INDEX, REFERENCES … DEFAULT."""

from .case import Case
from .fixtures import BIG_ROWS, PARENT_CHILD, SEQUENCE, T, t

C = Case

DEAD = t(BIG_ROWS) + "DELETE FROM t WHERE id % 2 = 0;\n"

VACUUM_OPTIONS = [
    C("vacuum-full-false", DEAD, "VACUUM (FULL false) t"),
    C("vacuum-full-off", DEAD, "VACUUM (FULL off, ANALYZE) t"),
    C("vacuum-full-zero", DEAD, "VACUUM (FULL 0) t"),
    C("vacuum-full-true", DEAD, "VACUUM (FULL true) t"),
]

CLUSTERING = [
    C("cluster-all-marked", t(BIG_ROWS) + "ALTER TABLE t CLUSTER ON t_a_idx;\n", "CLUSTER",
      static_context="t is marked CLUSTER ON t_a_idx"),
    C("alter-set-without-cluster", T + "ALTER TABLE t CLUSTER ON t_a_idx;\n", "ALTER TABLE t SET WITHOUT CLUSTER"),
    C("alter-set-without-cluster-unmarked", T, "ALTER TABLE t SET WITHOUT CLUSTER"),
]

TWO_KEYS = PARENT_CHILD + """
CREATE TABLE owner (id int PRIMARY KEY);
INSERT INTO owner SELECT g FROM generate_series(1, 10) g;
ALTER TABLE child ADD COLUMN owner_id int REFERENCES owner (id);
"""

DATA = [
    C("select-nextval", SEQUENCE, "SELECT nextval('counter')"),
    C("select-setval-regclass", SEQUENCE, "SELECT setval('public.counter'::regclass, 70, false)"),
    C("insert-child-checks-two-fks", TWO_KEYS, "INSERT INTO child (id, parent_id, owner_id) VALUES (1000, 5, 3)",
      static_context="child references parent and owner"),
]

NULLABLE = """
CREATE TABLE nopk (id int, v text);
INSERT INTO nopk SELECT g, 'v' || g FROM generate_series(1, 300) g;
CREATE UNIQUE INDEX nopk_id_uidx ON nopk (id);
"""

CONSTRAINTS = [
    C("alter-add-primary-key-using-index-nullable-unnamed", NULLABLE,
      "ALTER TABLE nopk ADD PRIMARY KEY USING INDEX nopk_id_uidx", static_context="nopk.id is nullable"),
    C("alter-add-column-references-default", PARENT_CHILD,
      "ALTER TABLE child ADD COLUMN other_parent_id int REFERENCES parent (id) DEFAULT 1"),
    C("alter-add-column-references-default-null", PARENT_CHILD,
      "ALTER TABLE child ADD COLUMN other_parent_id int DEFAULT NULL REFERENCES parent (id)"),
    C("drop-index-concurrently-if-exists", t(BIG_ROWS), "DROP INDEX CONCURRENTLY IF EXISTS t_a_idx"),
]

SERVER_FACT_CASES = VACUUM_OPTIONS + CLUSTERING + DATA + CONSTRAINTS
