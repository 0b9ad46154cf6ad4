"""ALTER DOMAIN, which checks every table with a column of the domain; dropping and
detaching partitions, which locks the parent."""

from .case import Case
from .fixtures import BIG_ROWS, EVENTS, EVENTS_DEFAULT

C = Case

CODES = """
CREATE DOMAIN code AS text;
CREATE TABLE codes (id int PRIMARY KEY, c code);
INSERT INTO codes SELECT g, 'x' || g FROM generate_series(1, 300) g;
"""

TWO_TABLES = CODES + """
CREATE TABLE more_codes (id int PRIMARY KEY, c code, note text);
INSERT INTO more_codes SELECT g, 'y' || g, 'n' FROM generate_series(1, 300) g;
"""

NOT_VALID = CODES + "ALTER DOMAIN code ADD CONSTRAINT code_not_empty CHECK (VALUE <> '') NOT VALID;\n"

DOMAINS = [
    C("alter-domain-add-check-two-tables", TWO_TABLES,
      "ALTER DOMAIN code ADD CONSTRAINT code_not_empty CHECK (VALUE <> '')",
      static_context="codes.c and more_codes.c use domain code"),
    C("alter-domain-add-check-not-valid", CODES,
      "ALTER DOMAIN code ADD CONSTRAINT code_not_empty CHECK (VALUE <> '') NOT VALID",
      static_context="codes.c uses domain code"),
    C("alter-domain-add-not-null-constraint", CODES,
      "ALTER DOMAIN code ADD CONSTRAINT code_present CHECK (VALUE IS NOT NULL)",
      static_context="codes.c uses domain code"),
    C("alter-domain-set-not-null", CODES, "ALTER DOMAIN code SET NOT NULL",
      static_context="codes.c uses domain code"),
    C("alter-domain-validate-constraint", NOT_VALID, "ALTER DOMAIN code VALIDATE CONSTRAINT code_not_empty",
      static_context="codes.c uses domain code"),
    C("alter-domain-add-check-violated", CODES + "INSERT INTO codes VALUES (0, '');\n",
      "ALTER DOMAIN code ADD CONSTRAINT code_not_empty CHECK (VALUE <> '')", expect_error="23514",
      static_context="codes holds an empty code"),
    C("alter-domain-add-check-unused", "CREATE DOMAIN code AS text;\n",
      "ALTER DOMAIN code ADD CONSTRAINT code_not_empty CHECK (VALUE <> '')"),
]

BIG_EVENTS = EVENTS.replace("generate_series(1, 300)", f"generate_series(1, {BIG_ROWS})")

PARTITIONS = [
    C("drop-table-default-partition", EVENTS_DEFAULT, "DROP TABLE events_default",
      static_context="events_default is a partition of events"),
    C("drop-table-partition-if-exists", EVENTS, "DROP TABLE IF EXISTS events_2024",
      static_context="events_2024 is a partition of events"),
    C("alter-detach-partition-concurrently-big", BIG_EVENTS,
      "ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY"),
]

DOMAINS_AND_PARTITIONS_CASES = DOMAINS + PARTITIONS
