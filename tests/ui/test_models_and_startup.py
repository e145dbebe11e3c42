"""Qt's model tester on every custom model (the history model over a million entries), the
start-up contract (window before web3), screenshots, and complete translations."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex

from app.core.resources import resource_path
from app.ui.main_window import ACTIVITY, HOME, PARTNERS, SETTINGS
from app.ui.main_window import EXCHANGE as EXCHANGE_PAGE
from app.ui.main_window import WALLET as WALLET_PAGE
from app.ui.models.history_model import PAGE, HistoryModel
from app.ui.models.wallet_models import ContactsModel, TxModel
from tests.support.bulk_ledger import build
from tests.ui.conftest import settle

MILLION = 1_000_000


@pytest.fixture(scope="module")
def million_ledger(tmp_path_factory):
    directory = tmp_path_factory.mktemp("million")
    build(directory / "ledger.sqlite3", MILLION)
    return directory


def test_history_model_over_a_million_entries_reads_one_page(make_app, qtbot, qtmodeltester,
                                                              million_ledger):
    window, backend = make_app(demo=False, data_dir=million_ledger)
    model = HistoryModel(backend)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE, timeout=20_000)
    assert model.canFetchMore(QModelIndex())  # the rest stays in the database
    assert model.rows[0].key == MILLION and model.rows[-1].key == MILLION - PAGE + 1
    qtmodeltester.check(model)
    # Qt's tester stays attached and fetches again after every insert: on a million rows that
    # would page through everything. Its checks ran; detach it (it is owned by this wrapper).
    qtmodeltester._qt_tester = None
    qtbot.waitUntil(lambda: not model._loading, timeout=20_000)
    n = model.rowCount()
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == n + PAGE, timeout=20_000)
    keys = [r.key for r in model.rows]
    assert keys == list(range(MILLION, MILLION - n - PAGE, -1))  # in order, none skipped


def test_history_model_with_filters_passes_the_model_tester(make_app, qtbot, qtmodeltester):
    window, backend = make_app()
    backend.services.exchange.convert("YANOLJA", "MLK", "2000")
    model = HistoryModel(backend, page=2)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    qtmodeltester.check(model)
    while True:
        qtbot.waitUntil(lambda: not model._loading)
        if not model.canFetchMore(QModelIndex()):
            break
        model.fetchMore(QModelIndex())
    assert [r.kind for r in model.rows][:3] == ["redeem", "sell", "reward"]
    assert len(model.rows) == len(backend.services.history.page(limit=1000))


def test_wallet_models_pass_the_model_tester(make_app, qtmodeltester):
    window, backend = make_app()
    contacts = ContactsModel()
    backend.services.wallet.book.add("Upbit", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                                     "exchange", "Upbit")
    contacts.set_items(backend.services.wallet.book.entries())
    qtmodeltester.check(contacts)
    txs = TxModel()
    txs.set_items([])
    qtmodeltester.check(txs)


def test_the_window_appears_before_web3_loads(tmp_path):
    """Start-up order: the window is shown and painted before any chain library loads."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QSettings\n"
        "app = QApplication([])\n"
        "from app.ui import i18n, theme\n"
        "from app.ui.backend import Backend\n"
        "from app.ui.main_window import MainWindow\n"
        "theme.apply(app, False)\n"
        "langs = i18n.Languages(app); langs.set('en')\n"
        f"b = Backend(r'{tmp_path / 'p'}', demo=True)\n"
        "w = MainWindow(b, langs, QSettings())\n"
        "w.show(); app.processEvents()\n"
        "print(sorted(m for m in ('web3', 'eth_account', 'eth_tester', 'eth') "
        "if m in sys.modules))\n")
    assert _last_line_printed(code) == "[]"


def _last_line_printed(code: str) -> str:
    """Run `code` in a fresh Python (offscreen Qt); the last line it printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_exit_after_paint_exits_zero_once_home_is_populated(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "app", "--demo", "--data-dir",
                          str(tmp_path / "p"), "--exit-after-paint"], env=env, timeout=120,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "p" / "ledger.sqlite3").exists()  # it really opened the profile


STARTUP_MILESTONES = ["entry module imported", "imports done", "window shown",
                      "first frame painted", "profile open", "Home populated"]


def test_startup_trace_prints_each_milestone_in_order_with_rising_times(tmp_path):
    """The window comes before the core: SQLAlchemy and the services load after the first
    frame, while the profile opens."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "app", "--demo", "--data-dir",
                          str(tmp_path / "p"), "--exit-after-paint", "--startup-trace"],
                         env=env, timeout=120, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    marks = [line.split(None, 3)[1:] for line in out.stderr.splitlines()
             if line.startswith("startup-trace ")]
    assert [m[2] for m in marks] == STARTUP_MILESTONES
    times = [float(m[0]) for m in marks]
    assert times == sorted(times) and times[0] >= 0
    assert "startup-trace" not in subprocess.run(
        [sys.executable, "-m", "app", "--demo", "--data-dir", str(tmp_path / "p"),
         "--exit-after-paint"], env=env, timeout=120, capture_output=True, text=True).stderr


