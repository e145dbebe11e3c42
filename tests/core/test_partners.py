"""Linking, unlinking and syncing against the demo partners (the reference server's
application in-process, its data in the profile), demo members, and the catalog file.
Conversions through the partners: tests/partner/test_conversions.py."""
from __future__ import annotations

from datetime import timedelta

import pytest

from app.core.errors import ExternalError, InputError, RuleError
from app.core.partners import Catalog
from app.partner_server.demo_members import demo_lots
from app.partner_server.store import Store

CATALOG = Catalog.load()
DELICAR = CATALOG.get("DELICAR")


def delicar(services) -> Store:
    """The demo Delicar's own store, as `milk-partner` opens it (another handle on the file)."""
    return Store.open(services.ctx.partners_dir / "DELICAR", now=services.ctx.clock.now)


def link(services, code="DELICAR", member="minji-77"):
    challenge = services.partners.request_code(code, member)
    return services.partners.link(code, member, challenge.demo_code)


def test_demo_members_are_deterministic_with_points_expiring_soon(clock):
    today = clock.today()
    a, b = demo_lots(DELICAR, "minji", today), demo_lots(DELICAR, "minji", today)
    assert a == b != demo_lots(DELICAR, "jisoo", today)
    assert any(expires <= today + timedelta(days=30) for _, _, expires in a)


@pytest.mark.parametrize("member", ["", "ab", "has space", "x" * 65, "한글"])
def test_member_ids_are_validated(services, member):
    with pytest.raises(InputError) as e:
        services.partners.request_code("DELICAR", member)
    assert e.value.code == "bad_member_id"


def test_linking_confirms_the_code_and_shows_the_partners_points(services):
    wrong = services.partners.request_code("DELICAR", "minji-77")
    with pytest.raises(InputError) as e:
        services.partners.link("DELICAR", "minji-77", "000000" if wrong.demo_code != "000000"
                               else "111111")
    assert e.value.code == "wrong_code"
    result = link(services)
    store = delicar(services)
    try:
        at_partner = store.balance("minji-77")
    finally:
        store.close()
    assert result.imported == at_partner["balance"] == services.points.balance("DELICAR")
    lots = {lot.source_ref: lot.remaining for h in services.points.overview().holdings
            if h.partner.code == "DELICAR" for lot in h.lots}
    assert lots == {lot["id"]: lot["points"] for lot in at_partner["lots"]}
    assert services.partners.sync("DELICAR").entry_seq is None  # nothing changed
    assert services.admin.verify().ok


def test_sync_mirrors_points_earned_and_spent_at_the_partner(services, clock):
    link(services)
    before = services.points.balance("DELICAR")
    store = delicar(services)
    try:
        store.add_points("minji-77", 6000, clock.today() + timedelta(days=200))
        first = store.balance("minji-77")["lots"][0]  # soonest to expire
        store.spend("minji-77", first["points"] + 100)  # one lot used up, the next one dented
        now = store.balance("minji-77")
    finally:
        store.close()
    r = services.partners.sync("DELICAR")
    assert (r.imported, r.adjusted) == (6000, -(first["points"] + 100))
    assert services.points.balance("DELICAR") == now["balance"] == before + 6000 - \
        first["points"] - 100
    assert services.partners.sync("DELICAR").entry_seq is None
    assert services.admin.verify().ok


class UnreachableDelicar:
    """A partner that cannot be reached (a unit-level stand-in: the real thing is in
    tests/reliability/test_partner_faults.py)."""

    def lots(self, member_id, linked_on, today):
        raise ExternalError("Could not reach Delicar.", code="partner_unreachable")


def test_sync_failures_are_recorded_and_change_nothing(services):
    link(services)
    head = services.admin.verify().head_seq
    real = services.ctx.connector
    services.ctx.connector = lambda p: UnreachableDelicar() if p.code == "DELICAR" else real(p)
    with pytest.raises(ExternalError):
        services.partners.sync("DELICAR")
    status = next(s for s in services.partners.catalog() if s.partner.code == "DELICAR")
    assert status.last_sync_status.startswith("failed")
    assert services.admin.verify().head_seq == head


def test_link_rules(services):
    with pytest.raises(RuleError) as e:
        services.partners.link("YANOLJA", "someone", "123456")
    assert e.value.code == "already_linked"
    with pytest.raises(RuleError) as e:
        services.partners.request_code("YANOLJA", "someone")
    assert e.value.code == "already_linked"
    with pytest.raises(RuleError) as e:
        services.partners.sync("DELICAR")
    assert e.value.code == "not_linked"
    with pytest.raises(RuleError) as e:
        services.partners.unlink("DELICAR")
    assert e.value.code == "not_linked"
    with pytest.raises(InputError) as e:
        services.partners.link("DELICAR", "minji", "000000")  # no code was sent to minji
    assert e.value.code == "unknown_member"
    sent = services.partners.request_code("DELICAR", "minji").demo_code
    with pytest.raises(InputError) as e:
        services.partners.link("DELICAR", "minji", "000000" if sent != "000000" else "111111")
    assert e.value.code == "wrong_code"
    assert not next(s for s in services.partners.catalog() if s.partner.code == "DELICAR").linked


