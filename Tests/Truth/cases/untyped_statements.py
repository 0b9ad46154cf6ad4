"""Statements patchgate does not type (policies, rules, statistics objects, databases) and
renames of types and schemas: their locks come from facts keyed by the parser's node name."""

from .case import Case
from .fixtures import T

C = Case

POLICY = T + "CREATE POLICY t_positive ON t USING (a > 0);\n"
RULE = T + "CREATE RULE t_keep AS ON DELETE TO t DO INSTEAD NOTHING;\n"
STATISTICS = T + "CREATE STATISTICS t_a_b ON a, b FROM t;\n"

POLICIES = [
    C("create-policy", T, "CREATE POLICY t_positive ON t USING (a > 0)"),
    C("create-policy-with-check", T, "CREATE POLICY t_writes ON t FOR INSERT WITH CHECK (a > 0)"),
    C("create-policy-for-select", T, "CREATE POLICY t_reads ON t AS RESTRICTIVE FOR SELECT TO alice USING (true)"),
    C("alter-policy-using", POLICY, "ALTER POLICY t_positive ON t USING (a > 1)"),
    C("alter-policy-to-role", POLICY, "ALTER POLICY t_positive ON t TO alice"),
    C("alter-policy-rename", POLICY, "ALTER POLICY t_positive ON t RENAME TO t_strictly_positive"),
    C("drop-policy", POLICY, "DROP POLICY t_positive ON t"),
    C("drop-policy-if-exists", POLICY, "DROP POLICY IF EXISTS t_positive ON t"),
]

RULES = [
    C("create-rule-do-instead-nothing", T, "CREATE RULE t_keep AS ON DELETE TO t DO INSTEAD NOTHING"),
    C("create-rule-do-also-notify", T, "CREATE RULE t_tell AS ON UPDATE TO t DO ALSO NOTIFY t_changed"),
    C("create-or-replace-rule", RULE, "CREATE OR REPLACE RULE t_keep AS ON DELETE TO t WHERE OLD.a > 0 DO INSTEAD NOTHING"),
    C("drop-rule", RULE, "DROP RULE t_keep ON t"),
]

STATISTICS_OBJECTS = [
    C("create-statistics", T, "CREATE STATISTICS t_a_b ON a, b FROM t"),
    C("create-statistics-ndistinct", T, "CREATE STATISTICS IF NOT EXISTS t_a_c (ndistinct) ON a, c FROM t"),
    C("drop-statistics", STATISTICS, "DROP STATISTICS t_a_b",
      static_context="t_a_b was made on t"),
    C("drop-statistics-qualified", STATISTICS, "DROP STATISTICS IF EXISTS public.t_a_b",
      static_context="t_a_b was made on t"),
    C("alter-statistics-set-statistics", STATISTICS, "ALTER STATISTICS t_a_b SET STATISTICS 500"),
]

RENAMES_AND_DATABASES = [
    C("alter-type-rename", "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TABLE feelings (id int, m mood);\n",
      "ALTER TYPE mood RENAME TO feeling"),
    C("alter-schema-rename", "CREATE SCHEMA billing;\nCREATE TABLE billing.invoice (id int);\n",
      "ALTER SCHEMA billing RENAME TO accounts"),
    C("drop-database-if-exists", "", "DROP DATABASE IF EXISTS no_such_database"),
]

UNTYPED_STATEMENT_CASES = POLICIES + RULES + STATISTICS_OBJECTS + RENAMES_AND_DATABASES
