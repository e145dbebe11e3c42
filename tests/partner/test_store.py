"""The reference partner's store on a clock the test moves: expiry, codes, and points
conserved through a long random run of operations, refusals and replays."""
from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from app.partner_server.problems import Problem
from app.partner_server.store import Store


class Clock:
    def __init__(self):
        self.now = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 12:00 KST

    def __call__(self):
        return self.now


@pytest.fixture
def store(tmp_path):
    clock = Clock()
    s = Store.open(tmp_path, "DELICAR", tica_points=10_000, now=clock)
    s.clock = clock
    yield s
    s.close()


def test_expired_lots_are_not_spendable_and_the_rest_goes_soonest_first(store):
    today = store.today()
    store.add_points("m-1", 100, today + timedelta(days=1))
    store.add_points("m-1", 200, today + timedelta(days=60))
    store.add_points("m-1", 300, today + timedelta(days=5))
    store.clock.now += timedelta(days=2)  # the first lot expired yesterday
    assert store.balance("m-1")["balance"] == 500
    with pytest.raises(Problem) as refused:
        store.redeem("r-1", "m-1", 501, None)
    assert refused.value.name == "insufficient-points"
    op, replayed = store.redeem("r-1", "m-1", 350, None)
    assert not replayed
    assert [(m["points"], m["expires_on"]) for m in op["lots"]] == [
        (300, (today + timedelta(days=5)).isoformat()),
        (50, (today + timedelta(days=60)).isoformat())]
    assert store.audit() == []


def test_codes_expire_and_the_request_window_resets(store):
    store.add_points("m-1", 1, store.today())
    for _ in range(5):
        code, _ = store.request_code("m-1")
    with pytest.raises(Problem) as limited:
        store.request_code("m-1")
    assert limited.value.name == "rate-limited" and limited.value.extensions["retry_after"] > 0
    store.clock.now += timedelta(minutes=10)
    with pytest.raises(Problem) as expired:
        store.confirm_code("m-1", code)
    assert expired.value.name == "code-expired"
    code, _ = store.request_code("m-1")  # a new window
    token = store.confirm_code("m-1", code)
    assert store.token_valid("m-1", token) and not store.token_valid("m-2", token)
    store.revoke_token("m-1", token)
    assert not store.token_valid("m-1", token)


def test_points_are_conserved_through_a_random_run(store):
    rng = random.Random(5)
    members = [f"m-{i}" for i in range(4)]
    for m in members:
        store.add_points(m, 1_000, store.today() + timedelta(days=rng.randint(0, 40)))
    applied: dict[str, dict] = {}
    outcomes = {"applied": 0, "replayed": 0, "refused": 0}
    for step in range(600):
        if step % 50 == 0:
            store.clock.now += timedelta(days=rng.randint(0, 9))  # lots expire on the way
        if step % 97 == 0:
            store.add_points(rng.choice(members), rng.randint(1, 500),
                             store.today() + timedelta(days=rng.randint(0, 90)))
        if applied and rng.random() < 0.2:  # a retry of an applied request, as it was
            key = rng.choice(sorted(applied))
            kind, member, points = (applied[key][k] for k in ("kind", "member_id", "points"))
        else:
            key = f"k-{rng.randint(0, 250)}"
            kind = rng.choice(["redeem", "issue", "void"])
            member, points = rng.choice(members), rng.randint(1, 400)
        try:
            if kind == "void":
                store.void(key)
                continue
            if kind == "redeem":
                op, replayed = store.redeem(key, member, points, None)
            else:
                op, replayed = store.issue(key, member, points, store.today(), None)
        except Problem:
            outcomes["refused"] += 1
            continue
        if replayed:
            assert op == applied[key]
        applied[key] = op
        outcomes["replayed" if replayed else "applied"] += 1
    assert min(outcomes.values()) > 5, outcomes
    assert store.audit() == []
    for key, op in applied.items():
        assert store.operation(key) == op
