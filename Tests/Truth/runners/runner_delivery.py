"""How each migration tool sends a fixture to PostgreSQL: this test's own model of the tools,
written from their source (the citations in fixtures/runners/*/cases.json), independent of
patchgate's. A delivery is a list of steps:

- Query(sql): one simple Query message on an autocommit connection (lib/pq and pgx without
  arguments, node-postgres, tokio-postgres batch_execute, sqlx without arguments, PQexec);
- DriverStatement(sql): a statement through a driver with autocommit off (pgJDBC, psycopg2),
  which sends BEGIN first whenever the session is idle — again after a COMMIT in the file;
- Psql(options, path): the psql client on the file (psql -f, -1, Sqitch);
- Refused(reason): the tool rejects the file before sending anything.
"""

import os
import re
from dataclasses import dataclass

from sql_pieces import statements


@dataclass(frozen=True)
class Query:
    sql: str


@dataclass(frozen=True)
class DriverStatement:
    sql: str


@dataclass(frozen=True)
class Psql:
    options: tuple
    path: str


@dataclass(frozen=True)
class Refused:
    reason: str


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def in_transaction(units):
    """Each unit in the runner's own BEGIN … COMMIT."""
    return [Query("BEGIN"), *units, Query("COMMIT")]


# --- one function per runner: (the migration file's path, the case's runner options) -> steps


def psql(path, options):
    return [Psql(("-v", "ON_ERROR_STOP=1"), path)]


def psql_single_transaction(path, options):
    return [Psql(("-v", "ON_ERROR_STOP=1", "--single-transaction"), path)]


def sqitch(path, options):
    return psql(path, options)  # pg.pm run_file: psql --file, ON_ERROR_STOP=1


# Flyway's PostgreSQLParser: the statements it runs outside a transaction (server >= 12).
FLYWAY_NON_TRANSACTIONAL = re.compile(
    r"^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY|^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)"
    r"|^VACUUM|^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)|^ALTER SYSTEM|^DISCARD ALL",
    re.I)


def flyway(path, options):
    pieces = statements(read(path))
    conf = path + ".conf"
    configured = read(conf) if os.path.exists(conf) else ""
    non_transactional = [p for p in pieces if FLYWAY_NON_TRANSACTIONAL.match(" ".join(p.split()))]
    in_tx = not non_transactional and "executeInTransaction=false" not in configured
    if non_transactional and len(non_transactional) < len(pieces) and not options.get("mixed") \
            and "executeInTransaction" not in configured:
        return [Refused("Detected both transactional and non-transactional statements")]
    if in_tx:
        return [DriverStatement(p) for p in pieces] + [Query("COMMIT")]
    return [Query(p) for p in pieces]


CHANGESET = re.compile(r"^--\s*changeset\s+\S+", re.I | re.M)


def liquibase(path, options):
    text = read(path)
    starts = [m.start() for m in CHANGESET.finditer(text)] + [len(text)]
    steps = []
    for begin, end in zip(starts, starts[1:]):
        header, _, body = text[begin:end].partition("\n")
        pieces = statements(body)
        if re.search(r"runInTransaction:false", header):
            steps += [Query(p) for p in pieces]
        else:
            steps += [DriverStatement(p) for p in pieces] + [Query("COMMIT")]
    return steps


def golang_migrate(path, options):
    text = read(path)
    if not options.get("multiStatement"):
        return [Query(text)]
    # multistmt.Parse cuts at every ';' byte, SQL or not; blank pieces are skipped
    return [Query(piece) for piece in text.split(";") if piece.strip()]


