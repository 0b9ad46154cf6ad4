"""ALTER TABLE ... ADD / VALIDATE / DROP / ALTER CONSTRAINT."""

from .case import Case
from .fixtures import EVENTS, PARENT_CHILD, PARENT_LOOSE, T

C = Case

NOPK = """
CREATE TABLE nopk (id int, v text);
INSERT INTO nopk SELECT g, 'v' || g FROM generate_series(1, 300) g;
"""

NOPK_NOT_NULL = """
CREATE TABLE nopk (id int NOT NULL, v text);
INSERT INTO nopk SELECT g, 'v' || g FROM generate_series(1, 300) g;
"""

ADD = [
    C("alter-add-check", T, "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0)"),
    C("alter-add-check-not-valid", T,
      "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0) NOT VALID"),
    C("alter-add-fk", PARENT_LOOSE,
      "ALTER TABLE loose ADD CONSTRAINT loose_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)", trace=True),
    C("alter-add-fk-not-valid", PARENT_LOOSE,
      "ALTER TABLE loose ADD CONSTRAINT loose_parent_fk FOREIGN KEY (parent_id) "
      "REFERENCES parent (id) NOT VALID"),
    C("alter-add-fk-on-delete-cascade", PARENT_LOOSE,
      "ALTER TABLE loose ADD CONSTRAINT loose_parent_fk FOREIGN KEY (parent_id) "
      "REFERENCES parent (id) ON DELETE CASCADE"),
    C("alter-add-fk-self-referencing",
      "CREATE TABLE tree (id int PRIMARY KEY, up int);\n"
      "INSERT INTO tree SELECT g, NULLIF(g - 1, 0) FROM generate_series(1, 300) g;\n",
      "ALTER TABLE tree ADD CONSTRAINT tree_up_fk FOREIGN KEY (up) REFERENCES tree (id)"),
    C("alter-add-fk-partitioned-table",
      PARENT_LOOSE + EVENTS.replace("kind text", "kind text, parent_id int"),
      "ALTER TABLE events ADD CONSTRAINT events_parent_fk FOREIGN KEY (parent_id) "
      "REFERENCES parent (id)",
      static_context="events is partitioned: its partitions hold the rows"),
    C("alter-add-fk-referencing-partitioned-table", """
CREATE TABLE accounts (id int PRIMARY KEY) PARTITION BY HASH (id);
CREATE TABLE accounts_0 PARTITION OF accounts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE accounts_1 PARTITION OF accounts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO accounts SELECT generate_series(1, 100);
CREATE TABLE payments (id int PRIMARY KEY, account_id int);
INSERT INTO payments SELECT g, g % 100 + 1 FROM generate_series(1, 300) g;
""", "ALTER TABLE payments ADD CONSTRAINT payments_account_fk FOREIGN KEY (account_id) "
      "REFERENCES accounts (id)", static_context="accounts is partitioned"),
    C("alter-add-unique", T, "ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a)"),
    C("alter-add-primary-key", NOPK, "ALTER TABLE nopk ADD PRIMARY KEY (id)",
      static_context="nopk.id is nullable"),
    C("alter-add-primary-key-not-null-column", NOPK_NOT_NULL, "ALTER TABLE nopk ADD PRIMARY KEY (id)",
      static_context="nopk.id is already NOT NULL"),
    C("alter-add-exclude", T, "ALTER TABLE t ADD CONSTRAINT t_a_excl EXCLUDE USING btree (a WITH =)"),
    C("alter-add-unique-using-index", T + "CREATE UNIQUE INDEX t_a_uidx ON t (a);\n",
      "ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_uidx"),
    C("alter-add-primary-key-using-index", NOPK + "CREATE UNIQUE INDEX nopk_id_uidx ON nopk (id);\n",
      "ALTER TABLE nopk ADD CONSTRAINT nopk_pkey PRIMARY KEY USING INDEX nopk_id_uidx",
      static_context="nopk.id is nullable"),
    C("alter-add-primary-key-using-index-not-null-column",
      NOPK_NOT_NULL + "CREATE UNIQUE INDEX nopk_id_uidx ON nopk (id);\n",
      "ALTER TABLE nopk ADD CONSTRAINT nopk_pkey PRIMARY KEY USING INDEX nopk_id_uidx",
      static_context="nopk.id is already NOT NULL"),
    C("alter-add-check-partitioned", EVENTS,
      "ALTER TABLE events ADD CONSTRAINT events_id_positive CHECK (id > 0)",
      static_context="events is partitioned: its partitions hold the rows"),
]

VALIDATE = [
    C("alter-validate-check",
      T + "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0) NOT VALID;\n",
      "ALTER TABLE t VALIDATE CONSTRAINT t_a_positive"),
    C("alter-validate-fk",
      PARENT_LOOSE + "ALTER TABLE loose ADD CONSTRAINT loose_parent_fk FOREIGN KEY (parent_id) "
      "REFERENCES parent (id) NOT VALID;\n",
      "ALTER TABLE loose VALIDATE CONSTRAINT loose_parent_fk",
      static_context="loose_parent_fk references parent", trace=True),
    C("alter-validate-already-valid-check",
      T + "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0);\n",
      "ALTER TABLE t VALIDATE CONSTRAINT t_a_positive",
      static_context="t_a_positive is already validated"),
]

DROP = [
    C("alter-drop-check", T + "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0);\n",
      "ALTER TABLE t DROP CONSTRAINT t_a_positive"),
    C("alter-drop-fk", PARENT_CHILD, "ALTER TABLE child DROP CONSTRAINT child_parent_id_fkey",
      static_context="child_parent_id_fkey references parent"),
    C("alter-drop-primary-key-referenced-cascade", PARENT_CHILD,
      "ALTER TABLE parent DROP CONSTRAINT parent_pkey CASCADE",
      static_context="child_parent_id_fkey depends on parent_pkey"),
    C("alter-drop-unique", T + "ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a);\n",
      "ALTER TABLE t DROP CONSTRAINT t_a_key",
      static_context="constraint t_a_key is backed by index t_a_key"),
    C("alter-drop-constraint-if-exists-missing", T,
      "ALTER TABLE t DROP CONSTRAINT IF EXISTS nope"),
]

ALTER = [
    C("alter-fk-set-deferrable", PARENT_CHILD,
      "ALTER TABLE child ALTER CONSTRAINT child_parent_id_fkey DEFERRABLE INITIALLY DEFERRED"),
    C("alter-rename-constraint", T + "ALTER TABLE t ADD CONSTRAINT t_a_positive CHECK (a > 0);\n",
      "ALTER TABLE t RENAME CONSTRAINT t_a_positive TO t_a_above_zero"),
]

ALTER_CONSTRAINT_CASES = ADD + VALIDATE + DROP + ALTER
