"""Reminders outside the window: the tray tells about points about to expire (once) and about a
sync that changed a balance; Settings switches reminders off and chooses the days."""
from __future__ import annotations

from datetime import timedelta

from app.ui.main_window import SETTINGS
from tests.ui.conftest import settle
from tests.ui.drive import click


def test_expiring_points_are_announced_once(make_app, qtbot):
    window, backend = make_app()
    tray = window.tray
    qtbot.waitUntil(lambda: bool(tray.history), timeout=10_000)  # checked as soon as it opened
    titles = [t for t, _ in tray.history]
    assert any("Shinsegae Duty Free points expire soon" == t for t in titles), titles
    text = dict(tray.history)["Shinsegae Duty Free points expire soon"]
    assert "45,100 pts" in text and "Convert them" in text
    before = len(tray.history)
    tray.check()
    settle(qtbot, backend)
    assert len(tray.history) == before  # not again


def test_a_sync_that_changes_a_balance_is_announced(make_app, qtbot):
    from app.partner_server.store import Store

    window, backend = make_app()
    tray = window.tray
    settle(qtbot, backend)
    tray.history.clear()
    svc = backend.services
    # the member earns points at Yanolja itself (a stay): the partner's own books change
    store = Store.open(svc.ctx.partners_dir / "YANOLJA", now=svc.ctx.clock.now)
    try:
        store.add_points("demo-jiwoo", 5_000, svc.ctx.clock.today() + timedelta(days=365))
    finally:
        store.close()
    tray.sync_in_background()
    qtbot.waitUntil(lambda: any("Yanolja balance changed" == t for t, _ in tray.history),
                    timeout=10_000)
    text = dict(tray.history)["Yanolja balance changed"]
    assert text.startswith("+5,000") and "since the last sync" in text


def test_reminders_can_be_switched_off_and_timed(make_app, qtbot):
    window, backend = make_app()
    window.show_page(SETTINGS)
    settle(qtbot, backend)
    settings = window.settings
    assert settings.remind.isChecked() and settings.remind_days.text() == "30, 7, 1"
    settings.remind_days.clear()
    qtbot.keyClicks(settings.remind_days, "30, x")
    click(qtbot, settings.save_reminders)
    qtbot.waitUntil(lambda: "whole numbers" in settings.reminders_message.text(),
                    timeout=10_000)
    settings.remind_days.clear()
    qtbot.keyClicks(settings.remind_days, "14,3")
    click(qtbot, settings.save_reminders)
    qtbot.waitUntil(lambda: settings.reminders_message.text() == "Saved.", timeout=10_000)
    assert backend.services.reminders.days == (14, 3)
    click(qtbot, settings.remind)  # off
    settle(qtbot, backend)
    assert not backend.services.reminders.enabled
    window.tray.history.clear()
    backend.services.settings.set("reminders.sent", "[]")  # even what was never sent
    window.tray.check()
    settle(qtbot, backend)
    assert window.tray.history == []


def test_closing_the_window_keeps_the_app_in_the_tray(make_app, qtbot, monkeypatch):
    """Where the desktop has a tray (the offscreen test platform has none, so its presence
    is assumed here), closing the window hides it; the tray's Open brings it back."""
    from app.ui.tray import Tray

    monkeypatch.setattr(Tray, "available", property(lambda self: True))
    window, backend = make_app()
    window.tray.set_keep_running(True)
    window.close()
    assert not window.isVisible() and backend.is_ready  # still syncing and reminding
    window.tray.open_action.trigger()
    assert window.isVisible()
    window.tray.set_keep_running(False)