def test_the_window_is_shown_before_the_core_loads(tmp_path):
    code = (
        "import sys\n"
        "import app.ui.app as entry\n"
        "marks = []\n"
        "entry.StartupTrace.mark = lambda self, m: marks.append((m, 'sqlalchemy' in "
        "sys.modules, 'app.core.services' in sys.modules))\n"
        f"code = entry.main(['--demo', '--data-dir', r'{tmp_path / 'p'}', "
        "'--exit-after-paint', '--startup-trace'])\n"
        "print(json.dumps(dict((m, a or b) for m, a, b in marks)))\n")
    loaded = json.loads(_last_line_printed("import json\n" + code))
    assert loaded["window shown"] is False and loaded["Home populated"] is True


def test_home_is_populated_before_the_other_pages_and_the_chain_load(tmp_path):
    """What Home does not show stays off the start-up path (an existing demo profile, as
    people start it every day): the other pages are built when first opened, the services
    Home does not use when first used, and the chain libraries (a second of imports) load
    for the wallet's balance only once Home has its figures, which it glances at before the
    profile (and SQLAlchemy) is even open."""
    later = ["app.ui.pages.exchange", "app.ui.pages.wallet", "app.ui.pages.activity",
             "app.ui.pages.settings", "app.core.services.exchange", "app.core.services.bridge",
             "app.core.services.history", "web3", "eth_account", "eth"]
    code = (
        "import json, sys\n"
        "import app.ui.app as entry\n"
        "seen = {}\n"
        f"later = {later!r}\n"
        "entry.StartupTrace.mark = lambda self, m: seen.setdefault(m, [n for n in later "
        "if n in sys.modules])\n"
        f"code = entry.main(['--demo', '--data-dir', r'{tmp_path / 'p'}', "
        "'--exit-after-paint', '--startup-trace'])\n"
        "print(json.dumps(seen))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.run([sys.executable, "-m", "app", "--demo", "--data-dir",
                            str(tmp_path / "p"), "--exit-after-paint"], env=env, timeout=120,
                           capture_output=True, text=True)  # the profile and its demo wallet
    assert first.returncode == 0, first.stderr
    seen = json.loads(_last_line_printed(code))
    assert seen["Home populated"] == []
    marks = list(seen)  # in the order they happened: Home's figures before the profile is open
    assert "profile open" not in marks or marks.index("profile open") > marks.index(
        "Home populated")


def test_screenshot_mode_renders_every_page_in_both_languages(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "app", "--demo", "--data-dir",
                          str(tmp_path / "p"), "--screenshot", str(tmp_path / "shots")],
                         env=env, timeout=240, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    names = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    pages = ["activity", "exchange", "home", "partners", "settings", "wallet"]
    assert names == sorted(f"{lang}-{page}.png" for lang in ("en", "ko") for page in pages)
    assert all((tmp_path / "shots" / n).stat().st_size > 20_000 for n in names)


def _ts_messages():
    tree = ET.parse(resource_path("i18n", "milk_ko.ts"))
    for ctx in tree.getroot().findall("context"):
        for m in ctx.findall("message"):
            yield ctx.find("name").text, m.find("source").text, m.find("translation")


def test_every_string_has_a_korean_translation():
    unfinished = [(c, s) for c, s, t in _ts_messages()
                  if t.get("type") in ("unfinished", "vanished", "obsolete") or not t.text]
    assert unfinished == []
    qm = resource_path("i18n", "milk_ko.qm")
    assert qm.exists() and qm.stat().st_size > 10_000


