"""Home at start-up on a profile that exists: its figures come from a glance at the ledger
file before the profile is open (app.core.glance), they are the figures the open profile
shows, and what a person clicks in that moment happens once the profile is open."""
from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer

from app.ui.backend import Backend
from app.ui.main_window import EXCHANGE, HOME
from app.ui.pages.home import HomePage, PartnerCard


def lived_in(svc) -> None:
    svc.simulate(15, seed=4)


def home_figures(window) -> tuple:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # replaced cards
    home = window.home
    return (home.total.text(), [value.text() for _c, value, _n in home.stats[:2]],
            sorted(card.accessibleName() for card in home.findChildren(PartnerCard)))


def test_home_shows_its_figures_before_the_profile_is_open_and_they_stay(make_app, monkeypatch):
    glanced = []
    show = HomePage._glanced

    def spy(page, overview):
        show(page, overview)
        glanced.append((page.backend.services is None, home_figures(page.window()),
                        page.stats[2][2].text()))

    monkeypatch.setattr(HomePage, "_glanced", spy)
    window, backend = make_app(before=lived_in)
    assert len(glanced) == 1
    before_open, figures, wallet_note = glanced[0]
    assert before_open  # shown while the profile was still opening
    assert figures[0] != "—" and len(figures[2]) >= 3
    assert wallet_note == "Reading your wallet…"  # not yet asked: never "No wallet yet"
    assert backend.is_ready and home_figures(window) == figures  # the full read agrees
    assert window.home.stats[2][2].text() == "No wallet yet"  # asked: this profile has none


def test_a_card_clicked_before_the_profile_is_open_opens_the_exchange_once_it_is(
        make_app, qtbot, monkeypatch):
    """The profile is held back from opening until the click has happened."""
    gate = threading.Event()
    open_profile = Backend._open
    monkeypatch.setattr(Backend, "_open", lambda self: (gate.wait(30), open_profile(self))[1])
    clicked = []

    def click_first_card(page, overview):
        show(page, overview)

        def click():
            card = page.findChildren(PartnerCard)[0]
            qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
            clicked.append((card.code, page.backend.services is None))
            gate.set()

        QTimer.singleShot(0, click)

    show = HomePage._glanced
    monkeypatch.setattr(HomePage, "_glanced", click_first_card)
    window, backend = make_app(before=lived_in)
    assert len(clicked) == 1
    code, before_open = clicked[0]
    assert before_open
    qtbot.waitUntil(lambda: window.stack.currentIndex() == EXCHANGE)
    page = window.exchange
    qtbot.waitUntil(lambda: page.from_box.currentData() == code)
    assert window.stack.currentIndex() != HOME


def test_a_first_start_has_nothing_to_glance_and_opens_as_before(make_app, monkeypatch):
    glanced = []
    monkeypatch.setattr(HomePage, "_glanced", lambda page, overview: glanced.append(overview))
    window, backend = make_app()  # no profile yet: the demo profile is made by the open
    assert glanced == [] and backend.is_ready and window.home.total.text() != "—"
