"""Tests/PatchgateTests/corpus-runners.md names the runner that applies each series of
../shared/corpus. For every row: patchgate detects that runner (or names the candidates where
the layout is ambiguous), and under it the transaction-rule findings are exactly those this
test's oracle says the tool hits. The oracle knows only how the tool sends a file (wrapped,
one query, statement by statement) and PostgreSQL's rule for each; which statements refuse a
transaction block it takes from patchgate's own facts (`effects.transactional`), which the truth
cases check against the server."""

import os
import re
import subprocess

import pytest

from test_runner_fixtures import PATCHGATE, REPOSITORY, runners_listed

TABLE = os.path.join(REPOSITORY, "Tests", "PatchgateTests", "corpus-runners.md")
CORPUS = os.path.join(os.environ.get("PATCHGATE_SHARED", os.path.join(REPOSITORY, "..", "shared")), "corpus")

OPENS = re.compile(r"^(BEGIN|START\s+TRANSACTION)\b", re.I)
CLOSES = re.compile(r"^(COMMIT|END|ABORT)\b(?!\s+PREPARED)|^ROLLBACK\b(?!\s+(PREPARED|TO)\b)|^PREPARE\s+TRANSACTION\b", re.I)


def load_rows():
    rows = []
    with open(TABLE, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("| ") or line.startswith("| series ") or line.startswith("| ---"):
                continue
            series, files, runner, detected = [cell.strip() for cell in line.strip().strip("|").split("|")][:4]
            rows.append(dict(series=series, files=files, runner=runner, detected=detected))
    return rows


ROWS = load_rows()


def delivery(runner, path):
    """How the row's tool sends a file: wrapped, one unwrapped query, or statement by statement."""
    if runner in ("psql", "sqitch"):
        return "statement-by-statement"
    if runner in ("golang-migrate", "prisma") or (runner == "popx" and ".autocommit." in os.path.basename(path)):
        return "one-query"
    return "wrapped"


def in_block(statements, how):
    """For each statement, whether PostgreSQL runs it inside a transaction block; and whether the
    session would end inside the file's own BEGIN (psql only: a runner's COMMIT commits it)."""
    if how == "wrapped":
        return [True] * len(statements), False
    if how == "one-query":
        return [len(statements) > 1] * len(statements), False
    flags, open_block = [], False
    for statement in statements:
        text = statement["sql"].lstrip("( \n\t")
        if OPENS.match(text):
            flags.append(open_block)
            open_block = True
        elif CLOSES.match(text):
            flags.append(open_block)
            open_block = False
        else:
            flags.append(open_block)
    return flags, open_block


def expected_findings(report_file, runner):
    statements = report_file["statements"]
    flags, left_open = in_block(statements, delivery(runner, report_file["path"]))
    expected = {f"{report_file['path']}:{s['line']} concurrent-in-transaction"
                for s, inside in zip(statements, flags) if inside and s["effects"].get("transactional") is False}
    if left_open:
        expected.add(f"{report_file['path']} uncommitted-transaction")
    return expected, {s["line"] for s, inside in zip(statements, flags) if inside}


def found_findings(report_file):
    found, enum_lines = set(), set()
    for finding in report_file["findings"]:
        if finding["rule"] == "concurrent-in-transaction":
            found.add(f"{report_file['path']}:{finding['line']} concurrent-in-transaction")
        elif finding["rule"] == "uncommitted-transaction":
            found.add(f"{report_file['path']} uncommitted-transaction")
        elif finding["rule"] == "enum-value-in-transaction":
            enum_lines.add(finding["line"])
    return found, enum_lines


def check(files, runner):
    import json
    command = [PATCHGATE, "check", "--format", "json", "--no-config"] + (["--runner", runner] if runner else []) + [files]
    result = subprocess.run(command, capture_output=True, text=True, cwd=CORPUS, timeout=1200)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def corpus_binary():
    if not os.path.isdir(CORPUS):
        pytest.skip(f"no corpus at {CORPUS}")
    if not os.access(PATCHGATE, os.X_OK):
        pytest.fail(f"{PATCHGATE} is missing: run swift build first (or set PATCHGATE_BIN)")
    usage = subprocess.run([PATCHGATE, "check", "--help"], capture_output=True, text=True).stdout
    if "--runner" not in usage:
        pytest.skip("this patchgate has no --runner yet (issue 15)")
    return runners_listed(usage)


@pytest.mark.parametrize("row", ROWS, ids=[row["files"] for row in ROWS])
def test_patchgate_detects_the_runner(corpus_binary, row):
    report = check(row["files"], None)
    assert report["files"]
    detected = row["detected"]
    for report_file in report["files"]:
        if detected == "none":
            assert report_file.get("runner") is None, report_file["path"]
        elif detected.startswith("ambiguous:"):
            assert report_file.get("runner") in detected[len("ambiguous:"):].split(","), report_file["path"]
        else:
            assert report_file.get("runner") == detected, report_file["path"]
    if detected.startswith("ambiguous:"):
        candidates = detected[len("ambiguous:"):].split(",")
        messages = [f["message"] for report_file in report["files"] for f in report_file["findings"]
                    if f["rule"] == "ambiguous-runner"]
        assert any(all(c in m for c in candidates) for m in messages), messages


@pytest.mark.parametrize("row", ROWS, ids=[row["files"] for row in ROWS])
def test_no_transaction_finding_the_runner_would_not_hit(corpus_binary, row):
    if corpus_binary is not None and row["runner"] not in corpus_binary:
        pytest.skip(f"this patchgate does not list runner {row['runner']} for --runner yet")
    report = check(row["files"], row["runner"])
    unexpected, missing, enum_outside = [], [], []
    for report_file in report["files"]:
        if any(f["rule"] == "syntax-error" for f in report_file["findings"]):
            continue  # the statements PostgreSQL would see are not known past the error
        expected, lines_in_block = expected_findings(report_file, row["runner"])
        found, enum_lines = found_findings(report_file)
        unexpected += sorted(found - expected)
        missing += sorted(expected - found)
        enum_outside += [f"{report_file['path']}:{line}" for line in sorted(enum_lines - lines_in_block)]
    assert (unexpected, missing, enum_outside) == ([], [], [])
