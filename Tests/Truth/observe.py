#!/usr/bin/env python3
"""Ask a real PostgreSQL what each case's statement does; write observed.json.

For each case, on a fresh database:
1. run the setup, snapshot every relation (name, kind, relfilenode);
2. in a session opened for the statement alone: BEGIN; SET LOCAL
   client_min_messages = debug1; run the statement, keeping every DEBUG line;
   read this backend's relation locks from pg_locks (strongest mode per
   relation) and its per-table counters from pg_stat_xact_user_tables; COMMIT;
3. if the server answers "cannot run inside a transaction block" (25001), run
   it again in a new session outside a transaction -> transactional: false.
   Its locks come from a gdb trace of every lock request (tracer.py); a second
   session samples pg_locks meanwhile while blockers hold each phase
   (sampling.py), and anything pg_locks shows that the trace lacks is
   reported as a harness error;
4. snapshot again: a table whose relfilenode changed was rewritten, an index
   whose relfilenode changed was rebuilt.

Entries hold no OIDs or pids, and every list is sorted, so the file is the
same from run to run on the same server version.

    python3 Tests/Truth/observe.py                 # all cases -> observed.json
    python3 Tests/Truth/observe.py --only vacuum --print
"""

import argparse
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import sampling  # noqa: E402
import snapshot  # noqa: E402
import summary  # noqa: E402
from cases import ALL_CASES  # noqa: E402
from cluster import Cluster, psycopg  # noqa: E402
from statement_session import StatementSession  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OBSERVED_PATH = os.path.join(HERE, "observed.json")

_LOCKS_SQL = """
SELECT relation::bigint, mode FROM pg_locks
WHERE pid = pg_backend_pid() AND locktype = 'relation'
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
"""
_XACT_SCANS_SQL = "SELECT relid::bigint FROM pg_stat_xact_user_tables WHERE seq_scan > 0"
_NOT_IN_TRANSACTION = "25001"


def prepare_cluster(pg):
    """Cluster-wide objects some cases need; they outlive each case database."""
    with pg.connect() as conn:
        conn.execute("CREATE ROLE alice")
        conn.execute(f"CREATE TABLESPACE spare LOCATION '{pg.tablespace_dir}'")


def observe_all(pg, cases, workers=2):
    """Cases share nothing but the cluster (one database each), so two run at
    a time: the machine has two cores."""
    prepare_cluster(pg)
    numbered = list(enumerate(cases))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        found = pool.map(lambda item: observe_case(pg, item[1], f"case_{item[0]}"), numbered)
        return {case.id: result for (_, case), result in zip(numbered, found)}


def observe_case(pg, case, dbname):
    with pg.connect() as admin:
        admin.execute(f"CREATE DATABASE {dbname}")
        try:
            return _observe_database(pg, case, dbname)
        except Exception as error:  # one broken case must not hide the others' facts
            return summary.failed(f"harness: {type(error).__name__}: {error}")
        finally:
            _drop_database(admin, dbname)


def _drop_database(admin, dbname):
    # A closed session's backend lingers for a moment, and DROP DATABASE then
    # sleeps 100 ms per retry: wait for it here in shorter steps.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (dbname,)).fetchone()[0]:
        time.sleep(0.005)
    admin.execute(f"DROP DATABASE {dbname} WITH (FORCE)")


def _observe_database(pg, case, dbname):
    with pg.connect(dbname) as conn:
        if case.setup.strip():
            conn.execute(case.setup)
        before = snapshot.take(conn)
        database_oid = conn.execute(
            "SELECT oid::bigint FROM pg_database WHERE datname = current_database()").fetchone()[0]
        run, messages = _in_transaction(pg, dbname, case, database_oid)
        if run is None:
            run, messages = _outside_transaction(pg, dbname, case, before, database_oid)
        after = snapshot.take(conn)
    return summary.entry(case, before, after, run, messages)


def _in_transaction(pg, dbname, case, database_oid):
    """Returns (None, None) when the statement refuses to run in a transaction block."""
    session = StatementSession(pg, dbname, case.session, trace=case.trace)
    conn = session.conn
    conn.execute("BEGIN")
    conn.execute("SET LOCAL client_min_messages = debug1")
    session.messages.clear()
    try:
        conn.execute(case.statement)
    except psycopg().Error as error:
        conn.execute("ROLLBACK")
        messages = list(session.messages)
        traced = session.close(database_oid)
        if error.sqlstate == _NOT_IN_TRANSACTION:
            return None, None
        return _run(True, {}, traced, None, _describe(error)), messages
    messages = list(session.messages)
    held = {}
    for oid, mode in conn.execute(_LOCKS_SQL).fetchall():
        held.setdefault(oid, set()).add(mode)
    xact_scans = [row[0] for row in conn.execute(_XACT_SCANS_SQL).fetchall()]
    conn.execute("COMMIT")
    traced = session.close(database_oid)
    held = {oid: snapshot.strongest(modes) for oid, modes in held.items()}
    return _run(True, held, traced, xact_scans, _disagreement(held, traced)), messages


def _outside_transaction(pg, dbname, case, before, database_oid):
    session = StatementSession(pg, dbname, case.session, trace=True)
    session.conn.execute("SET client_min_messages = debug1")
    session.messages.clear()
    sampled, error = sampling.observe(pg, dbname, session.conn, case.statement, before)
    messages = list(session.messages)
    traced = session.close(database_oid)
    problem = _describe(error) if error else _disagreement(sampled, traced)
    return _run(False, traced, traced, None, problem), messages


def _run(transactional, locks, traced, xact_scans, error):
    return {"transactional": transactional, "locks": locks, "traced": traced,
            "xact_scans": xact_scans, "error": error}


def _describe(error):
    return f"{error.sqlstate}: {error.diag.message_primary}"


def _disagreement(seen, traced):
    """pg_locks can only show what was requested: a stronger mode there means
    the tracer misread a request."""
    if traced is None:
        return None
    for oid, mode in sorted(seen.items()):
        if oid not in traced or snapshot.strongest([mode, traced[oid]]) != traced[oid]:
            return f"harness: pg_locks shows {mode} on relation {oid} beyond the gdb trace"
    return None


def write(results, path=OBSERVED_PATH):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2, sort_keys=True)
        handle.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="case ids to observe (default: all)")
    parser.add_argument("--print", action="store_true", help="print instead of writing the file")
    args = parser.parse_args()
    cases = [case for case in ALL_CASES if not args.only or case.id in args.only]
    with Cluster() as pg:
        print(f"PostgreSQL {pg.server_version()}: {len(cases)} cases", file=sys.stderr)
        results = observe_all(pg, cases)
    if args.print:
        print(json.dumps(results, indent=2, sort_keys=True))
    else:
        write(results)
        print(f"wrote {OBSERVED_PATH}", file=sys.stderr)


if __name__ == "__main__":
    main()
