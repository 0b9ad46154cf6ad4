"""Views, materialized views, functions, triggers, types, sequences, comments, grants."""

from .case import Case
from .fixtures import ENUM, MATVIEW, SEQUENCE, TRIGGER, T, VIEW

C = Case

VIEWS = [
    C("create-view", T, "CREATE VIEW t_recent AS SELECT id, a FROM t WHERE a > 100"),
    C("create-or-replace-view", VIEW, "CREATE OR REPLACE VIEW t_view AS SELECT id, a, b FROM t"),
    C("drop-view", VIEW, "DROP VIEW t_view"),
    C("create-materialized-view", T,
      "CREATE MATERIALIZED VIEW t_totals AS SELECT a % 7 AS bucket, sum(a) AS total FROM t GROUP BY 1"),
    C("create-materialized-view-with-no-data", T,
      "CREATE MATERIALIZED VIEW t_totals AS SELECT a % 7 AS bucket FROM t WITH NO DATA"),
    C("refresh-materialized-view", MATVIEW, "REFRESH MATERIALIZED VIEW t_summary"),
    C("refresh-materialized-view-concurrently", MATVIEW,
      "REFRESH MATERIALIZED VIEW CONCURRENTLY t_summary"),
    C("drop-materialized-view", MATVIEW, "DROP MATERIALIZED VIEW t_summary"),
]

FUNCTIONS_AND_TRIGGERS = [
    C("create-function", "",
      "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT i + 1 $$"),
    C("create-or-replace-function", TRIGGER,
      "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
      "$$ BEGIN NEW.a := NEW.a; RETURN NEW; END $$"),
    C("create-trigger", TRIGGER,
      "CREATE TRIGGER t_touch_insert BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch()"),
    C("create-or-replace-trigger", TRIGGER,
      "CREATE OR REPLACE TRIGGER t_touch BEFORE UPDATE OR INSERT ON t "
      "FOR EACH ROW EXECUTE FUNCTION touch()"),
    C("create-constraint-trigger", TRIGGER,
      "CREATE CONSTRAINT TRIGGER t_touch_late AFTER INSERT ON t DEFERRABLE INITIALLY DEFERRED "
      "FOR EACH ROW EXECUTE FUNCTION touch()"),
    C("drop-trigger", TRIGGER, "DROP TRIGGER t_touch ON t"),
    C("drop-function-cascade", TRIGGER, "DROP FUNCTION touch() CASCADE",
      static_context="t_touch on t uses touch()"),
]

TYPES = [
    C("create-type-enum", "", "CREATE TYPE colour AS ENUM ('red', 'green')"),
    C("alter-type-add-value", ENUM, "ALTER TYPE mood ADD VALUE 'happy'"),
    C("alter-type-add-value-before", ENUM, "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'"),
    C("alter-type-rename-value", ENUM, "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'"),
    C("create-domain", "", "CREATE DOMAIN positive_int AS int CHECK (VALUE > 0)"),
    C("alter-domain-add-check",
      "CREATE DOMAIN code AS text;\nCREATE TABLE codes (id int, c code);\n"
      "INSERT INTO codes SELECT g, 'x' || g FROM generate_series(1, 300) g;\n",
      "ALTER DOMAIN code ADD CONSTRAINT code_not_empty CHECK (VALUE <> '')",
      static_context="codes.c uses domain code"),
]

SEQUENCES = [
    C("create-sequence", "", "CREATE SEQUENCE tickets START 100"),
    C("alter-sequence-restart", SEQUENCE, "ALTER SEQUENCE counter RESTART WITH 1000"),
    C("alter-sequence-increment", SEQUENCE, "ALTER SEQUENCE counter INCREMENT BY 10"),
    C("alter-sequence-as-bigint", SEQUENCE, "ALTER SEQUENCE counter AS bigint"),
    C("alter-sequence-owned-by", T + SEQUENCE, "ALTER SEQUENCE counter OWNED BY t.a"),
    C("drop-sequence", SEQUENCE, "DROP SEQUENCE counter"),
    C("select-setval", SEQUENCE, "SELECT setval('counter', 50)"),
]

COMMENTS_AND_GRANTS = [
    C("comment-on-table", T, "COMMENT ON TABLE t IS 'the main table'"),
    C("comment-on-column", T, "COMMENT ON COLUMN t.a IS 'a number'"),
    C("comment-on-index", T, "COMMENT ON INDEX t_a_idx IS 'by a'"),
    C("grant-select", T, "GRANT SELECT ON t TO alice"),
    C("grant-all-tables-in-schema", T + SEQUENCE, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO alice"),
    C("revoke-select", T + "GRANT SELECT ON t TO alice;\n", "REVOKE SELECT ON t FROM alice"),
    C("grant-column-update", T, "GRANT UPDATE (a) ON t TO alice"),
    C("alter-default-privileges", "", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO alice"),
]

OTHER_DDL_CASES = VIEWS + FUNCTIONS_AND_TRIGGERS + TYPES + SEQUENCES + COMMENTS_AND_GRANTS
