"""Shared fixtures: the live server's observations (one cluster per test run)
and the recorded ones in observed.json."""

import json
import os

import pytest

from cases import ALL_CASES
from cluster import Cluster
from observe import OBSERVED_PATH, observe_all


@pytest.fixture(scope="session")
def server():
    """(major version, observations of every case) from a throwaway cluster.
    Missing server, driver or gdb is an error with the install command, not a skip:
    these facts are what the truth tests exist to check."""
    with Cluster() as pg:
        version = pg.server_version()
        observations = observe_all(pg, ALL_CASES)
    return int(version.split(".")[0]), observations


@pytest.fixture(scope="session")
def recorded():
    if not os.path.exists(OBSERVED_PATH):
        pytest.fail(f"{OBSERVED_PATH} is missing: run python3 Tests/Truth/observe.py")
    with open(OBSERVED_PATH, encoding="utf-8") as handle:
        return json.load(handle)
