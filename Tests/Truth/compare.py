"""Compare patchgate's predicted effects of one statement with what the server did.

The static tool sees only the statement, so the comparison is limited to the
relations the statement names ("named" in observed.json): locks the server
took on other relations (indexes of a rewritten table, the referenced side of
an FK found through the catalog) need schema knowledge the tool may not have.
"""

import json
import os
import subprocess
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def patchgate_binary():
    path = os.environ.get("PATCHGATE_BIN", ".build/debug/patchgate")
    return path if os.path.isabs(path) else os.path.join(REPO, path)


class NotReady(Exception):
    """patchgate cannot be compared yet (missing binary, no effects): a skip, not a failure."""


def predicted_effects(case):
    """patchgate's effects of the case's statement, checked as the server ran it: the setup is
    the schema (--schema), and the session's SET commands come first in the file."""
    binary = patchgate_binary()
    if not os.access(binary, os.X_OK):
        raise NotReady(f"no patchgate binary at {binary} (set PATCHGATE_BIN or swift build)")
    with tempfile.TemporaryDirectory() as tmp:
        schema = os.path.join(tmp, "schema.sql")
        with open(schema, "w", encoding="utf-8") as handle:
            handle.write(case.setup)
        path = os.path.join(tmp, "case.sql")
        with open(path, "w", encoding="utf-8") as handle:
            for setting in filter(None, (line.strip() for line in case.session.split(";"))):
                handle.write(setting + ";\n")
            handle.write(case.statement.rstrip().rstrip(";") + ";\n")
        result = subprocess.run([binary, "check", "--format", "json", "--no-config", "--schema", schema, path],
                                capture_output=True, text=True, timeout=60)
    try:
        report = json.loads(result.stdout)
        effects = report["files"][0]["statements"][-1].get("effects")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        raise NotReady(f"patchgate check gave no statement JSON (exit {result.returncode})") from None
    if not isinstance(effects, dict) or effects.get("unknown"):
        raise NotReady("patchgate does not predict effects for this statement yet")
    return effects


def mismatches(observed, effects, statement=""):
    """Human-readable differences, empty when patchgate agrees with the server."""
    scope = set(observed["named"])
    found = []
    truncates = statement.lstrip().upper().startswith("TRUNCATE")
    if truncates:
        # TRUNCATE swaps in new, empty files: the relfilenode changes but no row is copied.
        # patchgate reports the data loss (rule truncate), not a rewrite; its indexes are
        # built again, empty, and compared below.
        observed = dict(observed, rewrites=[])
    seen_locks = {lock["relation"]: lock["mode"] for lock in observed["locks"]}
    said_locks = {lock["relation"]: lock["mode"] for lock in effects.get("locks", [])}
    for relation in sorted(scope):
        if seen_locks.get(relation) != said_locks.get(relation):
            found.append(f"lock on {relation}: server {seen_locks.get(relation)}, "
                         f"patchgate {said_locks.get(relation)}")
    for key in ("rewrites", "scans"):
        seen = sorted(set(observed[key]) & scope)
        said = sorted(set(effects.get(key, [])) & scope)
        if seen != said:
            found.append(f"{key}: server {seen}, patchgate {said}")
    seen_builds = server_builds(observed, statement, truncates)
    said_builds = sorted(((b["index"], b["table"], b.get("method"), b.get("emptyTable"))
                          for b in effects.get("indexBuilds", [])), key=str)
    if seen_builds != said_builds:
        found.append(f"indexBuilds: server {seen_builds}, patchgate {said_builds}")
    if observed["transactional"] != effects.get("transactional"):
        found.append(f"transactional: server {observed['transactional']}, "
                     f"patchgate {effects.get('transactional')}")
    return found


def server_builds(observed, statement, truncates):
    """Every index the server built (TOAST left out), as (index, table, method, emptyTable):
    new when the statement created it, else rebuilt; concurrent when the statement says so;
    on an empty table when the table is new or the statement truncates it."""
    concurrent = "CONCURRENTLY" in statement.upper()
    created = set(observed["created"])
    builds = []
    for build in observed["indexBuilds"]:
        method = "concurrent" if concurrent else "new" if build["index"] in created else "rebuild"
        builds.append((build["index"], build["table"], method, truncates or build["table"] in created))
    return sorted(builds, key=str)