def goose(path, options):
    """internal/sqlparser/parser.go, the up direction."""
    state, use_tx, buffer, pieces = "start", True, [], []
    for line in read(path).split("\n"):
        stripped = line.strip()
        if state == "start" and not stripped:
            continue
        if stripped.startswith("--") and "+goose" in line:
            annotation = stripped.split("+goose", 1)[1].strip()
            if annotation == "Up":
                state = "up"
            elif annotation == "Down":
                if "".join(buffer).strip():
                    return [Refused("unexpected unfinished SQL query: missing semicolon?")]
                state = "down"
            elif annotation == "StatementBegin":
                state = state + "-block"
            elif annotation == "StatementEnd":
                if state == "up-block":
                    pieces.append("\n".join(buffer))
                buffer, state = [], state[:-len("-block")]
            elif annotation == "NO TRANSACTION":
                use_tx = False
            continue
        if not buffer and (stripped.startswith("--") or line == ""):
            continue
        if state.startswith("down"):
            continue
        buffer.append(line)
        if state == "up" and _goose_ends_statement(line):
            pieces.append("\n".join(buffer))
            buffer = []
    if "".join(buffer).strip():
        return [Refused("unexpected unfinished SQL query: missing semicolon?")]
    units = [Query(piece) for piece in pieces]
    return in_transaction(units) if use_tx else units


def _goose_ends_statement(line):
    words = []
    for word in line.split():
        if word.startswith("--"):
            break
        words.append(word)
    return bool(words) and words[-1].endswith(";")


def dbmate(path, options):
    text = read(path)
    up = re.search(r"^-- migrate:up(.*)$", text, re.M)
    down = re.search(r"^-- migrate:down.*$", text, re.M)
    section = text[up.end():down.start() if down else len(text)]
    unit = [Query(section)]
    return unit if "transaction:false" in up.group(1) else in_transaction(unit)


def prisma(path, options):
    text = read(path)
    if options.get("splitsStatements"):
        return [Query(p) for p in statements(text)]
    return [Query(text)]


def diesel(path, options):
    metadata = os.path.join(os.path.dirname(path), "metadata.toml")
    unit = [Query(read(path))]
    if os.path.exists(metadata) and re.search(r"run_in_transaction\s*=\s*false", read(metadata)):
        return unit
    return in_transaction(unit)


def sqlx(path, options):
    text = read(path)
    return [Query(text)] if text.startswith("-- no-transaction") else in_transaction([Query(text)])


def node_pg_migrate(path, options):
    text = read(path)
    up = re.search(r"^\s*--[\s-]*up\s+migration", text, re.I | re.M)
    down = re.search(r"^\s*--[\s-]*down\s+migration", text, re.I | re.M)
    start = up.start() if up else 0
    section = text[start:down.start() if down and down.start() > start else len(text)]
    return in_transaction([Query(section)])  # singleTransaction: BEGIN for the run


def postgres_migrations(path, options):
    text = read(path)
    if "-- postgres-migrations disable-transaction" in text:
        return [Query(text)]
    return [Query("START TRANSACTION"), Query(text), Query("COMMIT")]


def graphile_migrate(path, options):
    lines = read(path).split("\n")
    headers = 0
    while headers < len(lines) and re.match(r"^--! ([A-Z][a-zA-Z0-9_]*)(?::(.*))?$", lines[headers]):
        headers += 1
    body = "\n".join(lines[headers:]).strip() + "\n"
    unit = [Query(body)]
    return unit if re.match(r"^--!\s*no-transaction\b", body.split("\n", 1)[0]) else in_transaction(unit)


def atlas(path, options):
    text = read(path)
    header = text.split("\n\n", 1)[0] if "\n\n" in text else ""
    directive = re.search(r"^-- atlas:txmode (\w+)", header, re.M)
    mode = directive.group(1) if directive else options.get("txMode", "file")
    units = [Query(p) for p in statements(text)]
    return units if mode == "none" else in_transaction(units)


def refinery(path, options):
    return in_transaction([Query(read(path))])


def popx(path, options):
    unit = [Query(read(path))]
    return unit if ".autocommit." in os.path.basename(path) else in_transaction(unit)


def launchpad(path, options):
    return [DriverStatement(read(path)), Query("COMMIT")]  # psycopg2, autocommit off


DELIVERIES = {
    "psql": psql, "psql-single-transaction": psql_single_transaction, "flyway": flyway,
    "liquibase": liquibase, "golang-migrate": golang_migrate, "goose": goose, "dbmate": dbmate,
    "prisma": prisma, "diesel": diesel, "sqlx": sqlx, "node-pg-migrate": node_pg_migrate,
    "postgres-migrations": postgres_migrations, "sqitch": sqitch, "graphile-migrate": graphile_migrate,
    "atlas": atlas, "refinery": refinery, "popx": popx, "launchpad": launchpad,
}
