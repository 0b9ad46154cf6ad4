"""Each runner fixture (fixtures/runners/<runner>/cases.json) is sent to a throwaway PostgreSQL
15 the way its migration tool sends it (runner_delivery.py), and:
- the server does what the case expects (the file applies, or it fails: an error, or a
  transaction nothing commits, rolled back when the session ends);
- patchgate, told the runner, calls exactly the failing files invalid."""

import json
import os
import re
import subprocess

import pytest

from cluster import PORT, Cluster, psycopg
from runner_delivery import DELIVERIES, DriverStatement, Psql, Query, Refused

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIXTURES = os.path.join(REPOSITORY, "fixtures", "runners")
SCHEMA = os.path.join(FIXTURES, "schema.sql")
RUNNER_IDS = sorted(DELIVERIES)


def load_cases():
    cases = []
    for runner in sorted(os.listdir(FIXTURES)):
        manifest = os.path.join(FIXTURES, runner, "cases.json")
        if os.path.isfile(manifest):
            with open(manifest, encoding="utf-8") as handle:
                for case in json.load(handle)["cases"]:
                    cases.append(dict(case, runner=runner, id=f"{runner}/{case['name']}"))
    return cases


CASES = load_cases()
IDS = [case["id"] for case in CASES]


def case_path(case):
    return os.path.join(FIXTURES, case["runner"], case["check"])


# The objects a fixture can change: any difference means something was committed.
FINGERPRINT = """
SELECT coalesce(string_agg(item, ' ' ORDER BY item), '') FROM (
  SELECT c.relname::text || ':' || c.relkind::text || ':' || c.relfilenode::text || ':' || coalesce(i.indisvalid::text, '')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_index i ON i.indexrelid = c.oid WHERE n.nspname = 'public'
  UNION ALL
  SELECT a.attrelid::regclass::text || '.' || a.attname::text FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT 'label:' || enumlabel::text FROM pg_enum
  UNION ALL SELECT 'function:' || p.proname::text FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
) AS objects(item)
"""


class Server:
    """One cluster for the module: a base database holding schema.sql, one copy per case."""

    def __init__(self, pg):
        self.pg = pg
        self.count = 0
        with pg.connect() as conn:
            conn.execute("CREATE DATABASE runner_base")
        with pg.connect("runner_base") as conn:
            with open(SCHEMA, encoding="utf-8") as handle:
                conn.pgconn.exec_(handle.read().encode())
        self.base_fingerprint = self.fingerprint("runner_base")

    def fresh_database(self):
        self.count += 1
        name = f"runner_case_{self.count}"
        with self.pg.connect() as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE runner_base")
        return name

    def fingerprint(self, dbname):
        with self.pg.connect(dbname) as conn:
            return conn.execute(FINGERPRINT).fetchone()[0]

    def apply(self, steps):
        """(applied, why): applied means no error, nothing left uncommitted, something changed."""
        refused = [step.reason for step in steps if isinstance(step, Refused)]
        if refused:
            return False, "refused by the tool: " + refused[0]
        dbname = self.fresh_database()
        if isinstance(steps[0], Psql):
            error = self.run_psql(dbname, steps[0])
        else:
            error = self.run_queries(dbname, steps)
        changed = self.fingerprint(dbname) != self.base_fingerprint
        self.drop(dbname)
        if error:
            return False, error
        if not changed:
            return False, "nothing was committed"
        return True, "applied"

    def drop(self, dbname):
        """Each copy holds a few MB: dropped at once, the cluster stays small to remove."""
        with self.pg.connect() as conn:
            conn.execute(f"DROP DATABASE {dbname}")

    def run_psql(self, dbname, step):
        command = ["psql", "-X", "-q", "-h", self.pg.socketdir, "-p", str(PORT), "-U", "postgres",
                   "-d", dbname, *step.options, "-f", step.path]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return None if result.returncode == 0 else f"psql exit {result.returncode}: {result.stderr.strip()}"

    def run_queries(self, dbname, steps):
        pq = psycopg().pq
        with self.pg.connect(dbname) as conn:
            session = conn.pgconn
            for step in steps:
                if isinstance(step, DriverStatement) and session.transaction_status == pq.TransactionStatus.IDLE:
                    session.exec_(b"BEGIN")
                result = session.exec_(step.sql.encode())
                if result.status == pq.ExecStatus.FATAL_ERROR:
                    return (result.error_message or b"").decode().strip()
            if session.transaction_status != pq.TransactionStatus.IDLE:
                return "the session ends inside a transaction: rolled back"
        return None


@pytest.fixture(scope="module")
def runner_server():
    with Cluster() as pg:
        yield Server(pg)


def test_every_runner_has_fixtures_that_apply_and_fixtures_that_fail():
    by_runner = {runner: {c["expect"] for c in CASES if c["runner"] == runner} for runner in RUNNER_IDS}
    assert by_runner == {runner: {"applies", "fails"} for runner in RUNNER_IDS}


def test_fixture_directories_are_the_runners_and_their_cases():
    """Every runner id has a directory, and every directory below it is a listed case."""
    assert sorted(d for d in os.listdir(FIXTURES) if os.path.isdir(os.path.join(FIXTURES, d))) == RUNNER_IDS
    for runner in RUNNER_IDS:
        listed = sorted(c["name"] for c in CASES if c["runner"] == runner)
        present = sorted(d for d in os.listdir(os.path.join(FIXTURES, runner))
                         if os.path.isdir(os.path.join(FIXTURES, runner, d)))
        assert present == listed, runner


