"""Turn one run's raw facts (lock oids, DEBUG lines, two snapshots) into the
observed.json entry: names instead of OIDs, sorted lists, nothing run-specific."""

import re

import snapshot

_REWRITABLE = ("table", "materialized-view")
_VERIFYING = re.compile(r'^verifying table "(.+)"$')
_VALIDATING_FK = re.compile(r'^validating foreign key constraint "(.+)"$')
_BUILDING = re.compile(r'^building index "(.+)" on table "(.+?)"')
# REINDEX CONCURRENTLY builds a twin named <index>_ccnew[N], then swaps it in.
_CONCURRENT_TWIN = re.compile(r"_ccnew\d*$")


def entry(case, before, after, run, messages):
    lines = [snapshot.normalize_message(text, before, after)
             for severity, text in messages if severity == "DEBUG"]
    notices = [f"{severity}: {snapshot.normalize_message(text, before, after)}"
               for severity, text in messages if severity != "DEBUG"]
    storage = _storage_changes(before, after)
    return {
        "locks": locks(before, run["locks"]),
        "lockRequests": None if run["traced"] is None else locks(before, run["traced"]),
        "rewrites": sorted(rel.name for rel in storage if rel.kind in _REWRITABLE),
        "rebuiltIndexes": sorted(rel.name for rel in storage if rel.kind == "index"),
        "relfilenodeChanged": sorted(rel.name for rel in storage),
        "scans": _scans(lines, before, after),
        "indexBuilds": _index_builds(lines, before, after),
        "transactional": run["transactional"],
        "debug": lines,
        "notices": notices,
        "xactSeqScans": None if run["xact_scans"] is None else sorted(
            before.relations[oid].name for oid in run["xact_scans"] if oid in before.relations),
        "named": snapshot.named_relations(case.statement, before),
        "created": _created(before, after),
        "dropped": _dropped(before, after),
        "error": run["error"],
    }


def failed(error):
    """The entry of a case the harness itself could not observe."""
    return {"locks": [], "lockRequests": None, "rewrites": [], "rebuiltIndexes": [],
            "relfilenodeChanged": [], "scans": [], "indexBuilds": [], "transactional": None,
            "debug": [], "notices": [], "xactSeqScans": None, "named": [], "created": [],
            "dropped": [], "error": error}


def locks(before, modes_by_oid):
    # Relations the statement created are its own business: only pre-existing ones count.
    found = [{"relation": before.relations[oid].name, "kind": before.relations[oid].kind,
              "mode": mode} for oid, mode in modes_by_oid.items() if oid in before.relations]
    return sorted(found, key=lambda lock: lock["relation"])


def _storage_changes(before, after):
    """Pre-existing relations whose storage was replaced. A relation that lost its
    OID but whose name came back (REINDEX CONCURRENTLY swaps in a new index)
    counts as replaced too."""
    after_by_name = after.by_name()
    changed = []
    for oid, rel in before.relations.items():
        if rel.relfilenode == 0:
            continue
        now = after.relations.get(oid) or after_by_name.get(rel.name)
        if now is not None and now.kind == rel.kind and now.relfilenode != rel.relfilenode:
            changed.append(rel)
    return changed


def _created(before, after):
    known = set(before.by_name())
    return sorted(name for name, rel in after.by_name().items()
                  if name not in known and not rel.kind.startswith("toast"))


def _dropped(before, after):
    remaining_oids = set(after.relations)
    remaining_names = set(after.by_name())
    return sorted(rel.name for oid, rel in before.relations.items()
                  if oid not in remaining_oids and rel.name not in remaining_names
                  and not rel.kind.startswith("toast"))


def _scans(lines, before, after):
    tables = set()
    for line in lines:
        if match := _VERIFYING.match(line):
            tables.add(snapshot.qualify(match.group(1), after, before))
        elif match := _VALIDATING_FK.match(line):
            # The server names only the constraint; every table holding it with
            # storage is scanned (a partitioned parent has none: its partitions are).
            name = match.group(1)
            holders = after.constraints.get(name) or before.constraints.get(name) or [name]
            kinds = {rel.name: rel.kind for snap in (before, after) for rel in snap.relations.values()}
            tables.update(table for table in holders if kinds.get(table) != "partitioned-table")
    return sorted(tables)


def _index_builds(lines, before, after):
    builds = set()
    for line in lines:
        match = _BUILDING.match(line)
        if match and not match.group(1).startswith("pg_toast("):
            index = _CONCURRENT_TWIN.sub("", match.group(1))
            builds.add((snapshot.qualify(index, after, before),
                        snapshot.qualify(match.group(2), after, before)))
    return [{"index": index, "table": table} for index, table in sorted(builds)]
