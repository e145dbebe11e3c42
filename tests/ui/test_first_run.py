"""The welcome wizard of a fresh profile, driven with real clicks on the visible buttons."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.ui.conftest import settle


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def visible_button(dialog, text: str) -> QPushButton:
    page = dialog.pages.currentWidget()
    found = [b for b in page.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert len(found) >= 1, f"no visible '{text}' on {dialog.pages.currentIndex()}"
    return found[0]


def choice_button(dialog, title: str) -> QPushButton:
    """The "Choose" button on the card titled `title` of the welcome page."""
    from PySide6.QtWidgets import QLabel

    from app.ui.widgets.common import Card

    for card in dialog.pages.widget(0).findChildren(Card):
        if any(lab.text() == title for lab in card.findChildren(QLabel)):
            return card.findChild(QPushButton)
    raise AssertionError(f"no card '{title}'")


@pytest.mark.parametrize("title,page_title", [
    ("Create a new wallet", "Create a wallet"),
    ("Import a wallet", "Import a wallet"),
    ("Watch an address", "Watch an address"),
])
def test_each_welcome_choice_opens_its_step_and_back_returns(make_app, qtbot, title,
                                                              page_title):
    from PySide6.QtWidgets import QLabel

    from app.ui.dialogs.first_run import FirstRunWizard

    window, backend = make_app(demo=False)
    wizard = FirstRunWizard(backend, window, offer_demo=True)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, choice_button(wizard, title))
    titles = [lab.text() for lab in wizard.pages.currentWidget().findChildren(QLabel)]
    assert page_title in titles, titles
    click(qtbot, visible_button(wizard, "Back"))
    assert wizard.pages.currentIndex() == 0
    settle(qtbot, backend)