@pytest.mark.parametrize("case_id", IDS)
def test_case_is_well_formed(case_id):
    case = CASES[IDS.index(case_id)]
    assert case["expect"] in ("applies", "fails")
    assert os.path.isfile(case_path(case)), case_path(case)
    assert case["cite"].strip() and case["why"].strip()
    assert case["refusedBy"] is None or case["expect"] == "fails"


@pytest.mark.parametrize("case_id", IDS)
def test_server_does_what_the_case_expects(runner_server, case_id):
    case = CASES[IDS.index(case_id)]
    steps = DELIVERIES[case["runner"]](case_path(case), case["options"])
    applied, why = runner_server.apply(steps)
    assert ("applies" if applied else "fails") == case["expect"], why
    assert (case["refusedBy"] is not None) == why.startswith("refused by the tool"), why


# --- patchgate's verdicts ----------------------------------------------------------------------

PATCHGATE = os.path.abspath(os.environ.get("PATCHGATE_BIN", os.path.join(REPOSITORY, ".build", "debug", "patchgate")))
TRANSACTION_RULES = {"concurrent-in-transaction", "enum-value-in-transaction", "uncommitted-transaction"}


def config_text(case):
    """`.patchgate.yml` naming the case's runner and the options that live outside its files."""
    options = "".join(f", {key}: {json.dumps(value)}" for key, value in sorted(case["options"].items()))
    return f"runner: {{name: {case['runner']}{options}}}\n"


def patchgate_report(case, directory):
    config = os.path.join(directory, ".patchgate.yml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(config_text(case))
    command = [PATCHGATE, "check", "--format", "json", "--config", config, "--schema", SCHEMA,
               case_path(case)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPOSITORY, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    files = [entry for entry in report["files"] if os.path.abspath(os.path.join(REPOSITORY, entry["path"])) == case_path(case)]
    assert len(files) == 1, [entry["path"] for entry in report["files"]]
    return files[0]


CONTROL = {"BEGIN", "START TRANSACTION", "COMMIT"}


def wrappings(steps):
    """How this test's model wraps the statements it sends: the JSON `wrapping` values."""
    if isinstance(steps[0], Psql):
        return {"runner-transaction" if "--single-transaction" in steps[0].options else "none"}
    found, open_block = set(), False
    for step in steps:
        if isinstance(step, Query) and step.sql in CONTROL:
            open_block = step.sql != "COMMIT"
        else:
            found.add("runner-transaction" if open_block or isinstance(step, DriverStatement) else "none")
    return found


@pytest.fixture(scope="module")
def patchgate_with_runners():
    if not os.access(PATCHGATE, os.X_OK):
        pytest.fail(f"{PATCHGATE} is missing: run swift build first (or set PATCHGATE_BIN)")
    usage = subprocess.run([PATCHGATE, "check", "--help"], capture_output=True, text=True).stdout
    if "--runner" not in usage:
        pytest.skip("this patchgate has no --runner yet (issue 15)")
    return runners_listed(usage)


def runners_listed(usage):
    """The runner ids `check --help` lists for --runner, or None when it lists none (then every
    id is tried, and an unknown one fails the case)."""
    option = usage[usage.index("--runner"):]
    following = re.search(r"\n\s*-", option)
    values = re.search(r"\(values:([^)]*)\)", option[:following.start()] if following else option)
    return None if values is None else {value.strip() for value in values.group(1).split(",")}


@pytest.mark.parametrize("case_id", IDS)
def test_patchgate_calls_exactly_the_failing_files_invalid(patchgate_with_runners, tmp_path, case_id):
    case = CASES[IDS.index(case_id)]
    if patchgate_with_runners is not None and case["runner"] not in patchgate_with_runners:
        pytest.skip(f"this patchgate does not list runner {case['runner']} for --runner yet")
    report = patchgate_report(case, str(tmp_path))
    assert report.get("runner") == case["runner"]
    steps = DELIVERIES[case["runner"]](case_path(case), case["options"])
    if not any(isinstance(step, Refused) for step in steps):
        up_units = [unit for unit in report["units"] if unit["direction"] == "up"]
        assert {unit["wrapping"] for unit in up_units} == wrappings(steps), report["units"]
    findings = sorted(f"{f['rule']}@{f['line']}" for f in report["findings"] if f["severity"] == "error")
    assert (report["verdict"] == "invalid") == (case["expect"] == "fails"), (report["verdict"], findings)


STATEMENT_BY_STATEMENT_CASES = [case["id"] for case in CASES if case["runner"] in ("psql", "sqitch")]


@pytest.mark.parametrize("case_id", STATEMENT_BY_STATEMENT_CASES)
def test_transaction_none_checks_a_file_as_psql_f_sends_it(case_id):
    """`--transaction none` is psql -f's delivery (statement by statement, only the file's own
    BEGIN/COMMIT): for the psql and Sqitch fixtures it must call exactly the failing files invalid."""
    if not os.access(PATCHGATE, os.X_OK):
        pytest.fail(f"{PATCHGATE} is missing: run swift build first (or set PATCHGATE_BIN)")
    case = CASES[IDS.index(case_id)]
    command = [PATCHGATE, "check", "--format", "json", "--no-config", "--transaction", "none",
               "--schema", SCHEMA, case_path(case)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPOSITORY, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    (report,) = [entry for entry in json.loads(result.stdout)["files"]
                 if os.path.abspath(os.path.join(REPOSITORY, entry["path"])) == case_path(case)]
    findings = sorted(f"{f['rule']}@{f['line']}" for f in report["findings"] if f["severity"] == "error")
    assert (report["verdict"] == "invalid") == (case["expect"] == "fails"), (report["verdict"], findings)
