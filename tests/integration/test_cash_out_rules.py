"""Cashing out to the right network and the right address: exchange entries bound to a
network, the travel-rule warning, look-alikes shown with their differences, and the address
book's limits (the same on SQLite and PostgreSQL)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.chain.addresses import marker_line
from app.core.chain.network import DEMO_CHAIN_ID
from app.core.errors import InputError, RuleError

EXCHANGE = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
ARBITRUM_EXCHANGE = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"


@pytest.fixture
def demo(tmp_path, clock, secret_service):
    """A demo profile with the demo wallet (key in the keyring) on the embedded chain."""
    from app.core.services import Services

    svc = Services.open(tmp_path / "demo", clock=clock)
    svc.admin.init(demo=True)
    svc.wallet.seed_demo_wallet()
    yield svc
    svc.wallet.forget_demo_wallet()
    svc.close()


def test_an_exchange_entry_belongs_to_a_network_and_another_network_is_refused(demo):
    here = demo.wallet.book.add("Upbit", EXCHANGE, "exchange", "Upbit")
    assert (here.chain_id, here.network) == (DEMO_CHAIN_ID, "MiL.k demo chain")
    there = demo.wallet.book.add("Upbit (Arbitrum)", ARBITRUM_EXCHANGE, "exchange", "Upbit",
                                 chain_id=42161)
    assert there.network == "Arbitrum One"
    nonce = demo.sending.next_nonce(demo.wallet.status().address)
    with pytest.raises(RuleError) as e:
        demo.sending.prepare("Upbit (Arbitrum)", "1")
    assert e.value.code == "wrong_network" and e.value.exit_code == 3
    assert "Arbitrum One" in e.value.message and "MiL.k demo chain" in e.value.message
    assert demo.sending.next_nonce(demo.wallet.status().address) == nonce  # nothing signed
    plan = demo.sending.prepare("Upbit", "1")
    assert plan.exchange == "Upbit" and plan.network == "MiL.k demo chain"


def test_the_travel_rule_line_warns_for_exchange_cash_outs(demo):
    demo.prices.set_static(Decimal(4000))  # 250 MLK = ₩1,000,000
    upbit = next(c for c in demo.wallet.book.entries() if c.kind == "exchange")
    codes = lambda plan: {w.code for w in plan.warnings}  # noqa: E731
    at_line = demo.sending.prepare(upbit.address, "250")
    assert "travel_rule" in codes(at_line)
    warning = next(w for w in at_line.warnings if w.code == "travel_rule")
    assert "₩1,000,000" in warning.message and "registered in your name" in warning.message
    assert "travel_rule" not in codes(demo.sending.prepare(upbit.address, "249.99"))
    assert "travel_rule" not in codes(demo.sending.prepare(EXCHANGE, "250"))  # not an exchange
    demo.sending.set_travel_rule_krw("500000")  # configurable
    assert "travel_rule" in codes(demo.sending.prepare(upbit.address, "125"))


def test_a_look_alike_shows_both_addresses_and_what_differs(demo):
    friend = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
    demo.wallet.book.add("Friend", friend, "other")
    fake = ("0x5aAe" + "1" * 32 + friend[-4:]).lower()  # lower case: no checksum
    plan = demo.sending.prepare(fake, "1")
    [look] = [w for w in plan.warnings if w.code == "lookalike"]
    assert look.known == friend
    assert look.differing and all(fake.lower()[i] != friend.lower()[i] for i in look.differing)
    assert 0 not in look.differing and 5 not in look.differing  # "0x5aAe" is the same
    assert marker_line(fake, look.differing).startswith(" " * 6 + "^")
    token = demo.chain.client().token_address  # contracts are not what users pay or save
    twin = (token[:6] + ("0" if token[6] != "0" else "1") * 32 + token[-4:]).lower()
    assert "lookalike" not in {w.code for w in demo.sending.prepare(twin, "1").warnings}


BAD_NAMES = [
    ("Up\u202ebit", "Upbit"),  # a right-to-left override
    ("Upbit\u2066", "Upbit"),
    ("Up\x07bit", "Upbit"),  # a control character
    ("x" * 81, "Upbit"),  # over-long: refused the same way on every database
    ("Upbit", "y" * 41),
    ("Upbit", "Up\u202ebit"),
]


def test_the_address_book_refuses_what_could_pose_as_another_entry(services):
    for label, exchange in BAD_NAMES:
        with pytest.raises(InputError) as e:
            services.wallet.book.add(label, EXCHANGE, "exchange", exchange)
        assert e.value.code == "bad_label" and e.value.exit_code == 2
    assert services.wallet.book.entries() == []
    row = services.wallet.book.add("Upbit", EXCHANGE, "exchange", "Upbit")
    for label, exchange in BAD_NAMES:
        with pytest.raises(InputError):
            services.wallet.book.update(row.id, label=label, exchange=exchange)
    assert services.wallet.book.entries()[0].label == "Upbit"


def test_the_zero_address_cannot_be_saved(services):
    with pytest.raises(InputError) as e:
        services.wallet.book.add("Burn", "0x" + "0" * 40)
    assert e.value.code == "zero_address"


def test_migration_binds_saved_exchange_entries_and_reopens_dropped_transactions(db_url):
    """A profile from before issue 9: its exchange entry gets the network in use, and a
    transaction marked dropped is pending again (its bytes could still be mined)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from app.core.ledger.database import MIGRATIONS_DIR, Database

    db = Database(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('network.kind', 'local'), "
                          "('network.chain_id', '31337')"))
        conn.execute(text("INSERT INTO address_book (label, address, kind, exchange, "
                          "created_at) VALUES ('Upbit', :a, 'exchange', 'Upbit', 'x')"),
                     {"a": EXCHANGE})
        conn.execute(text(
            "INSERT INTO chain_txs (chain_id, kind, sender, recipient, amount, nonce, gas_limit,"
            " max_fee_per_gas, max_priority_fee_per_gas, raw_tx, tx_hash, status, created_at,"
            " updated_at) VALUES (31337, 'withdraw', :a, :a, '1', 0, 1, '1', '1', '00', '0x1',"
            " 'dropped', 'x', 'x')"), {"a": EXCHANGE})
    db.migrate()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT chain_id FROM address_book")).scalar() == 31337
        status, note, booked = conn.execute(text(
            "SELECT status, status_note, booked FROM chain_txs")).one()
    assert (status, booked) == ("pending", False) and "re-broadcasting" in note
    db.dispose()
