"""Every heavyweight lock a backend asks for, read with gdb.

Statements that run outside a transaction block commit internal transactions
and drop some locks before they finish, so no single look at pg_locks shows
them all, and a lock that nothing contends can come and go between two
samples. A breakpoint on LockAcquireExtended sees every request, in order,
with its mode, whether or not it is granted at once.

The Debian server binary is stripped of debug info but exports its symbols
for extensions, so the breakpoint sits on the function's first instruction
and reads the System V arguments: %rdi -> LOCKTAG, %esi = LOCKMODE.
LOCKTAG (lock.h) is field1 uint32 (database oid), field2 uint32 (relation
oid), field3 uint32, field4 uint16, locktag_type uint8 (0 = relation).

The traced backend is one the harness opened for the statement alone; closing
its connection ends the process, and with it the gdb session, so no
breakpoint is ever left behind in a live server process.
"""

import os
import shutil
import subprocess
import tempfile

from snapshot import LOCK_MODES

GDB_HINT = "the truth tests trace locks with gdb: apt-get install -y gdb"
_RELATION = 0

# Backends get SIGUSR1 for sinval catch-up and barriers (another database's
# CREATE/DROP DATABASE sends them), SIGALRM for timeouts: hand every signal
# straight to the backend, or gdb would stop there and end the batch early.
_SCRIPT = r"""set pagination off
set confirm off
handle all nostop noprint pass
break *LockAcquireExtended
commands
silent
printf "LOCK %u %u %u %d\n", *(unsigned int *)$rdi, *(unsigned int *)($rdi + 4), *(unsigned char *)($rdi + 14), $esi
continue
end
echo READY\n
continue
"""


def gdb_path():
    path = shutil.which("gdb")
    if not path:
        raise RuntimeError(GDB_HINT)
    return path


class LockTracer:
    """Attach on construction; `requests()` after the backend has exited."""

    def __init__(self, pid):
        handle, self.script = tempfile.mkstemp(suffix=".gdb")
        with os.fdopen(handle, "w") as script:
            script.write(_SCRIPT)
        self.process = subprocess.Popen(
            [gdb_path(), "-q", "-nx", "-batch", "-p", str(pid), "-x", self.script],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.preamble = []
        for line in self.process.stdout:
            if line.startswith("READY"):
                return
            self.preamble.append(line)
        self.process.wait()
        os.unlink(self.script)
        raise RuntimeError(f"gdb could not attach to backend {pid}:\n{''.join(self.preamble)}")

    def requests(self, database_oid, timeout=60):
        """[(relation oid, mode name)] in request order, this database only."""
        try:
            output, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            # The backend should have exited; a stuck trace is a harness bug.
            self.process.kill()
            raise
        finally:
            os.unlink(self.script)
        found = []
        for line in output.splitlines():
            parts = line.split()
            if len(parts) != 5 or parts[0] != "LOCK":
                continue
            database, relation, locktag_type, mode = map(int, parts[1:])
            if locktag_type == _RELATION and database == database_oid:
                found.append((relation, LOCK_MODES[mode - 1]))
        return found
