"""Background work for the GUI. The GUI thread never waits on the database, the network or
the keyring: work is submitted to a lane (a serial worker thread) and the result comes back
to the GUI thread through a queued signal.

Two lanes: `ledger` (database work, one at a time: the ledger is a serial resource) and
`chain` (the embedded EVM is single-threaded; keyring and node calls also go here).
"""
from __future__ import annotations

import logging
import queue
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class Lane(QObject):
    busy_changed = Signal(bool)
    _deliver = Signal(object, object, object, object)  # on_done, on_error, result, error

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._queue: queue.Queue = queue.Queue()
        self._pending = 0
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name=f"lane:{name}", daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[], object], on_done: Callable[[object], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._queue.put((fn, on_done, on_error))

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            fn, on_done, on_error = job
            try:
                result, error = fn(), None
            except BaseException as exc:  # handed to the GUI thread, never lost
                result, error = None, exc
                if not _expected(exc):
                    log.error("task on lane %s failed:\n%s", self.name,
                              "".join(traceback.format_exception(exc)))
            self._deliver.emit(on_done, on_error, result, error)

    @Slot(object, object, object, object)
    def _on_deliver(self, on_done, on_error, result, error) -> None:
        self._pending -= 1
        try:
            if error is not None:
                if on_error is not None:
                    on_error(error)
            elif on_done is not None:
                on_done(result)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def stop(self, timeout: float = 10.0) -> None:
        self._queue.put(None)
        self._thread.join(timeout)


def _expected(exc: BaseException) -> bool:
    from app.core.errors import MilkError

    return isinstance(exc, MilkError)


class GuiThreadGC(QObject):
    """Garbage collection only on the GUI thread.

    Python collects cycles in whichever thread happens to allocate; a cycle holding a Qt
    object would then be destroyed from a worker lane, which Qt does not allow. So automatic
    collection is switched off and done here, young generations often, the oldest rarely.
    What survives the first full collection (the modules, the window: about 170,000 objects
    once the chain's libraries are in) is frozen, so the later ones take under a millisecond
    instead of stalling the window for about 110 ms each minute."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500,
                 full_every: int | None = 120):
        import gc

        from PySide6.QtCore import QTimer

        super().__init__(parent)
        self._ticks = 0
        self._full_every = full_every  # ticks between full collections; None: never
        self._frozen = False
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._collect)
        self._timer.start()

    def _collect(self) -> None:
        import gc

        self._ticks += 1
        if self._full_every and self._ticks % self._full_every == 0:
            gc.collect(2)
            if not self._frozen:
                gc.freeze()
                self._frozen = True
        else:
            gc.collect(1 if self._ticks % 10 == 0 else 0)