def test_unlink_revokes_the_token_and_stops_showing_the_points(services):
    link(services)
    points = services.points.balance("DELICAR")
    token = services.ctx.tokens.get("DELICAR", "minji-77")
    result = services.partners.unlink("DELICAR")
    assert (result.points, result.revoked) == (points, True)
    assert services.points.balance("DELICAR") == 0
    assert "DELICAR" not in {h.partner.code for h in services.points.overview().holdings}
    assert services.ctx.tokens.get("DELICAR", "minji-77") is None
    store = delicar(services)
    try:
        assert not store.token_valid("minji-77", token)  # the partner was told
        assert store.balance("minji-77")["balance"] == points  # the points stay there
    finally:
        store.close()
    with pytest.raises(RuleError) as e:
        services.exchange.convert("DELICAR", "MLK", "2000")
    assert e.value.code in ("not_linked", "insufficient_balance")
    link(services)  # linking again shows them again
    assert services.points.balance("DELICAR") == points
    assert services.admin.verify().ok


def test_a_partner_over_http_cannot_be_linked_without_a_keyring(services, monkeypatch):
    """Member tokens live only in the OS keyring: where none is usable, an HTTP partner is
    refused before any code is sent (the demo partners still link)."""
    from dataclasses import replace

    from app.core.partners import Catalog as Cat

    http = replace(DELICAR, connector={"type": "http", "base_url": "http://127.0.0.1:9"})
    services.ctx.catalog = Cat([http if p.code == "DELICAR" else p for p in CATALOG])
    monkeypatch.setattr(services.ctx.tokens, "keeps", lambda: False)
    with pytest.raises(ExternalError) as e:
        services.partners.request_code("DELICAR", "minji-77")
    assert e.value.code == "keyring_refused" and "keyring" in e.value.message
    with pytest.raises(ExternalError) as e:
        services.partners.link("DELICAR", "minji-77", "123456")
    assert e.value.code == "keyring_refused"


# -- the catalog file (issue 10, point 7) ---------------------------------------------------------

def _entry(**changes):
    item = {"code": "YANOLJA", "name": {"ko": "야놀자", "en": "Yanolja"}, "face_value_krw": "1",
            "target_inventory": 50000000}
    item.update(changes)
    return {k: v for k, v in item.items() if v is not None}


@pytest.mark.parametrize("text, problem", [
    ("", "is not valid JSON (line 1, column 1"),
    ('{"partners": [', "is not valid JSON"),
    ("[]", 'needs a "partners" list'),
    ('{"partners": []}', 'needs a "partners" list'),
    ('{"partners": [7]}', "partner #1: is not an object"),
    ({"partners": [_entry(), _entry()]}, "partner code YANOLJA appears twice"),
    ({"partners": [_entry(code="yanolja")]}, "partner #1 (yanolja): the code must be"),
    ({"partners": [_entry(code="MLK")]}, "the code must be"),
    ({"partners": [_entry(code="X" * 33)]}, "the code must be"),
    ({"partners": [_entry(name={"ko": "야놀자"})]}, '"name" needs both "ko" and "en"'),
    ({"partners": [_entry(face_value_krw="-1")]}, '"face_value_krw" must be more than 0'),
    ({"partners": [_entry(face_value_krw="0")]}, '"face_value_krw" must be more than 0'),
    ({"partners": [_entry(face_value_krw="one")]}, '"face_value_krw" must be a number'),
    ({"partners": [_entry(face_value_krw="NaN")]}, '"face_value_krw" must be a number'),
    ({"partners": [_entry(face_value_krw=None)]}, '"face_value_krw" is missing'),
    ({"partners": [_entry(target_inventory=None)]}, '"target_inventory" is missing'),
    ({"partners": [_entry(target_inventory=0)]}, '"target_inventory" must be a whole number'),
    ({"partners": [_entry(target_inventory="5")]}, '"target_inventory" must be a whole number'),
    ({"partners": [_entry(min_conversion=0)]}, '"min_conversion" must be a whole number'),
    ({"partners": [_entry(min_conversion=True)]}, '"min_conversion" must be a whole number'),
    ({"partners": [_entry(max_discount="1")]}, '"max_discount" must be from 0 and less than 1'),
    ({"partners": [_entry(validity_days=0)]}, '"validity_days" must be a whole number'),
    ({"partners": [_entry(connector="demo")]}, '"connector" must be an object'),
])
def test_a_bad_catalog_is_named_with_its_problem(tmp_path, text, problem):
    import json

    path = tmp_path / "partners.json"
    path.write_text(text if isinstance(text, str) else json.dumps(text), encoding="utf-8")
    with pytest.raises(ExternalError) as e:
        Catalog.load(path)
    assert e.value.code == "bad_catalog" and e.value.exit_code == 4
    assert str(path) in e.value.message and problem in e.value.message, e.value.message


def test_a_missing_catalog_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("MILK_PARTNERS_FILE", str(tmp_path / "nowhere.json"))
    with pytest.raises(ExternalError) as e:
        Catalog.load()
    assert "nowhere.json cannot be read" in e.value.message


def test_milk_partners_file_points_at_another_catalog(tmp_path, monkeypatch):
    import json

    path = tmp_path / "alliance.json"
    path.write_text(json.dumps({"partners": [_entry(code="JEJU_AIR", name={
        "ko": "제주항공", "en": "Jeju Air"})]}), encoding="utf-8")
    monkeypatch.setenv("MILK_PARTNERS_FILE", str(path))
    assert Catalog.load().codes() == ["JEJU_AIR"]
