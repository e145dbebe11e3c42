"""The main window: navigation rail + pages. Wiring only; every page is its own module.

Only Home is built before the first frame; every other page (and its module) is built the
first time it is shown or asked for, which keeps their imports off the start-up path."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from app.ui.backend import NETWORK, PRICES, Backend
from app.ui.backend import WALLET as WALLET_AREA
from app.ui.display import DisplayModes
from app.ui.i18n import Languages
from app.ui.pages.home import HomePage
from app.ui.tray import Tray
from app.ui.widgets.common import after_next_paint
from app.ui.widgets.nav_rail import NavRail

HOME, EXCHANGE, WALLET, ACTIVITY, PARTNERS, SETTINGS = range(6)
PAGE_ICONS = ("home", "exchange", "wallet", "activity", "partners", "settings")
PRESENTER_KEYS, PRIVACY_KEYS = "Ctrl+Shift+P", "Ctrl+Shift+H"


class MainWindow(QMainWindow):
    home_painted = Signal()  # the first paint of Home with data in it
    first_painted = Signal()  # the window's first frame (before the profile is open)

    def __init__(self, backend: Backend, languages: Languages, prefs, parent=None):
        super().__init__(parent)
        self.backend = backend
        self.languages = languages
        # No fixed minimum: the rail and the pages say how small the window can be (pages
        # scroll and reflow), which stays within 960×540 (a 1080p screen at 200 %).
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.rail = NavRail()
        self.stack = QStackedWidget()
        row.addWidget(self.rail)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.prefs = prefs
        self.display = DisplayModes(prefs, self)
        self.tray = Tray(backend, prefs, self)
        self.home = HomePage(backend)
        self._built: dict[int, QWidget] = {HOME: self.home}
        for index, icon in enumerate(PAGE_ICONS):
            self.stack.addWidget(self.home if index == HOME else QWidget())  # placeholders
            self.rail.add(icon)
        self.demo_badge = QLabel()
        self.demo_badge.setObjectName("DemoBadge")
        self.demo_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if not backend.demo:  # (showing a widget that has no parent yet opens it as a window)
            self.demo_badge.hide()
        self.help_button = self.rail.add_tool("help")
        self.help_menu = QMenu(self)  # Help: keyboard shortcuts (About and the tour go here)
        self.help_button.setMenu(self.help_menu)
        self.shortcuts_action = self.help_menu.addAction("")
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.tour_action = self.help_menu.addAction("")
        self.tour_action.triggered.connect(self.start_tour)
        self.tour_action.setVisible(backend.demo)  # the tour drives the demo profile
        self.about_action = self.help_menu.addAction("")
        self.about_action.triggered.connect(lambda: self.settings.show_about())
        self.rail.add_bottom(self.demo_badge)
        self.rail.selected.connect(self.show_page)
        self._add_shortcuts()

        self.home.convert_requested.connect(self._convert_from_home)
        self.home.painted.connect(self.home_painted)
        self.home.painted.connect(backend.seed_demo_wallet)
        self.home.link_button.clicked.connect(lambda: self.show_page(PARTNERS))
        self.display.changed.connect(self._restyle)
        self.tray.open_requested.connect(self.bring_back)
        languages.changed.connect(self._language_changed)
        after_next_paint(self, self.first_painted.emit)  # the first frame (start-up timing)
        self.dialog = None  # the dialog opened last (non-blocking)
        self.retranslate()
        self.show_page(HOME)

    # -- pages, built when first needed --------------------------------------------------------
    def page(self, index: int):
        """The page at `index`, built (with its module imported) the first time it is needed."""
        page = self._built.get(index)
        if page is None:
            page = self._built[index] = self._build(index)
            placeholder = self.stack.widget(index)
            self.stack.removeWidget(placeholder)
            self.stack.insertWidget(index, page)  # the current page stays current
            placeholder.deleteLater()
            page.retranslate()
        return page

    def _build(self, index: int):
        backend = self.backend
        if index == EXCHANGE:
            from app.ui.pages.exchange import ExchangePage

            page = ExchangePage(backend)
            page.link_requested.connect(self._link_from_exchange)
        elif index == WALLET:
            from app.ui.pages.wallet import WalletPage

            page = WalletPage(backend)
        elif index == ACTIVITY:
            from app.ui.pages.activity import ActivityPage

            page = ActivityPage(backend)
        elif index == PARTNERS:
            from app.ui.pages.partners import PartnersPage

            page = PartnersPage(backend)
        else:
            from app.ui.pages.settings import SettingsPage

            page = SettingsPage(backend, self.languages, self.prefs, self.display, self.tray)
            page.theme_changed.connect(self._restyle)
        return page

    exchange = property(lambda self: self.page(EXCHANGE))
    wallet = property(lambda self: self.page(WALLET))
    activity = property(lambda self: self.page(ACTIVITY))
    partners = property(lambda self: self.page(PARTNERS))
    settings = property(lambda self: self.page(SETTINGS))

    @property
    def pages(self) -> list:
        """Every page, each built (for code that walks them all: the tour, screenshots)."""
        return [self.page(i) for i in range(len(PAGE_ICONS))]

    def show_page(self, index: int) -> None:
        self.page(index)
        self.stack.setCurrentIndex(index)
        self.rail.set_current(index)
        if index != HOME:  # Home will not paint its figures now: the wallet need not wait
            self.backend.seed_demo_wallet()

    def resize_within_screen(self, size: QSize) -> None:
        """Open at `size`, or as much of it as the screen has room for."""
        screen = self.screen().availableGeometry()
        self.resize(size.boundedTo(screen.size()))

    # -- keyboard shortcuts -------------------------------------------------------------------
    def _add_shortcuts(self) -> None:
        """One action per shortcut, live wherever the focus is in the window; the list in
        Help → Keyboard shortcuts is made from these same actions."""
        def add(keys, slot) -> QAction:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self._page_actions = [add(f"Ctrl+{i + 1}", lambda _c=False, i=i: self.show_page(i))
                              for i in range(len(PAGE_ICONS))]
        self._search_action = add("Ctrl+F", self.search_activity)
        self._export_action = add("Ctrl+E", self.export_activity)
        self._sync_action = add("F5", self.sync_now)
        self._settings_action = add("Ctrl+,", lambda: self.show_page(SETTINGS))
        self._presenter_action = add(PRESENTER_KEYS, lambda: self.display.set_presenter(
            not self.display.presenter))
        self._privacy_action = add(PRIVACY_KEYS, lambda: self.display.set_private(
            not self.display.private))
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.addAction(self.shortcuts_action)

    def shortcuts(self) -> list[tuple[QKeySequence, str]]:
        """(keys, what they do) for every shortcut, in the order Help lists them."""
        names = [self.rail._buttons[i][0].text() for i in range(len(PAGE_ICONS))]
        listed = [(a.shortcut(), self.tr("Go to {page}").format(page=name))
                  for a, name in zip(self._page_actions, names, strict=True)]
        return listed + [(self._search_action.shortcut(), self.tr("Search activity")),
                         (self._export_action.shortcut(), self.tr("Export activity as CSV")),
                         (self._sync_action.shortcut(),
                          self.tr("Sync partners and refresh balances")),
                         (self._settings_action.shortcut(), self.tr("Open settings")),
                         (self._presenter_action.shortcut(),
                          self.tr("Presenter mode: larger type, on or off")),
                         (self._privacy_action.shortcut(),
                          self.tr("Privacy mode: hide balances and addresses, on or off")),
                         (self.shortcuts_action.shortcut(), self.tr("Keyboard shortcuts"))]

    def start_tour(self) -> None:
        """Help → Guided tour: the presenter's hands-free tour of the demo."""
        from app.ui.tour import Tour

        self.tour = Tour(self)
        self.tour.start()

    def show_shortcuts(self) -> None:
        from app.ui.dialogs.shortcuts import ShortcutsDialog

        self.dialog = ShortcutsDialog(self.shortcuts(), self)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def search_activity(self) -> None:
        self.show_page(ACTIVITY)
        self.activity.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.activity.search.selectAll()

    def export_activity(self) -> None:
        self.show_page(ACTIVITY)
        self.activity.export_button.click()

    def sync_now(self) -> None:
        """F5: bring every linked partner up to date and re-read prices and the wallet."""
        self.partners.sync_all.click()
        self.backend.notify(PRICES, WALLET_AREA, NETWORK)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("MiL.k Wallet") + (" — " + self.tr("Demo")
                                                       if self.backend.demo else ""))
        for i, text in enumerate((self.tr("Home"), self.tr("Exchange"), self.tr("Wallet"),
                                  self.tr("Activity"), self.tr("Partners"),
                                  self.tr("Settings"))):
            self.rail.set_text(i, text)
        self.demo_badge.setText(self.tr("DEMO"))
        self.help_button.setText(self.tr("Help"))
        self.help_button.setToolTip(self.help_button.text())
        self.shortcuts_action.setText(self.tr("Keyboard shortcuts"))
        self.about_action.setText(self.tr("About MiL.k Wallet"))
        self.tour_action.setText(self.tr("Guided tour (demo)"))
        self.tray.retranslate()
        for page in self._built.values():
            page.retranslate()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def _restyle(self) -> None:
        self.rail.restyle()
        for page in self._built.values():
            page.retranslate()

    def _link_from_exchange(self, partner_code: str) -> None:
        self.show_page(PARTNERS)
        partner = next(p for p in self.backend.services.ctx.catalog if p.code == partner_code)
        self.partners.open_link(partner)

    def _convert_from_home(self, partner_code: str, points: int) -> None:
        self.exchange.prefill(partner_code, points)
        self.show_page(EXCHANGE)

    def bring_back(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event) -> None:
        if self.tray.keep_running:  # reminders go on from the tray; Quit is in its menu
            event.ignore()
            self.hide()
            return
        self.tray.hide()
        try:
            self.languages.changed.disconnect(self._language_changed)
        except (RuntimeError, TypeError):  # already disconnected by an earlier close
            pass
        self.backend.close()
        super().closeEvent(event)
