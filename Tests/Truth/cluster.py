"""A throwaway PostgreSQL 15 cluster for the truth tests.

Facts about locks and rewrites must come from a real server, never from memory,
so every run starts its own cluster in a fresh temp dir, listens only on a Unix
socket inside that dir (nothing on the network can reach it, nothing else can
collide with it), and removes everything when the `with` block ends.

    with Cluster() as pg:
        with pg.connect("postgres") as conn: ...
"""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile

REQUIREMENTS_HINT = (
    "the truth tests need the psycopg driver: "
    "python3 -m pip install -r Tests/Truth/requirements.txt"
)
SERVER_HINT = (
    "the truth tests need a PostgreSQL 15 server: apt-get install -y postgresql "
    "(or set PG_BINDIR to a directory holding initdb, pg_ctl and postgres)"
)
PORT = 5432  # only names the socket file; the socket dir is private to this run


def psycopg():
    """Import the driver late so a missing install is one clear message."""
    try:
        import psycopg as driver
    except ImportError as error:
        raise RuntimeError(REQUIREMENTS_HINT) from error
    return driver


def find_bindir():
    """PG_BINDIR wins; otherwise the newest Debian server, preferring 15."""
    explicit = os.environ.get("PG_BINDIR")
    candidates = [explicit] if explicit else []
    candidates += ["/usr/lib/postgresql/15/bin"]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for path in candidates:
        if path and all(os.access(os.path.join(path, tool), os.X_OK)
                        for tool in ("initdb", "pg_ctl", "postgres")):
            return path
    raise RuntimeError(SERVER_HINT)


# Settings that make observations repeatable: no autovacuum touching tables
# behind our back, no parallel index builds (the DEBUG line names the worker
# count), UTC so timestamp/timestamptz facts do not depend on the machine.
SERVER_SETTINGS = {
    "listen_addresses": "''",
    "autovacuum": "off",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_parallel_maintenance_workers": "0",
    "max_parallel_workers_per_gather": "0",
    "timezone": "'UTC'",
    "lc_messages": "'C'",
    "max_connections": "40",
    "shared_buffers": "32MB",
    "log_min_messages": "warning",
    "logging_collector": "off",
}


class Cluster:
    """initdb + start on enter, stop + remove on exit, even after errors."""

    def __init__(self):
        self.bindir = find_bindir()
        self.dir = None
        self.started = False

    # -- lifecycle -----------------------------------------------------------

    def __enter__(self):
        psycopg()  # fail before initdb, not after a minute of work
        self.dir = tempfile.mkdtemp(prefix="patchgate-truth-")
        try:
            self._init()
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        try:
            if self.started:
                self._run("pg_ctl", "-D", self.datadir, "-m", "immediate", "-w", "stop",
                          check=False)
                self.started = False
        finally:
            if self.dir:
                shutil.rmtree(self.dir, ignore_errors=True)
                self.dir = None
        return False

    @property
    def datadir(self):
        return os.path.join(self.dir, "data")

    @property
    def socketdir(self):
        return self.dir

    @property
    def tablespace_dir(self):
        """An empty dir owned by the server user, for CREATE TABLESPACE."""
        return os.path.join(self.dir, "tablespace")

    def _init(self):
        os.makedirs(self.tablespace_dir)
        if os.geteuid() == 0:
            # initdb refuses to run as root; the Debian package ships this user.
            user = pwd.getpwnam("postgres")
            for path in (self.dir, self.tablespace_dir):
                os.chown(path, user.pw_uid, user.pw_gid)
        os.chmod(self.dir, 0o755)
        self._run("initdb", "-D", self.datadir, "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        conf = "".join(f"{key} = {value}\n" for key, value in SERVER_SETTINGS.items())
        conf += f"unix_socket_directories = '{self.socketdir}'\nport = {PORT}\n"
        self._append(os.path.join(self.datadir, "postgresql.auto.conf"), conf)

    def _start(self):
        self._run("pg_ctl", "-D", self.datadir, "-l", os.path.join(self.dir, "server.log"),
                  "-w", "-t", "60", "start")
        self.started = True

    def _append(self, path, text):
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)

    def _run(self, tool, *args, check=True):
        command = [os.path.join(self.bindir, tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, cwd=self.dir)
        if check and result.returncode != 0:
            raise RuntimeError(f"{tool} failed ({result.returncode}):\n{result.stdout}\n"
                               f"{self.server_log()}")
        return result

    def server_log(self):
        try:
            with open(os.path.join(self.dir, "server.log"), encoding="utf-8") as handle:
                return handle.read()[-4000:]
        except OSError:
            return ""

    # -- connections ---------------------------------------------------------

    def connect(self, dbname="postgres", autocommit=True):
        return psycopg().connect(host=self.socketdir, port=PORT, user="postgres",
                                 dbname=dbname, autocommit=autocommit)

    def server_version(self):
        with self.connect() as conn:
            return conn.execute("SHOW server_version").fetchone()[0]
