"""`milk-wallet --demo --tour`: a hands-free guided tour for a partner meeting — link a partner,
the one view, convert points that are about to expire, cash out to Upbit (demo) — with a
caption for each step at a steady pace, ending on Home.

The tour uses the app the way a presenter would: it opens the same dialogs and presses the
same buttons, so what the room sees is the real thing. Each step is a generator that yields
what to wait for (a condition, or a pause); a timer resumes it."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

from app.ui import fmt

PACE_MS = 3500  # how long a caption stays before the next action
POLL_MS = 100
STEP_TIMEOUT_S = 60
TOUR_MEMBER = "demo-minji"
TOUR_PARTNER = "DELICAR"
TOUR_CASH_OUT = "100"  # MLK sent to the demo exchange


class Wait:
    """Resume when `ready()` is true (or fail the tour after `timeout` seconds)."""

    def __init__(self, ready, timeout: float = STEP_TIMEOUT_S):
        self.ready, self.deadline = ready, time.monotonic() + timeout


class Pause:
    def __init__(self, ms: int):
        self.until = time.monotonic() + ms / 1000


class Caption(QLabel):
    """The tour's words at the bottom of the window, large enough for the back of a room."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("TourCaption")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("#TourCaption { background: rgba(17, 18, 24, 215); color: white; "
                           "border-radius: 14px; padding: 14px 22px; font-size: 19px; "
                           "font-weight: 600; }")
        self.hide()
        window.installEventFilter(self)  # a resized window keeps its caption in view

    def say(self, text: str) -> None:
        self.setText(text)
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        window = self.parentWidget()
        width = max(200, min(900, window.width() - 80))
        self.ensurePolished()  # the style sheet's type size and padding, before measuring
        self.setFixedWidth(width)
        self.setFixedHeight(self.heightForWidth(width))
        self.move((window.width() - width) // 2, window.height() - self.height() - 28)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == event.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)


class Tour(QObject):
    step_changed = Signal(int, str)  # index, caption
    finished = Signal(bool)  # True when every step ran; False when one could not

    def __init__(self, window, pace_ms: int = PACE_MS):
        super().__init__(window)
        self.window, self.pace = window, pace_ms
        self.caption = Caption(window)
        self.captions: list[str] = []
        self.problem = ""
        self.stuck_at = ""  # where in the script a step timed out (for a bug report)
        self._steps = None
        self._waiting = None
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._tick)

    # -- driving -------------------------------------------------------------------------------
    def start(self) -> None:
        backend = self.window.backend
        if not backend.is_ready:  # Home painted figures it glanced before the profile opened
            backend.ready.connect(self.start, Qt.ConnectionType.SingleShotConnection)
            return
        self._steps = self._script()
        self._timer.start()
        self._advance()

    def _tick(self) -> None:
        w = self._waiting
        if isinstance(w, Pause) and time.monotonic() < w.until:
            return
        if isinstance(w, Wait) and not w.ready():
            if time.monotonic() > w.deadline:
                self.stuck_at = _where(self._steps)
                self._end(False, "a step did not finish in time")
            return
        self._advance()

    def _advance(self) -> None:
        try:
            self._waiting = next(self._steps)
        except StopIteration:
            self._end(True)
        except Exception as exc:  # a tour must never take the app down with it
            self._end(False, f"{type(exc).__name__}: {exc}")

    def _end(self, ok: bool, problem: str = "") -> None:
        self._timer.stop()
        self.problem = problem
        if not ok:
            self.caption.say(self.tr("The tour stopped: {}").format(problem))
        else:
            self.caption.hide()
        self.finished.emit(ok)

    def say(self, text: str):
        self.captions.append(text)
        self.caption.say(text)
        self.step_changed.emit(len(self.captions) - 1, text)
        return Pause(self.pace)

    def idle(self):
        backend = self.window.backend
        return Wait(lambda: not backend.ledger.busy and not backend.chain.busy)

    # -- the script ----------------------------------------------------------------------------
    def _script(self):
        from app.ui.main_window import EXCHANGE, HOME, PARTNERS

        w = self.window
        w.show_page(HOME)
        yield self.idle()
        yield self.say(self.tr("This is MiL.k Wallet: every alliance partner's points in one "
                               "view, worth KRW and MLK."))

        # 1. link a partner
        w.show_page(PARTNERS)
        yield self.idle()
        partner = w.backend.services.ctx.catalog.get(TOUR_PARTNER)
        yield self.say(self.tr("Link a partner: {partner} sends a code to the member's app, "
                               "and their points are shown here.").format(
            partner=fmt.partner_name(partner)))
        dialog = w.partners.open_link(partner)
        dialog.member.setText(TOUR_MEMBER)
        dialog.send_code.click()
        yield Wait(lambda: dialog.code.isEnabled())
        yield Pause(self.pace // 2)
        dialog.code.setText(dialog.challenge.demo_code)
        dialog.link.click()
        yield Wait(lambda: dialog.message.role == "Positive")
        yield Pause(self.pace // 2)
        dialog.accept()
        yield self.idle()

        # 2. the one view
        w.show_page(HOME)
        yield self.idle()
        yield Wait(lambda: w.home.banner.isVisible())
        yield self.say(self.tr("The one view: every balance, its value, and what expires "
                               "soon."))

        # 3. rescue points that are about to expire
        yield self.say(self.tr("Points about to expire are converted to MLK before they are "
                               "lost: TICA quotes at market value, 1.5% per leg."))
        w.home.banner.action.click()
        page = w.exchange
        page.dialog = None
        yield Pause(self.pace // 2)
        # Checked in the same tick as the click: a refresh in between (the demo wallet arriving
        # changes the wallet) would re-quote, and a click on a disabled button does nothing.
        yield Wait(lambda: page.review.isEnabled() and not page._debounce.isActive())
        page.review.click()
        yield Wait(lambda: page.dialog is not None and page.dialog.isVisible())
        yield Pause(self.pace // 2)
        page.dialog.confirm.click()
        yield Wait(lambda: page.result.isVisible())
        yield self.say(self.tr("Converted, and booked in the tamper-evident ledger."))
        w.show_page(EXCHANGE)

        # 4. cash out to the exchange
        yield from self._cash_out()

        # 5. the end
        w.show_page(HOME)
        yield self.idle()
        yield self.say(self.tr("That is MiL.k: points from every partner, rescued before they "
                               "expire, turned into MLK you can cash out."))

    def _cash_out(self):
        from app.ui.main_window import WALLET

        w = self.window
        w.show_page(WALLET)
        yield Wait(lambda: w.backend.demo_wallet is not None)
        yield self.idle()
        password = w.backend.demo_password()
        if password is None:
            yield self.say(self.tr("Cashing out needs the demo wallet's key, and this computer "
                                   "has no keyring to keep it in: the wallet is watch-only "
                                   "here."))
            return
        page = w.wallet
        yield Wait(lambda: page.send_button.isVisible() and page.send_button.isEnabled())
        yield self.say(self.tr("Cash out: MLK goes from the wallet to an Upbit deposit "
                               "address on the right network, after every check."))
        page.send_button.click()
        send = page.dialog
        index = next(i for i in range(send.destination.count())
                     if "Upbit (demo)" in send.destination.itemText(i))
        send.destination.setCurrentIndex(index)
        send.amount.setText(TOUR_CASH_OUT)
        yield Pause(self.pace // 2)
        send.next_button.click()
        yield Wait(lambda: send.steps.currentIndex() == 1)
        yield Pause(self.pace // 2)
        for check in send._acks:
            check.setChecked(True)
        send.password.setText(password)
        send.send_button.click()
        yield Wait(lambda: send._tx is not None and send._tx.status == "confirmed")
        yield self.say(self.tr("Sent to Upbit (demo) and confirmed on the chain."))
        send.accept()
        yield self.idle()


def _where(steps) -> str:
    """The script's line a generator is paused at (following `yield from`)."""
    while getattr(steps, "gi_yieldfrom", None) is not None:
        steps = steps.gi_yieldfrom
    frame = getattr(steps, "gi_frame", None)
    return f"{frame.f_code.co_name}, line {frame.f_lineno}" if frame else ""
