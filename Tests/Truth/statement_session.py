"""The one session that runs a case's statement.

It is opened for the statement alone, so its backend can be traced (and the
trace ends when the session closes), and every DEBUG line it receives belongs
to the statement.
"""

import snapshot
from tracer import LockTracer


class StatementSession:
    def __init__(self, pg, dbname, session_sql, trace):
        self.conn = pg.connect(dbname)
        self.conn.execute("SET statement_timeout = '120s'")
        if session_sql:
            self.conn.execute(session_sql)
        self.messages = []
        # The Diagnostic is only readable inside the callback: copy its fields out.
        self.conn.add_notice_handler(lambda diag: self.messages.append(
            (diag.severity_nonlocalized, diag.message_primary or "")))
        self.tracer = LockTracer(self.conn.info.backend_pid) if trace else None

    def close(self, database_oid):
        """Close the session; returns {relation oid: strongest mode requested}
        when traced, else None."""
        self.conn.close()
        if self.tracer is None:
            return None
        modes = {}
        for oid, mode in self.tracer.requests(database_oid):
            modes.setdefault(oid, set()).add(mode)
        return {oid: snapshot.strongest(found) for oid, found in modes.items()}
