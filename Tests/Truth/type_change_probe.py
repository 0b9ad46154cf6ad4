#!/usr/bin/env python3
"""Which ALTER COLUMN ... TYPE changes rewrite the table, rebuild the index,
or scan to re-check a CHECK constraint, as the server does it.

For each pair in type_change_pairs.py, on a fresh database, a table with rows,
an index on the column and (or not) a CHECK on it gets ALTER COLUMN TYPE three
ways: no USING, USING col, USING col::newtype. Rewrite = the table's
relfilenode changed; index rebuilt = the index's relfilenode changed (the
server keeps an index's storage when it can, even when it re-creates the
index entry); scan = a DEBUG "verifying table" line.

    python3 Tests/Truth/type_change_probe.py   # -> type_changes.json, TYPE_CHANGES.md
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cluster import Cluster, psycopg  # noqa: E402
from type_change_pairs import PAIRS  # noqa: E402
import type_change_report  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 300
USING = {"noUsing": "", "usingColumn": " USING col", "usingCast": " USING col::{new}"}
CHECKS = {"withCheck": True, "withoutCheck": False}

_FILENODES_SQL = """
SELECT relname, relfilenode::bigint FROM pg_class
WHERE relname IN ('probe', 'probe_col_idx') AND relnamespace = 'public'::regnamespace
"""


def probe_pair(pg, pair, dbname):
    with pg.connect() as admin:
        admin.execute(f"CREATE DATABASE {dbname}")
        try:
            with pg.connect(dbname) as conn:
                messages = []
                conn.add_notice_handler(lambda diag: messages.append(diag.message_primary or ""))
                if pair.needs:
                    try:
                        conn.execute(pair.needs)
                    except psycopg().Error as error:
                        return {"skipped": f"{pair.needs}: {error.diag.message_primary}"}
                return {"skipped": None, "results": {
                    using: {check: _probe(conn, messages, pair, USING[using], CHECKS[check])
                            for check in CHECKS} for using in USING}}
        finally:
            admin.execute(f"DROP DATABASE {dbname} WITH (FORCE)")


def _probe(conn, messages, pair, using, with_check):
    conn.execute("DROP TABLE IF EXISTS probe")
    check = ", CONSTRAINT probe_col_check CHECK (col IS NOT NULL)" if with_check else ""
    conn.execute(f"CREATE TABLE probe (id int, col {pair.old}{check})")
    conn.execute(f"INSERT INTO probe SELECT g, {pair.values} FROM generate_series(1, {ROWS}) g")
    if pair.indexable:
        conn.execute("CREATE INDEX probe_col_idx ON probe (col)")
    before = dict(conn.execute(_FILENODES_SQL).fetchall())
    conn.execute("BEGIN")
    conn.execute("SET LOCAL client_min_messages = debug1")
    conn.execute(f"SET LOCAL TimeZone = '{pair.timezone}'")
    statement = f"ALTER TABLE probe ALTER COLUMN col TYPE {pair.new}{using.format(new=pair.new)}"
    messages.clear()
    try:
        conn.execute(statement)
        conn.execute("COMMIT")
        error = None
    except psycopg().Error as failure:
        conn.execute("ROLLBACK")
        error = f"{failure.sqlstate}: {failure.diag.message_primary}"
    debug = list(messages)
    after = dict(conn.execute(_FILENODES_SQL).fetchall())
    return {
        "statement": statement,
        "error": error,
        "rewrite": error is None and after["probe"] != before["probe"],
        "indexRebuilt": None if not pair.indexable else (
            error is None and after["probe_col_idx"] != before["probe_col_idx"]),
        "verifyScan": 'verifying table "probe"' in debug,
        "debug": debug,
    }


def main():
    with Cluster() as pg:
        version = pg.server_version()
        pairs = {}
        for number, pair in enumerate(PAIRS):
            result = probe_pair(pg, pair, f"probe_{number}")
            pairs[pair.id] = {"from": pair.old, "to": pair.new, "timezone": pair.timezone,
                              "indexed": pair.indexable, **result}
    observed = {"server": version.split(" ")[0], "rows": ROWS, "pairs": pairs}
    with open(os.path.join(HERE, "type_changes.json"), "w", encoding="utf-8") as handle:
        json.dump(observed, handle, indent=2, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(HERE, "TYPE_CHANGES.md"), "w", encoding="utf-8") as handle:
        handle.write(type_change_report.render(observed, [pair.id for pair in PAIRS]))
    print(f"probed {len(PAIRS)} pairs on PostgreSQL {version}", file=sys.stderr)


if __name__ == "__main__":
    main()
