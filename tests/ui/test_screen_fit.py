"""Every page and dialog fits: rendered at 960×540, 1280×800 and 1920×1080 logical pixels, in
English and Korean, light and dark, and presenter mode (type ×1.35) at 1440×900, no label,
button, check box or combo box has its text cut or elided, nothing is clipped or outside the
window, and no page needs a horizontal scroll bar.

`--screens-dir DIR` also saves every rendering as a PNG, to look at."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui import theme
from tests.ui import fit
from tests.ui.screens import SCREENS, Env, open_all

SIZES = (QSize(960, 540), QSize(1280, 800), QSize(1920, 1080))
PRESENTER = QSize(1440, 900)
try:  # presenter mode's type scale, wherever the app keeps it
    from app.ui.display import PRESENTER_SCALE
except ImportError:
    from app.ui.app import PRESENTER_SCALE


def lay_out() -> None:
    for _ in range(6):  # layouts, then the scroll areas and word wraps that follow from them
        QApplication.processEvents()


def place(env: Env, top: QWidget, screen: QSize) -> None:
    """The windows fill `screen`; a dialog gets the size Qt gives it when it opens there (its
    size hint, at most two thirds of the screen, never below its minimum)."""
    for window in env.windows:
        window.resize(screen)
    if top not in env.windows:
        hint = top.sizeHint()
        layout = top.layout()
        if layout is not None and layout.hasHeightForWidth():
            hint.setHeight(layout.totalHeightForWidth(hint.width()))
        top.resize(min(hint.width(), screen.width() * 2 // 3),
                   min(hint.height(), screen.height() * 2 // 3))
    lay_out()


def page_problems(env: Env, top: QWidget) -> list[str]:
    """A page that needs a horizontal scroll bar did not reflow."""
    if top not in env.windows:
        return []
    page = top.stack.currentWidget()
    area = next((a for a in page.findChildren(QScrollArea) if a.widget() is page.body), None)
    if area is not None and page.body.minimumSizeHint().width() > area.viewport().width():
        return [f"{type(page).__name__} needs {page.body.minimumSizeHint().width()} px across, "
                f"has {area.viewport().width()}: it scrolls sideways instead of reflowing"]
    return []


def set_theme(env: Env, dark: bool) -> None:
    theme.apply(QApplication.instance(), dark, env.scale)
    for window in env.windows:
        window._restyle()


def audit(env: Env, sizes, themes, shots: Path | None, tag: str) -> list[str]:
    """Every screen at every size, a theme at a time (switching the theme restyles the whole
    app, so each screen is opened once per theme rather than the theme switched per screen)."""
    found = []
    for dark in themes:
        set_theme(env, dark)
        look = "dark" if dark else "light"

        def visit(name: str, top: QWidget, look: str = look) -> None:
            for size in sizes:
                place(env, top, size)
                where = f"{name} {tag} {look} {size.width()}×{size.height()}"
                if top in env.windows and top.size() != size:
                    found.append(f"{where}: the window cannot be {size.width()}×"
                                 f"{size.height()}; its minimum is {top.minimumSize().width()}"
                                 f"×{top.minimumSize().height()}")
                found.extend(f"{where}: {p}" for p in
                             fit.problems(top, QRect(0, 0, size.width(), size.height())) +
                             page_problems(env, top))
                if shots is not None:
                    shots.mkdir(parents=True, exist_ok=True)
                    top.grab().save(str(shots / f"{tag}-{look}-{size.width()}x{size.height()}"
                                               f"-{name}.png"))

        open_all(env, visit)
    set_theme(env, False)
    return found


@pytest.fixture
def shots(request) -> Path | None:
    directory = request.config.getoption("--screens-dir", None)
    return Path(directory) if directory else None


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_screen_fits_at_every_size(make_app, qtbot, lang, shots):
    env = Env(make_app, qtbot, lang)
    found = audit(env, SIZES, (False, True), shots, lang)
    assert found == [], f"{len(found)} problems:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_presenter_mode_fits_1440_by_900(make_app, qtbot, lang, shots):
    env = Env(make_app, qtbot, lang, scale=PRESENTER_SCALE)
    found = audit(env, (PRESENTER,), (False,), shots, f"presenter-{lang}")
    assert found == [], f"{len(found)} problems:\n" + "\n".join(found)


def test_the_dark_theme_differs_from_the_light_one_only_in_colours():
    """Geometry does not depend on the theme, so presenter mode is measured in one theme."""
    import re

    def shape(sheet: str) -> str:
        return re.sub(r"#[0-9A-Fa-f]{6}|/milk-[a-z]+-[0-9A-Fa-f]{6}\.svg", "COLOUR", sheet)

    for scale in (1.0, PRESENTER_SCALE):
        assert shape(theme.style_sheet(theme.LIGHT, scale)) == \
            shape(theme.style_sheet(theme.DARK, scale))


def test_every_screen_is_registered_once():
    """The registry names pages and dialogs apart, and covers every page of the window."""
    pages = {n.split(".")[1] for n in SCREENS if n.startswith("page.")}
    assert pages >= {"home", "exchange", "wallet", "activity", "partners", "settings"}
    assert all(n.startswith(("page.", "dialog.")) for n in SCREENS)


# -- the checker itself, on widgets broken on purpose ---------------------------------------------
def _host(*widgets, width: int, height: int = 200) -> QWidget:
    host = QWidget()
    box = QVBoxLayout(host)
    for w in widgets:
        box.addWidget(w)
    host.resize(width, height)
    host.show()
    lay_out()
    return host


def _fixed(widget: QWidget, width: int, height: int | None = None) -> QWidget:
    widget.setFixedWidth(width)
    if height is not None:
        widget.setFixedHeight(height)
    return widget


def test_checker_finds_a_label_too_narrow_for_its_text(qtbot):
    cut = _fixed(QLabel("Convert now before the points expire"), 80)
    fine = QLabel("OK")
    host = _host(cut, fine, width=400)
    qtbot.addWidget(host)
    found = fit.problems(host)
    assert len(found) == 1 and "Convert now" in found[0] and "text needs" in found[0]


def test_checker_finds_a_wrapped_label_without_the_height_it_needs(qtbot):
    text = "Tick every warning to confirm you have read it. " * 4
    squeezed = _fixed(QLabel(text), 160, 20)
    squeezed.setWordWrap(True)
    roomy = QLabel(text)
    roomy.setWordWrap(True)
    host = _host(squeezed, roomy, width=400, height=400)
    qtbot.addWidget(host)
    found = fit.problems(host)
    assert len(found) == 1 and "needs" in found[0] and "height" in found[0], found


def test_checker_finds_a_word_too_long_to_wrap(qtbot):
    digest = _fixed(QLabel("Transaction: 0x" + "ab" * 32), 200, 120)
    digest.setWordWrap(True)
    host = _host(digest, width=400, height=300)
    qtbot.addWidget(host)
    found = fit.problems(host)
    assert len(found) == 1 and "a word" in found[0], found


def test_checker_finds_buttons_check_boxes_and_combo_boxes_cut(qtbot):
    button = _fixed(QPushButton("Review conversion"), 60)
    check = _fixed(QCheckBox("I understand: this address is a smart contract"), 120)
    combo = QComboBox()
    combo.addItem("Withdrawals and deposits")
    _fixed(combo, 90)
    host = _host(button, check, combo, width=400)
    qtbot.addWidget(host)
    found = fit.problems(host)
    assert [f.split("(")[0] for f in found] == ["QPushButton", "QCheckBox", "QComboBox"], found


def test_checker_passes_text_that_fits_and_text_meant_to_elide(qtbot):
    elided = _fixed(QLabel("Seoul Airport Li…"), 60)
    elided.setToolTip("Seoul Airport Li…")
    host = _host(QLabel("Seoul Airport Limousine"), QPushButton("Review conversion"),
                 QCheckBox("I understand"), elided, width=400)
    qtbot.addWidget(host)
    assert fit.problems(host) == []


def test_checker_finds_what_a_parent_clips_and_what_leaves_the_screen(qtbot):
    host = QWidget()
    host.resize(300, 100)
    inner = QWidget(host)
    inner.setGeometry(0, 0, 300, 100)
    QPushButton("Cancel", inner).setGeometry(250, 10, 80, 30)  # past the right edge
    host.show()
    qtbot.addWidget(host)
    found = fit.problems(host, QRect(0, 0, 200, 540))
    assert any("larger than the 200×540 screen" in f for f in found), found
    assert any(f.startswith("QPushButton") and "clipped by QWidget" in f for f in found), found


def test_checker_lets_a_scroll_area_scroll_but_not_clip_sideways(qtbot):
    body = QWidget()
    column = QVBoxLayout(body)
    for i in range(30):
        column.addWidget(QLabel(f"Row {i}"))
    wide = QHBoxLayout()
    wide.addWidget(_fixed(QPushButton("Export CSV"), 700))
    column.addLayout(wide)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(body)
    host = _host(area, width=400, height=300)
    qtbot.addWidget(host)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    lay_out()
    found = fit.problems(host)
    assert [f.split("(")[0] for f in found] == ["QPushButton"], found  # rows below: scrolling
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    lay_out()
    assert fit.problems(host) == []


def test_checker_measures_a_dialog_against_the_screen(qtbot):
    dialog = QDialog()
    dialog.setMinimumWidth(700)
    dialog.show()
    qtbot.addWidget(dialog)
    assert fit.problems(dialog, QRect(0, 0, 960, 540)) == []
    assert len(fit.problems(dialog, QRect(0, 0, 640, 480))) == 1
