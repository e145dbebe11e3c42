"""SIGKILL at random moments and inside write transactions; after every kill the ledger
verifies, every asset is conserved, nothing is half-done, and every key the process
acknowledged is booked exactly once.
"""
from __future__ import annotations

import pytest

from tests.reliability.conftest import ledger_facts
from tests.support.cli import MilkCLI, milk_in_process



@pytest.fixture(scope="module")
def clean_init_facts(demo_template):
    return _comparable(ledger_facts(demo_template))


def _comparable(facts: dict) -> dict:
    """A demo profile's facts without what differs between two runs (times, hashes)."""
    from app.core.settings import DEFAULTS

    settings = {k: v for k, v in {**DEFAULTS, **facts["settings"]}.items()  # what the profile
                if k not in ("profile.created_at", "ledger.profile_id")}  # does, not its name
    return {"ok": facts["ok"], "balances": facts["balances"], "kinds": facts["kinds"],
            "links": facts["links"], "settings": settings,
            "created": "profile.created_at" in facts["settings"]}


def test_a_killed_init_demo_completes_when_run_again(tmp_path, clean_init_facts):
    """Killed inside each of its write transactions in turn, `init --demo` leaves no usable
    half-profile, and the next `init --demo` makes exactly the profile a clean run makes."""
    commit = 1  # the first creates the schema
    while True:
        commit += 1
        where = tmp_path / f"kill-at-{commit}"
        killed = MilkCLI(where, {"MILK_TEST_CRASH_AT": f"commit:{commit}"})("init", "--demo")
        if killed.code == 0:  # past its last commit: every one was tried
            break
        assert killed.code == -9, killed.stdout
        half = milk_in_process(where, "points")
        assert half.code == 3 and half.json["error"]["code"] == "no_profile", commit
        again = milk_in_process(where, "init", "--demo")
        assert again.code == 0, again.stdout
        assert _comparable(ledger_facts(where)) == clean_init_facts, commit
    assert commit > 8
