"""Driving the GUI as a person does: click what is visible and enabled, read what is on
screen, answer the questions the app asks. Shared by the GUI tests."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from tests.ui.conftest import PASSWORD


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown_button(parent, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert found, f"no visible button '{text}'"
    return found[0]


def question(qtbot, parent) -> QMessageBox:
    """The question box the app opened over `parent` (waits for it)."""
    qtbot.waitUntil(lambda: any(b.isVisible() for b in parent.findChildren(QMessageBox)),
                    timeout=5000)
    return next(b for b in parent.findChildren(QMessageBox) if b.isVisible())


# -- the wallet set-up wizard ------------------------------------------------------------------
def step_button(wizard, text: str) -> QPushButton:
    return shown_button(wizard.pages.currentWidget(), text)


def heading(wizard) -> str:
    labels = wizard.pages.currentWidget().findChildren(QLabel)
    return next(lab.text() for lab in labels if lab.objectName() == "PageTitle")


def phrase_on_screen(wizard) -> list[str]:
    """The words as the user reads them off the phrase step, in order."""
    from app.ui.dialogs.first_run import PHRASE

    cells = [lab for lab in wizard.pages.widget(PHRASE).findChildren(QLabel)
             if lab.property("word") and lab.isVisible()]
    ordered = sorted(cells, key=lambda lab: int(lab.text().split(".")[0]))
    return [lab.text().split(". ", 1)[1] for lab in ordered]


def type_words(qtbot, wizard, words: list[str], wrong: frozenset[int] = frozenset()) -> None:
    for position, field in wizard.confirm_fields:
        field.clear()
        qtbot.keyClicks(field, "wrongword" if position + 1 in wrong else words[position])


def choose_password(qtbot, wizard, first: str = PASSWORD, second: str = PASSWORD) -> None:
    fields = wizard.password_fields
    fields.clear()
    qtbot.keyClicks(fields.first, first)
    qtbot.keyClicks(fields.second, second)


def show_phrase(qtbot, wizard) -> list[str]:
    """From the words step: show the phrase, read it, go to the check."""
    click(qtbot, step_button(wizard, "Show my recovery phrase"))
    qtbot.waitUntil(lambda: len(phrase_on_screen(wizard)) >= 12, timeout=20_000)
    words = phrase_on_screen(wizard)
    click(qtbot, step_button(wizard, "I have written them down"))
    return words


def choose_file(qtbot, parent, name: str) -> None:
    """Answer the file chooser the app opened over `parent`: type a file name (the chooser
    opens in the home folder; tests point HOME at their own folder), click Save / Open."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit

    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QFileDialog)),
                    timeout=5000)
    dialog = next(d for d in parent.findChildren(QFileDialog) if d.isVisible())
    field = dialog.findChild(QLineEdit, "fileNameEdit")
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type over it
    qtbot.keyClicks(field, name)
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    accept = next(b for b in buttons.buttons()
                  if buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(accept.isEnabled, timeout=5000)  # the chooser checks the name as typed
    click(qtbot, accept)  # "Save" / "Open"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def shown_code(link_dialog) -> str:
    """The demo verification code as the link dialog shows it to the user."""
    import re

    found = re.search(r"\b(\d{4,8})\b", link_dialog.sent.text())
    assert found, link_dialog.sent.text()
    return found.group(1)
