"""Statements that wait out older queries before their strongest lock: DETACH PARTITION …
CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX … CONCURRENTLY. Watched from other sessions
on a live server, phase by phase:

1. a blocker holds SHARE UPDATE EXCLUSIVE on one relation and an older REPEATABLE READ
   transaction has read the table: the statement queues for its first lock, and pg_locks
   shows what it holds and asks for then;
2. the blocker ends: the statement waits for the older transaction (a virtualxid), and
   pg_locks shows what it holds while it waits;
3. the older transaction ends and the statement finishes.

Before the older transaction ended the statement never held or asked for more than what
patchgate reports as taken at once; what patchgate reports as taken after older queries
(`afterOlderQueries`) is stronger than anything held or asked for until then.
"""

import json
import os
import subprocess
import tempfile
import threading
import time

import pytest

import compare
from cases.fixtures import EVENTS, t
from cluster import Cluster
from snapshot import LOCK_MODES, strongest

T = t(2000)
STATEMENTS = [
    ("detach-partition-concurrently", EVENTS, "ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY",
     "public.events_2023", "SELECT count(*) FROM events"),
    ("drop-index-concurrently", T, "DROP INDEX CONCURRENTLY t_a_idx", "public.t", "SELECT count(*) FROM t"),
    ("reindex-index-concurrently", T, "REINDEX INDEX CONCURRENTLY t_a_idx", "public.t", "SELECT count(*) FROM t"),
]

_LOCKS_OF = """
SELECT n.nspname || '.' || c.relname, l.mode, l.granted FROM pg_locks l
JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE l.pid = %s AND l.locktype = 'relation' AND n.nspname = 'public'
"""
_WAITING_ON_VIRTUALXID = """
SELECT count(*) FROM pg_locks WHERE pid = %s AND locktype = 'virtualxid' AND NOT granted
"""


def _poll(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError("the statement never reached the expected phase")


def _phases(pg, dbname, setup, statement, blocked, reader):
    """{relation: strongest mode held or asked for} before the older transaction ended."""
    with pg.connect() as admin:
        admin.execute(f"CREATE DATABASE {dbname}")
    with pg.connect(dbname) as conn:
        conn.execute(setup)
    older, blocker, runner, watcher = (pg.connect(dbname) for _ in range(4))
    try:
        older.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        older.execute(reader)
        blocker.execute("BEGIN")
        blocker.execute(f"LOCK TABLE {blocked} IN SHARE UPDATE EXCLUSIVE MODE")
        failure = []

        def run():
            try:
                runner.execute(statement)
            except Exception as error:  # reported below, on the test's thread
                failure.append(error)

        thread = threading.Thread(target=run)
        thread.start()
        pid = runner.info.backend_pid
        seen = {}

        def record():
            rows = watcher.execute(_LOCKS_OF, (pid,)).fetchall()
            for relation, mode, _ in rows:
                seen[relation] = strongest([mode, seen.get(relation, mode)])
            return rows

        _poll(lambda: any(not granted for _, _, granted in record()))
        blocker.execute("COMMIT")
        _poll(lambda: record() is not None and watcher.execute(_WAITING_ON_VIRTUALXID, (pid,)).fetchone()[0])
        record()
        older.execute("COMMIT")
        thread.join(60)
        assert not thread.is_alive() and failure == [], failure
        return seen
    finally:
        for conn in (older, blocker, runner, watcher):
            conn.close()


def _predicted_locks(statement, schema):
    """patchgate's locks for the statement, with the case's setup as its schema."""
    binary = compare.patchgate_binary()
    if not os.access(binary, os.X_OK):
        pytest.fail(f"no patchgate binary at {binary} (set PATCHGATE_BIN or swift build)")
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, text in (("schema.sql", schema), ("case.sql", "-- patchgate: no-transaction\n" + statement + ";\n")):
            paths[name] = os.path.join(tmp, name)
            with open(paths[name], "w", encoding="utf-8") as handle:
                handle.write(text)
        result = subprocess.run([binary, "check", "--format", "json", "--transaction", "none",
                                 "--schema", paths["schema.sql"], paths["case.sql"]],
                                capture_output=True, text=True, timeout=60)
    return json.loads(result.stdout)["files"][0]["statements"][-1]["effects"]["locks"]


@pytest.fixture(scope="module")
def phases():
    with Cluster() as pg:
        return {name: _phases(pg, f"phases_{number}", setup, statement, blocked, reader)
                for number, (name, setup, statement, blocked, reader) in enumerate(STATEMENTS)}


@pytest.mark.parametrize("name", [entry[0] for entry in STATEMENTS])
def test_locks_taken_after_older_queries_are_stronger_than_any_before(phases, name):
    _, setup, statement, _, _ = next(entry for entry in STATEMENTS if entry[0] == name)
    before = phases[name]
    locks = _predicted_locks(statement, setup)
    later = {lock["relation"]: lock["mode"] for lock in locks if lock.get("afterOlderQueries")}
    at_once = {lock["relation"]: lock["mode"] for lock in locks if not lock.get("afterOlderQueries")}
    assert later, "patchgate reports no lock taken after older queries"
    for relation, mode in later.items():
        held = before.get(relation)
        assert held is None or LOCK_MODES.index(held) < LOCK_MODES.index(mode), (relation, held, mode)
    for relation, mode in at_once.items():
        assert before.get(relation) == mode, (relation, before.get(relation), mode)
