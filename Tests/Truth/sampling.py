"""pg_locks' own view of a statement that cannot run inside a transaction block.

Such statements (CREATE INDEX CONCURRENTLY, VACUUM, DETACH ... CONCURRENTLY...)
commit several internal transactions, so their locks cannot be read from
inside them. The facts come from tracer.py; this module gathers the server's
independent view to check the trace against. The statement runs in its own
session while:

* an *observer* session samples pg_locks for the statement's pid in a tight
  loop, keeping every relation lock it ever sees, granted or waiting;
* *blocker* sessions make each phase wait so the sampler cannot miss it.
  The first blocker holds SHARE UPDATE EXCLUSIVE on every table and view
  (so any lock of that strength or more has to queue, and shows up as a
  waiting lock with its exact mode), AccessShare on every relation it can
  read (planning also locks each table's indexes), and a REPEATABLE READ
  snapshot (so "wait for older snapshots" phases wait too).
  Whenever the statement is seen blocked by a blocker, a fresh blocker
  (AccessShare + snapshot only, lock_timeout so it never queues behind the
  statement) is opened and the blocking one rolls back: the statement moves
  one phase on and the next wait-for-lockers or stronger lock request waits
  for the fresh blocker, where it is sampled again.

Locks that no blocker conflicts with and that come and go between two samples
are missed (DROP INDEX CONCURRENTLY's final AccessExclusive on the index is
one): which is why the trace, not the samples, is the record.
"""

import threading
import time

from cluster import psycopg
from snapshot import strongest

MAX_BLOCKERS = 8
WAIT_SAMPLES = 5          # samples of a stable wait before moving the statement on
DEADLINE_SECONDS = 60

_SAMPLE_SQL = """
SELECT coalesce((SELECT array_agg(l.relation::bigint::text || ' ' || l.mode)
                 FROM pg_locks l
                 WHERE l.pid = %(pid)s AND l.locktype = 'relation'
                   AND l.database = (SELECT oid FROM pg_database
                                     WHERE datname = current_database())), '{}'),
       pg_blocking_pids(%(pid)s)
"""

_TABLE_LIKE = ("table", "partitioned-table", "view")
_READABLE = ("table", "partitioned-table", "view", "materialized-view", "sequence")


def _quoted(name):
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split(".", 1))


class Blocker:
    """An open transaction holding locks and a snapshot until released."""

    def __init__(self, pg, dbname, before, share_update_exclusive):
        self.conn = pg.connect(dbname)
        self.pid = self.conn.info.backend_pid
        self.held = False
        self.conn.execute("SET lock_timeout = '200ms'")
        self.conn.execute("SET idle_in_transaction_session_timeout = '120s'")
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        rels = sorted(before.relations.values(), key=lambda rel: rel.name)
        try:
            self.conn.execute("SELECT 1")  # takes the snapshot even with no relations
            tables = [_quoted(rel.name) for rel in rels if rel.kind in _TABLE_LIKE]
            if share_update_exclusive and tables:
                self.conn.execute(f"LOCK TABLE {', '.join(tables)} IN SHARE UPDATE EXCLUSIVE MODE")
            for rel in rels:
                if rel.kind in _READABLE:
                    self.conn.execute(f"SELECT 1 FROM {_quoted(rel.name)} LIMIT 0")
            self.held = True
        except psycopg().Error:
            # The statement already holds or awaits something stronger: this
            # blocker would only queue behind it, so it takes no part.
            self.release()

    def release(self):
        if self.conn is not None:
            try:
                self.conn.execute("ROLLBACK")
            finally:
                self.conn.close()
                self.conn = None
                self.held = False


def observe(pg, dbname, conn, statement, before):
    """Run `statement` on `conn` (autocommit) and return (locks, error): locks
    maps relation oid -> strongest mode seen, granted or waiting. `before` is
    the snapshot of relations taken before the statement."""
    blockers = [Blocker(pg, dbname, before, share_update_exclusive=True)]
    outcome = {}
    runner = threading.Thread(target=_run, args=(conn, statement, outcome))
    seen = {}
    with pg.connect(dbname) as observer:
        pid = conn.info.backend_pid
        runner.start()
        _sample_until_done(pg, dbname, before, observer, pid, runner, blockers, seen)
    runner.join()
    for blocker in blockers:
        blocker.release()
    locks = {oid: strongest(modes) for oid, modes in seen.items()}
    return locks, outcome.get("error")


def _run(conn, statement, outcome):
    try:
        conn.execute(statement)
    except psycopg().Error as error:
        outcome["error"] = error


def _sample_until_done(pg, dbname, before, observer, pid, runner, blockers, seen):
    stable = 0
    deadline = time.monotonic() + DEADLINE_SECONDS
    while runner.is_alive():
        locks, blocking = observer.execute(_SAMPLE_SQL, {"pid": pid}).fetchone()
        for entry in locks:
            oid, mode = entry.split(" ")
            seen.setdefault(int(oid), set()).add(mode)
        held = [b for b in blockers if b.held and b.pid in blocking]
        stable = stable + 1 if held else 0
        if stable >= WAIT_SAMPLES or time.monotonic() > deadline:
            stable = 0
            if len(blockers) < MAX_BLOCKERS and time.monotonic() < deadline:
                blockers.append(Blocker(pg, dbname, before, share_update_exclusive=False))
            for blocker in held or [b for b in blockers if b.held]:
                blocker.release()
