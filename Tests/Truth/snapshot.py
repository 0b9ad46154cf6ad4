"""What relations exist, under which stable names, and where their storage is.

Observations must not mention OIDs (they change from run to run), so every
relation gets a display name: `schema.name` for ordinary relations and
`pg_toast(schema.owner)` for TOAST tables, whose real names embed an OID.
"""

import re
from dataclasses import dataclass

RELKINDS = {
    "r": "table", "p": "partitioned-table", "i": "index", "I": "partitioned-index",
    "S": "sequence", "v": "view", "m": "materialized-view", "t": "toast",
    "c": "composite-type", "f": "foreign-table",
}

# Lock modes weakest first, as the server numbers them (lockdefs.h).
LOCK_MODES = [
    "AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
    "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock",
]

_RELATIONS_SQL = """
SELECT c.oid::bigint, n.nspname, c.relname, c.relkind, c.relfilenode::bigint,
       (SELECT o.oid::bigint FROM pg_class o WHERE o.reltoastrelid = c.oid),
       (SELECT i.indrelid::bigint FROM pg_index i WHERE i.indexrelid = c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
"""

_CONSTRAINTS_SQL = """
SELECT con.conname, con.contype, n.nspname || '.' || c.relname
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
"""


@dataclass(frozen=True)
class Relation:
    oid: int
    name: str       # display name, see module doc
    relname: str    # bare name, as DEBUG messages print it
    kind: str
    relfilenode: int  # 0 for relations without storage


@dataclass
class Snapshot:
    relations: dict     # oid -> Relation
    constraints: dict   # constraint name -> display names of the tables holding one (FKs preferred)

    def by_name(self):
        return {rel.name: rel for rel in self.relations.values()}


def take(conn):
    rows = conn.execute(_RELATIONS_SQL).fetchall()
    raw = {row[0]: row for row in rows}
    relations = {}
    for oid, nsp, relname, relkind, filenode, toast_owner, index_of in rows:
        name, kind = _display(raw, oid, nsp, relname, relkind, toast_owner, index_of)
        if name.startswith("pg_toast."):
            continue  # TOAST of a system catalog: not the patch's business
        relations[oid] = Relation(oid, name, relname, kind, filenode)
    # An FK on a partitioned table is cloned onto every partition under the
    # same name, so one name can belong to several tables.
    found = {}
    for conname, contype, table in conn.execute(_CONSTRAINTS_SQL).fetchall():
        found.setdefault(conname, {}).setdefault(contype == "f", set()).add(table)
    constraints = {name: sorted(by_type.get(True) or by_type[False])
                   for name, by_type in found.items()}
    return Snapshot(relations, constraints)


def _display(raw, oid, nsp, relname, relkind, toast_owner, index_of):
    if relkind == "t" and toast_owner in raw:
        owner = raw[toast_owner]
        return f"pg_toast({owner[1]}.{owner[2]})", "toast"
    if nsp == "pg_toast" and relkind == "i" and index_of in raw:
        toast = raw[index_of]
        owner = raw.get(toast[5])
        if owner:
            return f"pg_toast({owner[1]}.{owner[2]}).index", "toast-index"
    return f"{nsp}.{relname}", RELKINDS.get(relkind, relkind)


_TOAST_NAME = re.compile(r"pg_toast_(\d+)(_index)?")


def normalize_message(message, *snapshots):
    """Replace the OID inside pg_toast_<oid> names; a rewrite's transient heap
    has an OID no snapshot knows, so it becomes pg_toast(new heap)."""
    owners = {}
    for snap in snapshots:
        owners.update({rel.oid: rel.name for rel in snap.relations.values()})

    def replace(match):
        owner = owners.get(int(match.group(1)), "new heap")
        return f"pg_toast({owner})" + (".index" if match.group(2) else "")

    return _TOAST_NAME.sub(replace, message)


def qualify(relname, *snapshots):
    """Display name for a bare name from a DEBUG message; public wins a tie."""
    found = sorted({rel.name for snap in snapshots for rel in snap.relations.values()
                    if rel.relname == relname},
                   key=lambda name: (not name.startswith("public."), name))
    return found[0] if found else relname


def strongest(modes):
    return max(modes, key=LOCK_MODES.index)


_IDENTIFIER = re.compile(r'"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)')
_STRING = re.compile(r"'(?:[^']|'')*'")


def named_relations(statement, snapshot):
    """Pre-existing relations a static tool can see by name in the statement."""
    words = set()
    for quoted, bare in _IDENTIFIER.findall(_STRING.sub("''", statement)):
        words.add(quoted.replace('""', '"') if quoted else bare.lower())
    return sorted(rel.name for rel in snapshot.relations.values()
                  if rel.relname in words and not rel.kind.startswith("toast"))