def test_every_string_in_the_code_is_in_the_translation_file(tmp_path):
    """lupdate on the current code finds nothing new: no visible string escapes translation."""
    root = Path(__file__).resolve().parents[2]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    target = tmp_path / "check.ts"
    target.write_bytes(resource_path("i18n", "milk_ko.ts").read_bytes())
    sources = sorted(str(p) for p in (root / "app" / "ui").rglob("*.py"))
    out = subprocess.run([str(lupdate), *sources, "-ts", str(target), "-no-obsolete"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "0 new" in out.stdout or "(0 new" in out.stdout, out.stdout


ALLOWED_SAME = {"MLK", "P", "RPC URL", "1 MLK = {price} · {source}", "0x…", "0"}


def test_no_translated_call_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr() there is never translated."""
    root = Path(__file__).resolve().parents[2] / "app" / "ui"
    hidden = [f"{p.relative_to(root)}:{n}" for p in root.rglob("*.py")
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"\{\s*(self\.tr|translate|QCoreApplication\.translate)\(", line)]
    assert hidden == []


def _english_patterns() -> list[re.Pattern]:
    """Each English source string as a whole-text pattern, its {placeholders} matching
    anything: "Available: {}" catches "Available: 127,200 pts"."""
    patterns = []
    for _c, source, _t in _ts_messages():
        if source in ALLOWED_SAME:
            continue
        words = re.sub(r"\{[^}]*\}", " ", source)
        if not re.search(r"[A-Za-z]{3,}", words):
            continue  # only placeholders, units and punctuation
        parts = re.split(r"\{[^}]*\}", source)
        patterns.append(re.compile(".+".join(re.escape(p) for p in parts), re.DOTALL))
    return patterns


def _visible_texts(page, window) -> list[str]:
    """Labels, buttons, placeholders, rich-text panes line by line, and table cells/headers."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QTextEdit

    def shown(w):
        return w.isVisibleTo(window)

    texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
             if shown(w)]
    texts += [w.placeholderText() for w in page.findChildren(QLineEdit) if shown(w)]
    for w in filter(shown, page.findChildren(QTextEdit)):
        texts += w.toPlainText().splitlines()
    for view in filter(shown, page.findChildren(QAbstractItemView)):
        model = view.model()
        if model is None:
            continue
        columns = model.columnCount()
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                  for c in range(columns)]
        texts += [str(model.index(r, c).data() or "")
                  for r in range(min(model.rowCount(), 30)) for c in range(columns)]
    return texts


def _english_leaks(window, patterns) -> list[tuple[str, str]]:
    leaks = []
    for index in (HOME, EXCHANGE_PAGE, WALLET_PAGE, ACTIVITY, PARTNERS, SETTINGS):
        window.show_page(index)
        page = window.pages[index]
        texts = _visible_texts(page, window)
        leaks += [(type(page).__name__, t) for t in texts
                  if t.strip() and any(p.fullmatch(t.strip()) for p in patterns)]
    return leaks


def test_no_visible_english_source_string_in_korean(make_app, qtbot):
    """Walk every page in Korean: no visible text is an English source string, filled in or
    not; and none is left behind when the language changes while pages hold data."""
    from PySide6.QtCore import QCoreApplication

    window, backend = make_app(lang="ko")
    patterns = _english_patterns()
    # Qt's own strings too: standard buttons, file dialogs, a text field's context menu.
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "복사(&C)"
    for index in (HOME, EXCHANGE_PAGE, WALLET_PAGE, ACTIVITY, PARTNERS, SETTINGS):
        window.show_page(index)
        settle(qtbot, backend)
    window.exchange.prefill("SSG_DUTYFREE", 45_100)
    qtbot.waitUntil(lambda: window.exchange._quote is not None, timeout=10_000)
    assert _english_leaks(window, patterns) == []
    assert json.dumps(window.windowTitle(), ensure_ascii=False).count("MiL.k") == 1


def test_switching_to_korean_leaves_no_english_behind(make_app, qtbot):
    window, backend = make_app(lang="en")
    patterns = _english_patterns()
    for index in (HOME, EXCHANGE_PAGE, WALLET_PAGE, ACTIVITY, PARTNERS, SETTINGS):
        window.show_page(index)
        settle(qtbot, backend)
    window.show_page(EXCHANGE_PAGE)
    window.exchange.prefill("SSG_DUTYFREE", 45_100)
    qtbot.waitUntil(lambda: window.exchange._quote is not None, timeout=10_000)
    assert _english_leaks(window, patterns) != []  # the check sees English when it is there
    window.languages.set("ko")
    settle(qtbot, backend)
    qtbot.waitUntil(lambda: window.exchange._quote is not None, timeout=10_000)
    settle(qtbot, backend)
    leaks = _english_leaks(window, patterns)
    assert leaks == [], "\n".join(map(str, leaks))


@pytest.mark.parametrize("size", ["abc", "960", "960x", "0x540", "-5x10"])
def test_a_window_size_that_is_not_width_by_height_is_refused(size, capsys):
    from app.ui.app import parse_args

    with pytest.raises(SystemExit) as e:
        parse_args(["--size", size])
    assert e.value.code == 2 and "--size" in capsys.readouterr().err
    assert parse_args(["--size", "960x540"]).size == (960, 540)


def test_gui_thread_gc_freezes_what_survived_its_first_full_collection(qtbot):
    """The app's collector (app.ui.tasks.GuiThreadGC): after the first full collection the
    survivors are frozen (later full collections no longer walk them and stall the window),
    and a cycle made afterwards is still collected, on the GUI thread."""
    import gc
    import weakref

    from app.ui.tasks import GuiThreadGC

    keeper = GuiThreadGC(interval_ms=10, full_every=3)
    try:
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)

        class Node:
            pass

        node = Node()
        node.me = node
        alive = weakref.ref(node)
        del node
        qtbot.waitUntil(lambda: alive() is None, timeout=5000)
    finally:
        keeper._timer.stop()
        keeper.deleteLater()
        gc.unfreeze()
