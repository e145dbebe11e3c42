"""The reflowing layouts: cards in as many columns as fit, buttons wrapping onto lines, each
telling its height for a width, and a scroll area that keeps its content's width."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from app.ui.widgets.reflow import Columns, Flow, scrolled


def _host(layout_type, *widgets, **options):
    host = QWidget()
    layout = layout_type(host, **options)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w, 0, 0)  # a grid position, as QGridLayout code passes it
    host.show()
    return host, layout


def _cards(n: int, width: int = 200, height: int = 100) -> list[QWidget]:
    cards = []
    for _ in range(n):
        card = QWidget()
        card.setMinimumSize(width, height)
        cards.append(card)
    return cards


def test_columns_fit_as_many_cards_across_as_the_width_allows(qtbot):
    cards = _cards(5)
    host, layout = _host(Columns, *cards, min_width=200, max_columns=4, spacing=10)
    qtbot.addWidget(host)
    for width, across in ((300, 1), (420, 2), (630, 3), (2000, 4)):
        assert layout.columns_for(width) == across
        host.resize(width, layout.heightForWidth(width))
        QApplication.processEvents()
        rows = -(-5 // across)
        assert layout.heightForWidth(width) == rows * 100 + (rows - 1) * 10
        assert {c.x() for c in cards} == {i * ((width - (across - 1) * 10) // across + 10)
                                          for i in range(across)}
    assert layout.minimumSize().width() == 200  # one column is always possible


def test_columns_skip_hidden_cards_and_keep_their_width(qtbot):
    cards = _cards(3)
    host, layout = _host(Columns, *cards, min_width=200, max_columns=3, spacing=10)
    qtbot.addWidget(host)
    cards[1].hide()
    host.resize(640, 100)
    QApplication.processEvents()
    assert cards[0].width() == cards[2].width() == 206  # a third each, not a half
    assert cards[2].x() == 216


def test_flow_wraps_and_gives_the_rest_of_a_line_to_what_expands(qtbot):
    buttons = [QPushButton(text) for text in ("Verify ledger", "Back up", "Restore")]
    search = QLineEdit()
    search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    host, layout = _host(Flow, *buttons, search, spacing=8)
    qtbot.addWidget(host)
    wide = sum(b.sizeHint().width() for b in buttons) + search.sizeHint().width() + 3 * 8
    host.resize(wide + 100, 50)
    QApplication.processEvents()
    assert len({w.y() for w in buttons + [search]}) == 1  # one line
    assert search.width() == search.sizeHint().width() + 100  # the spare room
    narrow = buttons[0].sizeHint().width() + 10
    assert layout.heightForWidth(narrow) > 3 * buttons[0].sizeHint().height()  # 4 lines
    host.resize(narrow, layout.heightForWidth(narrow))
    QApplication.processEvents()
    assert len({w.y() for w in buttons + [search]}) == 4


def test_a_scrolled_area_is_as_wide_as_its_content_needs(qtbot):
    content = QLabel("A line that must be read in full, not cut at the edge of a dialog")
    area = scrolled(content)
    qtbot.addWidget(area)
    assert area.minimumSizeHint().width() >= content.minimumSizeHint().width()
    content.setText(content.text() + " — and then it grows")
    QApplication.processEvents()
    assert area.minimumSizeHint().width() >= content.minimumSizeHint().width()
