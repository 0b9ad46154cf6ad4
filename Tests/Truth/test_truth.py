"""The truth tests: the cases are well formed, the live server still does what
observed.json records, and patchgate predicts what the server does."""

import json
import re

import os

import pytest

import compare
from cases import ALL_CASES
from known_gaps import KNOWN_GAPS
from observe import OBSERVED_PATH
from snapshot import LOCK_MODES

CASES = {case.id: case for case in ALL_CASES}
IDS = [case.id for case in ALL_CASES]
RECORDED_MAJOR = 15


def test_case_ids_are_unique():
    assert len(IDS) == len(set(IDS)), sorted({i for i in IDS if IDS.count(i) > 1})


def test_case_ids_are_kebab_case():
    assert [i for i in IDS if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)] == []


def test_there_are_at_least_130_cases():
    assert len(IDS) >= 130


def test_recorded_file_has_one_entry_per_case(recorded):
    assert sorted(recorded) == sorted(IDS)


def test_recorded_file_is_canonical(recorded):
    """Sorted keys, two-space indent, trailing newline: regenerating gives the same bytes."""
    with open(OBSERVED_PATH, encoding="utf-8") as handle:
        assert handle.read() == json.dumps(recorded, indent=2, sort_keys=True) + "\n"


@pytest.mark.parametrize("case_id", IDS)
def test_server_runs_the_case_as_expected(server, case_id):
    _, observations = server
    error = observations[case_id]["error"]
    expected = CASES[case_id].expect_error
    if expected is None:
        assert error is None
    else:
        assert error is not None and error.startswith(expected + ":"), error


@pytest.mark.parametrize("case_id", IDS)
def test_server_still_does_what_observed_json_records(server, recorded, case_id):
    major, observations = server
    if major != RECORDED_MAJOR:
        pytest.skip(f"observed.json records PostgreSQL {RECORDED_MAJOR}, this server is {major}")
    assert observations[case_id] == recorded[case_id]


LOCK_TABLE_CASES = [case.id for case in ALL_CASES if case.id.startswith("lock-table-") and case.trace]


@pytest.mark.parametrize("case_id", LOCK_TABLE_CASES)
def test_gdb_trace_reads_the_mode_lock_table_asked_for(server, case_id):
    """Calibrates tracer.py: LOCK TABLE t IN <mode> MODE requests exactly <mode> on t."""
    _, observations = server
    words = re.search(r"IN (.+) MODE", CASES[case_id].statement).group(1).title().replace(" ", "")
    assert words + "Lock" in LOCK_MODES
    assert observations[case_id]["lockRequests"] == [
        {"relation": "public.t", "kind": "table", "mode": words + "Lock"}]


def test_every_lock_mode_is_calibrated():
    assert len(LOCK_TABLE_CASES) == len(LOCK_MODES)


def test_known_gaps_name_cases():
    assert sorted(set(KNOWN_GAPS) - set(IDS)) == []


def test_known_gaps_stay_few():
    """The list is for gaps found along the way, not for the classes an issue names."""
    assert len(KNOWN_GAPS) <= 5, sorted(KNOWN_GAPS)


@pytest.mark.parametrize("case_id", [
    pytest.param(case_id, marks=pytest.mark.xfail(strict=True, raises=AssertionError,
                                                  reason=KNOWN_GAPS[case_id].reason))
    if case_id in KNOWN_GAPS else case_id for case_id in IDS])
def test_patchgate_predicts_what_the_server_does(recorded, case_id):
    case = CASES[case_id]
    observed = recorded[case_id]
    if observed["error"] is not None:
        pytest.skip(f"the server rejects this statement ({observed['error']})")
    try:
        effects = compare.predicted_effects(case)
    except compare.NotReady as reason:
        if os.environ.get("PATCHGATE_BIN"):
            pytest.fail(f"PATCHGATE_BIN is set but {reason}")
        pytest.skip(str(reason))
    found = compare.mismatches(observed, effects, case.statement)
    gap = KNOWN_GAPS.get(case_id)
    if gap is not None and found and found != list(gap.mismatches):
        # pytest.fail is not an AssertionError: the xfail mark does not absorb it.
        pytest.fail(f"known gap {case_id} changed: listed {list(gap.mismatches)}, now {found}")
    assert found == []
