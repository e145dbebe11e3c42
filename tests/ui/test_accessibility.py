"""Keyboard and screen reader, on every registered page and dialog: each control has an
accessible name (in Korean too, and a combo box more than its current value), Tab reaches each
one, the focus ring shows in both themes, Enter runs a form's main action and Esc cancels a
dialog, and the window's shortcuts work."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.resources import resource_path
from app.ui import theme
from app.ui.main_window import ACTIVITY, EXCHANGE, HOME, PARTNERS, SETTINGS, WALLET
from tests.ui import fit
from tests.ui.conftest import settle
from tests.ui.drive import shown_code
from tests.ui.screens import SCREENS, Env, open_all

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider,
            QAbstractItemView, QTextEdit, QPlainTextEdit)


# -- what a screen reader and a keyboard see ------------------------------------------------------
def controls(top: QWidget) -> list[QWidget]:
    """The visible widgets a person operates (Qt's own parts of a widget aside), and anything
    else that takes the keyboard focus."""
    found = []
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top) or fit._inside_complex_widget(w, top):
            continue
        if isinstance(w, CONTROLS) or w.focusPolicy() & Qt.FocusPolicy.TabFocus and \
                w.focusProxy() is None and not isinstance(w, QDialog):
            found.append(w)
    return found


def accessible_name(w: QWidget) -> str:
    """The name a screen reader announces. A combo box's own "name" on Linux is its current
    value; Orca and the others name it by the label that points at it (a buddy)."""
    iface = QAccessible.queryAccessibleInterface(w)
    name = iface.text(QAccessible.Text.Name).strip()
    if isinstance(w, QComboBox) and name in (w.currentText().strip(),
                                            iface.text(QAccessible.Text.Value).strip()):
        name = ""
    if not name:
        name = " ".join(label.text(QAccessible.Text.Name).strip() for label, _relation in
                        iface.relations(QAccessible.Relation.Label)).strip()
    return name


def _english_sources() -> set[str]:
    """English texts that have a different Korean translation: seen in Korean, a leak."""
    tree = ET.parse(resource_path("i18n", "milk_ko.ts"))
    return {m.find("source").text for m in tree.getroot().iter("message")
            if m.find("translation").text and m.find("translation").text !=
            m.find("source").text and "{" not in m.find("source").text}


def unnamed(top: QWidget, english: set[str] | None = None) -> list[str]:
    """Controls without a name, or (given the English texts) with an English one."""
    found = []
    for w in controls(top):
        name = accessible_name(w)
        if not name:
            found.append(f"{fit.describe(w)} has no accessible name")
        elif english and name in english:
            found.append(f"{fit.describe(w)} is named in English: {name!r}")
    return found


def tab_cycle(qtbot, top: QWidget) -> tuple[list[QWidget], str | None]:
    """Press Tab from the first control until the focus comes back: the widgets it visited,
    and where it got stuck, if it did."""
    activate(qtbot, top)
    reachable = [w for w in controls(top) if w.isEnabled() and
                 w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    if not reachable:
        return [], None
    reachable[0].setFocus(Qt.FocusReason.TabFocusReason)
    start = QApplication.focusWidget()
    seen = [start]
    for _ in range(3 * len(reachable) + 10):
        before = QApplication.focusWidget()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is before:
            return seen, None if len(reachable) == 1 else \
                f"Tab does not leave {fit.describe(now)}"
        if now is start:
            return seen, None
        seen.append(now)
    return seen, "Tab never comes back to where it started"


def unreachable(qtbot, top: QWidget) -> list[str]:
    seen, stuck = tab_cycle(qtbot, top)
    missed = [f"Tab never reaches {fit.describe(w)}" for w in controls(top)
              if w.isEnabled() and not any(s in seen for s in _stops_for(w))]
    return missed + ([stuck] if stuck else [])


def _stops_for(w: QWidget) -> list[QWidget]:
    """Where Tab reaches `w` through: itself, or for one of a set of exclusive buttons (radio
    buttons, the rail's pages) whichever one is on; the arrow keys move among them."""
    group = w.group() if isinstance(w, QAbstractButton) else None
    if group is not None and group.exclusive():
        return group.buttons()
    if isinstance(w, QAbstractButton) and w.autoExclusive():
        return [b for b in w.parentWidget().findChildren(QAbstractButton)
                if b.autoExclusive() and b.parentWidget() is w.parentWidget()]
    return [w]


# -- every registered screen -----------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_control_is_named_and_reached_with_tab(make_app, qtbot, lang):
    env = Env(make_app, qtbot, lang)
    english = _english_sources() if lang == "ko" else None
    found = []

    def visit(name: str, top: QWidget) -> None:
        found.extend(f"{name}: {p}" for p in unnamed(top, english))
        if lang == "en":  # the order does not depend on the language
            found.extend(f"{name}: {p}" for p in unreachable(qtbot, top))

    open_all(env, visit)
    assert found == [], f"{len(found)} problems:\n" + "\n".join(found)


# -- the checks themselves, on widgets made wrong on purpose ---------------------------------------
def _form(*widgets) -> QWidget:
    host = QWidget()
    box = QVBoxLayout(host)
    for w in widgets:
        box.addWidget(w)
    host.show()
    return host


def test_the_name_check_finds_placeholders_and_bare_combo_values(qtbot):
    placeholder_only = QLineEdit()
    placeholder_only.setPlaceholderText("Amount")
    value_only = QComboBox()
    value_only.addItems(["All time", "Last 7 days"])
    value_only.setAccessibleName("Period")  # never reaches a Linux screen reader
    caption, labelled = QLabel("Asset"), QComboBox()
    labelled.addItems(["All assets"])
    caption.setBuddy(labelled)
    named = QLineEdit()
    named.setAccessibleName("Search activity")
    host = _form(placeholder_only, value_only, caption, labelled, named, QPushButton("Export"))
    qtbot.addWidget(host)
    found = unnamed(host)
    assert len(found) == 2 and found[0].startswith("QLineEdit") and \
        found[1].startswith("QComboBox"), found
    assert accessible_name(labelled) == "Asset"
    assert unnamed(host, english={"Export"}) == found + [
        "QPushButton('QPushButton', 'Export') is named in English: 'Export'"]


def test_the_tab_check_finds_a_trap_and_a_control_tab_skips(qtbot):
    trap, skipped = QPlainTextEdit(), QPushButton("Max")
    trap.setAccessibleName("Recovery phrase")
    skipped.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    host = _form(QLineEdit(), trap, skipped, QPushButton("Next"))
    qtbot.addWidget(host)
    found = unreachable(qtbot, host)
    assert "Tab never reaches QPushButton('QPushButton', 'Max')" in found
    assert any(f.startswith("Tab does not leave QPlainTextEdit") for f in found), found
    trap.setTabChangesFocus(True)
    skipped.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    assert unreachable(qtbot, host) == []


# -- the focus ring --------------------------------------------------------------------------------
def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + \
        0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ring_gaps(before: QImage, after: QImage, depth: int = 4) -> list[str]:
    """Edges of a widget along which focusing it draws no ring: along each edge, at least 80 %
    of the positions (corners aside, they are rounded) must change, within `depth` pixels of
    the edge, to a colour at 3:1 contrast with the one before (WCAG 2.2, focus appearance)."""
    w, h = before.width(), before.height()

    def changed(x: int, y: int) -> bool:
        return contrast(before.pixelColor(x, y), after.pixelColor(x, y)) >= 3.0

    gaps = []
    for edge, length, at in (
            ("top", w, lambda i, d: (i, d)), ("bottom", w, lambda i, d: (i, h - 1 - d)),
            ("left", h, lambda i, d: (d, i)), ("right", h, lambda i, d: (w - 1 - d, i))):
        margin = max(3, length // 6)
        positions = range(margin, length - margin, 2)
        ringed = sum(any(changed(*at(i, d)) for d in range(depth)) for i in positions)
        if ringed < 0.8 * len(positions):
            gaps.append(f"{edge} ({ringed} of {len(positions)})")
    return gaps


def focus_ring_gaps(qtbot, widget: QWidget) -> list[str]:
    top = widget.window()
    activate(qtbot, top)
    widget.clearFocus()
    top.setFocus()
    QApplication.processEvents()
    before = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    QApplication.processEvents()
    after = widget.grab().toImage()
    return ring_gaps(before, after)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_a_focus_ring_shows_on_every_kind_of_control(make_app, qtbot, dark):
    env = Env(make_app, qtbot, "en")
    theme.apply(QApplication.instance(), dark)
    env.window._restyle()
    w = env.window
    samples = {"rail button": lambda: w.rail._buttons[EXCHANGE][0],
               "help button": lambda: w.help_button,
               "primary button": lambda: w.home.banner.action,
               "partner card": lambda: w.home.grid.itemAt(0).widget(),
               "combo box": lambda: env.show_page(EXCHANGE) and w.exchange.from_box,
               "line edit": lambda: w.exchange.amount,
               "radio button": lambda: w.exchange.get_mode,
               "link button": lambda: w.exchange.swap_button,
               "button": lambda: env.show_page(SETTINGS) and w.settings.verify,
               "table": lambda: env.show_page(ACTIVITY) and w.activity.table}
    found = []
    env.show_page(HOME)
    for kind, get in samples.items():
        widget = get()
        found += [f"{kind}: no ring along the {g} edge" for g in focus_ring_gaps(qtbot, widget)]
    review = SCREENS["dialog.send.review.lookalike"].open(env)
    found += [f"warning check box: no ring along the {g} edge"
              for g in focus_ring_gaps(qtbot, review._acks[0])]
    env.close(review)
    theme.apply(QApplication.instance(), False)
    assert found == [], "\n".join(found)


def test_the_ring_check_sees_a_faint_or_missing_ring():
    def image(colour: str) -> QImage:
        result = QImage(120, 32, QImage.Format.Format_ARGB32)
        result.fill(QColor(colour))
        return result

    white = image("#FFFFFF")
    assert len(ring_gaps(white, white)) == 4  # nothing changes
    assert len(ring_gaps(white, image("#EEEEEE"))) == 4  # 1.1:1 is no ring
    ringed = image("#FFFFFF")
    for x in range(ringed.width()):
        for y in range(ringed.height()):
            if min(x, y, ringed.width() - 1 - x, ringed.height() - 1 - y) < 2:
                ringed.setPixelColor(x, y, QColor("#5B4CF5"))
    assert ring_gaps(white, ringed) == []


# -- Enter and Esc -------------------------------------------------------------------------------
def activate(qtbot, top: QWidget) -> None:
    top.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top, timeout=5000)


def press(qtbot, key) -> None:
    """A key pressed where the keyboard focus is, as a person does."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key)


def type_and_enter(qtbot, env: Env, field: QLineEdit, text: str) -> None:
    field.setFocus()
    env.type(field, text)
    press(qtbot, Qt.Key.Key_Return)


def test_enter_runs_the_main_action_and_esc_cancels(make_app, qtbot):
    env = Env(make_app, qtbot, "en")
    svc = env.backend.services
    w = env.window
    activate(qtbot, w)
    # Exchange: Enter in the amount reviews; Esc in the confirmation books nothing; Enter books
    page = env.show_page(EXCHANGE)
    page.from_box.setCurrentIndex(page.from_box.findData("YANOLJA"))
    page.to_box.setCurrentIndex(page.to_box.findData("MLK"))
    type_and_enter(qtbot, env, page.amount, "2000")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=10_000)
    activate(qtbot, page.dialog)
    head = svc.admin.verify().head_seq
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.dialog.isVisible())
    settle(qtbot, env.backend)
    assert svc.admin.verify().head_seq == head
    activate(qtbot, w)
    page.amount.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog.isVisible(), timeout=10_000)
    activate(qtbot, page.dialog)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.result.isVisible(), timeout=10_000)
    assert svc.admin.verify().head_seq == head + 2  # held, then booked

    # Link a partner: Enter sends the code, then Enter links
    link = SCREENS["dialog.link_partner"].open(env)
    activate(qtbot, link)
    type_and_enter(qtbot, env, link.member, "minji-77")
    qtbot.waitUntil(lambda: link.code.hasFocus(), timeout=10_000)
    type_and_enter(qtbot, env, link.code, shown_code(link))
    qtbot.waitUntil(lambda: "Linked" in link.message.text(), timeout=10_000)
    env.close(link)

    # Settings: Enter in the price field sets it
    activate(qtbot, w)
    settings = env.show_page(SETTINGS)
    type_and_enter(qtbot, env, settings.static_value, "210")
    qtbot.waitUntil(lambda: svc.prices.current().krw_per_mlk == 210, timeout=10_000)

    # Withdraw: Enter in the amount withdraws
    move = SCREENS["dialog.withdraw"].open(env)
    activate(qtbot, move)
    type_and_enter(qtbot, env, move.amount, "1")
    qtbot.waitUntil(lambda: move.go.isHidden(), timeout=30_000)
    env.close(move)

    # Send: Enter on the first step reviews, Enter in the password signs (here: asks for ticks)
    send = SCREENS["dialog.send.destination"].open(env)
    activate(qtbot, send)
    send.amount.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: send.steps.currentIndex() == 1 or send.problem1.text() not in
                    ("", "Checking…"), timeout=20_000)
    assert send.steps.currentIndex() == 0 and send.problem1.text()  # watch-only: refused
    send._prepared(svc.sending.prepare(svc.wallet.book.entries()[0].address, "1",
                                       sender=svc.chain.demo_node.demo_user_address))
    type_and_enter(qtbot, env, send.password, "password123")
    assert "Tick every warning" in send.problem2.text()
    press(qtbot, Qt.Key.Key_Escape)
    assert not send.isVisible()
    env.close(send)

    # Contact: Enter saves; every dialog and question closes with Esc and changes nothing
    activate(qtbot, w)
    contact = SCREENS["dialog.contact.new"].open(env)
    activate(qtbot, contact)
    contact.name.setFocus()
    env.type(contact.name, "Bithumb")
    contact.address.setText("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not contact.isVisible(), timeout=10_000)
    assert any(c.label == "Bithumb" for c in svc.wallet.book.entries())
    env.close(contact)
    for name in ("dialog.password.reveal_phrase", "dialog.ask.reset_demo",
                 "dialog.ask.restore", "dialog.first_run.watch", "dialog.recovery_phrase"):
        top = SCREENS[name].open(env)
        activate(qtbot, top)
        head = svc.admin.verify().head_seq
        press(qtbot, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda top=top: not top.isVisible(), timeout=5000)
        settle(qtbot, env.backend)
        assert svc.admin.verify().head_seq == head, name
        env.close(top)
    assert w.settings.verify_result.text() != "Demo reset."


def test_enter_in_the_wizard_and_search(make_app, qtbot):
    env = Env(make_app, qtbot, "en")
    wizard = SCREENS["dialog.first_run.watch"].open(env)
    activate(qtbot, wizard)
    type_and_enter(qtbot, env, wizard.watch_address,
                   env.backend.services.chain.demo_node.demo_user_address)
    qtbot.waitUntil(lambda: "Address" in wizard.done_text.text(), timeout=20_000)
    press(qtbot, Qt.Key.Key_Return)  # "Open the wallet"
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    env.close(wizard)
    activate(qtbot, env.window)
    activity = env.show_page(ACTIVITY)
    activity.search.setFocus()
    qtbot.keyClicks(activity.search, "Yanolja")
    press(qtbot, Qt.Key.Key_Return)  # at once, without waiting for the typing pause
    assert activity.current_filter()[0].text == "Yanolja"
    qtbot.waitUntil(lambda: activity.model.rowCount() == 1, timeout=10_000)


# -- pages built on first use ------------------------------------------------------------------
@pytest.mark.parametrize("demo", [True, False])
def test_each_page_opens_from_the_rail_and_the_window_stays_the_active_one(make_app, qtbot,
                                                                           demo):
    """Pages other than Home are built when first opened (start-up builds only Home). Opening
    each with a click shows it with its data, and no stray window appears on the way (a
    widget shown before it has a parent opens as a window of its own and takes the focus)."""
    w, backend = make_app(demo=demo)
    activate(qtbot, w)
    for index, title in ((EXCHANGE, "Exchange"), (WALLET, "Wallet"), (ACTIVITY, "Activity"),
                         (PARTNERS, "Partners"), (SETTINGS, "Settings"), (HOME, "Home")):
        qtbot.mouseClick(w.rail._buttons[index][0], Qt.MouseButton.LeftButton)
        settle(qtbot, backend)
        page = w.stack.currentWidget()
        assert w.stack.currentIndex() == index and page.isVisible()
        assert page.title.text() == title
        assert QApplication.activeWindow() is w
        assert [t for t in QApplication.topLevelWidgets() if t.isVisible()] == [w]
    assert w.settings.reset_demo.isVisibleTo(w.settings) == demo
    assert w.demo_badge.isVisibleTo(w) == demo


# -- shortcuts -------------------------------------------------------------------------------------
def test_shortcuts_open_pages_search_export_sync_and_list_themselves(make_app, qtbot):
    env = Env(make_app, qtbot, "en")
    w = env.window
    activate(qtbot, w)
    ctrl = Qt.KeyboardModifier.ControlModifier
    env.show_page(EXCHANGE)
    w.exchange.amount.setFocus()  # shortcuts work from inside a text field too
    for index, key in enumerate((Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4,
                                 Qt.Key.Key_5, Qt.Key.Key_6)):
        qtbot.keyClick(QApplication.focusWidget() or w, key, ctrl)
        assert w.stack.currentIndex() == index
        assert w.rail._buttons[index][0].isChecked()
    qtbot.keyClick(w, Qt.Key.Key_Comma, ctrl)
    assert w.stack.currentIndex() == SETTINGS
    qtbot.keyClick(w, Qt.Key.Key_F, ctrl)
    assert w.stack.currentIndex() == ACTIVITY and w.activity.search.hasFocus()

    chooser = []

    def close_chooser() -> None:
        found = [d for d in w.findChildren(QFileDialog) if d.isVisible()]
        chooser.extend(found)
        for d in found:
            d.reject()

    env.show_page(HOME)
    QTimer.singleShot(300, close_chooser)  # the chooser may wait for an answer
    qtbot.keyClick(w, Qt.Key.Key_E, ctrl)
    qtbot.waitUntil(lambda: bool(chooser), timeout=5000)
    assert w.stack.currentIndex() == ACTIVITY
    activate(qtbot, w)

    svc = env.backend.services
    before = {s.partner.code: s.last_sync_at for s in svc.partners.catalog() if s.linked}
    qtbot.keyClick(w, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: all(s.last_sync_at != before[s.partner.code]
                                for s in svc.partners.catalog() if s.linked), timeout=10_000)

    qtbot.keyClick(w, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: w.dialog is not None and w.dialog.isVisible(), timeout=5000)
    listed = [lab.text() for lab in w.dialog.findChildren(QLabel)]
    for keys, what in w.shortcuts():
        assert keys.toString() in listed and what in listed
    assert "Go to Wallet" in listed and "Search activity" in listed
    activate(qtbot, w.dialog)
    press(qtbot, Qt.Key.Key_Escape)
    assert not w.dialog.isVisible()
    assert w.help_menu.actions()[0].text() == "Keyboard shortcuts"


def test_partner_cards_take_the_focus_and_open_with_enter_or_space(make_app, qtbot):
    env = Env(make_app, qtbot, "en")
    w = env.window
    env.show_page(HOME)
    cards = [w.home.grid.itemAt(i).widget() for i in range(w.home.grid.count())]
    seen, _stuck = tab_cycle(qtbot, w)
    assert all(card in seen for card in cards)
    for card, key in ((cards[1], Qt.Key.Key_Return), (cards[2], Qt.Key.Key_Space)):
        env.show_page(HOME)
        card.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(card, key)
        qtbot.waitUntil(lambda: w.stack.currentIndex() == EXCHANGE, timeout=5000)
        qtbot.waitUntil(lambda card=card: w.exchange.from_box.currentData() == card.code,
                        timeout=10_000)
    assert accessible_name(cards[0]).startswith("Yanolja")


def test_the_wallet_page_tables_are_named(make_app, qtbot):
    env = Env(make_app, qtbot, "en")
    env.with_wallet()
    page = env.show_page(WALLET)
    assert accessible_name(page.txs) == "Transactions"
    assert accessible_name(page.book) == "Address book"
    assert accessible_name(env.show_page(PARTNERS).sync_all) == "Sync all"
