"""DO blocks on a real PostgreSQL 15: the locks a block's statements take (and the failures)
against what patchgate predicts for fixtures/do-blocks, in a transaction block (the runner's
wrapping, --transaction per-file) and outside one (autocommit, --transaction none).

Locks are read inside the block's transaction after the DO statement, from pg_locks for the
session's own pid: the tables of schema.sql only (the relations that existed before), strongest
mode per table. A COMMIT inside a block is observed from another session while the block waits
on a row lock after it."""

import glob
import json
import os
import subprocess
import tempfile
import threading
import time

import pytest

from cluster import Cluster
from compare import NotReady, patchgate_binary

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(REPO, "fixtures", "do-blocks")
SCHEMA = os.path.join(FIXTURES, "schema.sql")
TABLES = ("public.customers", "public.orders")
MODE_ORDER = ["AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
              "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"]
CASES = sorted(os.path.basename(path)[:-len(".do.sql")] for path in glob.glob(os.path.join(FIXTURES, "*.do.sql")))


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def strongest(locks):
    found = {}
    for relation, mode in locks:
        if relation in TABLES and (relation not in found or MODE_ORDER.index(mode) > MODE_ORDER.index(found[relation])):
            found[relation] = mode
    return found


@pytest.fixture(scope="module")
def pg():
    with Cluster() as cluster:
        yield cluster


def fresh_database(pg, name):
    with pg.connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    with pg.connect(name) as conn:
        conn.execute(read(SCHEMA))
    return name


def observe(pg, case, in_block):
    """(error message or None, strongest lock per schema table) of the fixture's DO block."""
    database = fresh_database(pg, f"do_{case.replace('-', '_')}_{'block' if in_block else 'auto'}")
    sql = read(os.path.join(FIXTURES, f"{case}.do.sql"))
    with pg.connect(database, autocommit=True) as conn:
        try:
            if in_block:
                conn.execute("BEGIN")
            conn.execute(sql)
            if not in_block:
                conn.execute("BEGIN")  # the block committed; nothing is held any more
            rows = conn.execute(
                "SELECT n.nspname || '.' || c.relname, l.mode FROM pg_locks l "
                "JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation'").fetchall()
            conn.execute("ROLLBACK")
            return None, strongest(rows)
        except Exception as error:  # the server's refusal is the observation
            return str(error).splitlines()[0], {}


def predict(case, mode):
    binary = patchgate_binary()
    if not os.access(binary, os.X_OK):
        raise NotReady(f"no patchgate binary at {binary}")
    # On its own: beside the other fixtures, --schema would replay them as earlier patches.
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, f"{case}.sql")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(read(os.path.join(FIXTURES, f"{case}.do.sql")))
        result = subprocess.run([binary, "check", "--format", "json", "--assume-small", "--schema", SCHEMA,
                                 "--transaction", mode, path], capture_output=True, text=True, timeout=60)
    return json.loads(result.stdout)["files"][0]


def predicted_locks(report):
    return strongest((lock["relation"], lock["mode"]) for statement in report["statements"]
                     for lock in statement["effects"]["locks"])


@pytest.mark.parametrize("in_block", [True, False], ids=["runner-transaction", "autocommit"])
@pytest.mark.parametrize("case", CASES)
def test_do_block_locks_and_failures_match_the_server(pg, case, in_block):
    error, observed = observe(pg, case, in_block)
    report = predict(case, "per-file" if in_block else "none")
    rules = sorted({finding["rule"] for finding in report["findings"]})
    if report["verdict"] == "invalid":
        assert error is not None, f"patchgate says invalid ({rules}), the server ran it"
        return
    if error is not None and "opaque-dynamic-sql" in rules:
        # PostgreSQL runs no SQL DO block ("language "sql" does not support inline code
        # execution"); patchgate cannot see inside one and says so.
        return
    if "opaque-dynamic-sql" in rules:
        # What the hidden SQL locks is unknown to patchgate: it is never hot on its account.
        assert report["verdict"] != "hot"
        return
    assert error is None, f"the server failed ({error}), patchgate predicted {report['verdict']} ({rules})"
    if in_block:
        assert predicted_locks(report) == observed
    else:
        assert observed == {}, "an autocommit DO block holds nothing after it ends"


def test_failures_are_the_ones_postgresql_names(pg):
    """CONCURRENTLY in a DO block fails with and without a transaction block, each its own way;
    COMMIT in a DO block fails only inside one."""
    assert "cannot run inside a transaction block" in observe(pg, "concurrent-index", True)[0]
    assert "cannot be executed from a function" in observe(pg, "concurrent-index", False)[0]
    assert "invalid transaction termination" in observe(pg, "commit-part-way", True)[0]
    assert observe(pg, "commit-part-way", False)[0] is None


def test_commit_part_way_releases_the_locks_there(pg):
    """While the block waits after its COMMIT, the server shows no lock on the table it altered
    before it; patchgate's heldLocks for the statement after the COMMIT agree."""
    database = fresh_database(pg, "do_commit_release")
    with pg.connect(database) as blocker, pg.connect(database) as runner, pg.connect(database) as watcher:
        blocker.execute("INSERT INTO customers VALUES (1, 'a')")
        blocker.execute("BEGIN")
        blocker.execute("SELECT * FROM customers WHERE id = 1 FOR UPDATE")
        pid = runner.execute("SELECT pg_backend_pid()").fetchone()[0]
        thread = threading.Thread(target=lambda: runner.execute(read(os.path.join(FIXTURES, "commit-part-way.do.sql"))))
        thread.start()
        held = None
        for _ in range(200):
            waiting = watcher.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone()
            if waiting and waiting[0] == "Lock":
                held = watcher.execute(
                    "SELECT n.nspname || '.' || c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE l.pid = %s AND l.granted AND l.locktype = 'relation'", (pid,)).fetchall()
                break
            time.sleep(0.05)
        blocker.execute("ROLLBACK")
        thread.join(timeout=30)
    assert held is not None, "the block never waited on the row lock"
    observed = strongest(held)
    report = predict("commit-part-way", "none")
    update = next(s for s in report["statements"] if s["kind"] == "update")
    predicted = strongest((lock["relation"], lock["mode"]) for lock in update["heldLocks"] + update["effects"]["locks"])
    assert "public.orders" not in observed
    assert predicted == observed
