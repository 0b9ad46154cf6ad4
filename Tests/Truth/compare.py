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


def predicted_effects(statement):
    binary = patchgate_binary()
    if not os.access(binary, os.X_OK):
        raise NotReady(f"no patchgate binary at {binary} (set PATCHGATE_BIN or swift build)")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "case.sql")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(statement.rstrip().rstrip(";") + ";\n")
        result = subprocess.run([binary, "check", "--format", "json", path], capture_output=True,
                                text=True, timeout=60)
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
    if statement.lstrip().upper().startswith("TRUNCATE"):
        # TRUNCATE swaps in new, empty files: the relfilenode changes but no row is copied
        # and no index is built. patchgate reports the data loss (rule truncate), not a rewrite.
        observed = dict(observed, rewrites=[], indexBuilds=[])
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
    # Builds of indexes the statement names or creates, on tables it did not
    # create (an index on a new table is built empty). A rewrite also rebuilds
    # every index of the table; naming those takes the catalog, so they are
    # left out. REINDEX INDEX names no table: then only the index is compared.
    visible = scope | set(observed["created"])
    created = set(observed["created"])

    def builds(listed):
        return sorted((b["index"], b["table"] if b["table"] in scope else "?") for b in listed
                      if b["index"] in visible and b["table"] not in created)

    seen_builds = builds(observed["indexBuilds"])
    said_builds = builds(effects.get("indexBuilds", []))
    if seen_builds != said_builds:
        found.append(f"indexBuilds: server {seen_builds}, patchgate {said_builds}")
    if observed["transactional"] != effects.get("transactional"):
        found.append(f"transactional: server {observed['transactional']}, "
                     f"patchgate {effects.get('transactional')}")
    return found
