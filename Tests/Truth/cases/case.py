"""One statement shape whose effects the server is asked about."""

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Case:
    # Stable kebab-case id: observed.json and test names key on it.
    id: str
    # Runs first, in one implicit transaction, on a fresh database.
    setup: str
    # The one statement whose locks, rewrites, scans and index builds we record.
    statement: str
    # SET commands for the statement's own session (e.g. TimeZone), run before BEGIN.
    session: str = ""
    # SQLSTATE the server must answer with; None means the statement must succeed.
    expect_error: Optional[str] = None
    # What a static tool would have to know about the schema to predict this
    # (column types, existing constraints...); the statement alone does not say.
    static_context: Optional[str] = None
    # Also trace this transactional statement's lock requests with gdb, to
    # check the tracer against pg_locks (non-transactional ones always are).
    trace: bool = False
