"""The reference partner server's application, run inside this process (the demo partners).

No socket and nothing else to start: `InProcessTransport` hands each request to the ASGI
app through httpx's own ASGITransport on a short-lived event loop in the calling thread, so
the app's worker threads call it exactly as they call a partner over HTTP, with the same
client code (PartnerApiConnector). The app runs its store calls inline (no thread pool), so
nothing outlives a request. The state is a normal `milk-partner` data directory: the page
and `milk-partner member show` work on it too, even while the app runs.

Member tokens: kept like any partner's (the profile's keyring). A linked member with no
token here (no keyring could keep it, or it was linked before tokens existed) is signed in
again through the partner's own store (`Store.sign_in`, what the partner's app does after a
login). That gives nothing away: whoever runs an in-process partner holds its database.
A member the store has never seen but the ledger shows as linked (a profile made when the
demo partners' points lived only in the ledger) is enrolled with the lots the ledger shows,
so the partner's books start where the user's view is.
"""
from __future__ import annotations

import asyncio
import secrets
import sqlite3
import threading
from pathlib import Path

import httpx

from app.core.connectors.client import PartnerApiConnector
from app.core.errors import ExternalError, InputError
from app.core.partners import Partner


class InProcessTransport(httpx.BaseTransport):
    def __init__(self, app):
        self._asgi = httpx.ASGITransport(app=app, raise_app_exceptions=False)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def exchange():
            inner = httpx.Request(request.method, request.url, headers=request.headers,
                                  content=body)
            response = await self._asgi.handle_async_request(inner)
            return response.status_code, response.headers, await response.aread()

        status, headers, content = asyncio.run(exchange())
        return httpx.Response(status, headers=headers, content=content)


_clients: dict[Path, tuple[httpx.Client, str, object]] = {}
_lock = threading.Lock()


def reference_connector(partner: Partner, state_dir: Path | None, tokens,
                        now=None, mirror=None) -> PartnerApiConnector:
    """A connector to `partner`'s in-process reference server, its data in
    `state_dir/<CODE>` (or the catalog's `connector.data_dir`), on the clock `now` (the
    app's; the first connector to a directory in a process sets it)."""
    explicit = partner.connector.get("data_dir")
    if explicit:
        directory = Path(explicit).expanduser()
    elif state_dir is not None:
        directory = Path(state_dir) / partner.code
    else:
        raise InputError(f"{partner.name_en} runs in-process but no directory was given for "
                         "its data.", code="partner_misconfigured")
    client, credential, store = _client(partner, directory.resolve(), now)
    return PartnerApiConnector(partner, client, lambda: credential,
                               _SignedIn(tokens, store, mirror),
                               timeout=float(partner.connector.get("timeout_seconds", 10)))


class _SignedIn:
    """`tokens`, and a sign-in for a linked member who has no token here yet."""

    def __init__(self, tokens, store, mirror=None):
        self._tokens, self._store, self._mirror = tokens, store, mirror

    def get(self, partner: str, member_id: str) -> str | None:
        token = self._tokens.get(partner, member_id)
        if token is not None:
            return token
        lots = self._mirror(member_id) if self._mirror else None
        if lots is None:  # not linked in the ledger: only the code the member confirms links
            return None
        if self._store.member_status(member_id) is None:
            self._store.enrol(member_id, lots)
        if self._store.member_status(member_id) == "active":
            token = self._store.sign_in(member_id)
            self._tokens.put(partner, member_id, token)
        return token

    def put(self, partner: str, member_id: str, token: str) -> None:
        self._tokens.put(partner, member_id, token)

    def delete(self, partner: str, member_id: str) -> None:
        self._tokens.delete(partner, member_id)

    def keeps(self) -> bool:
        return True  # what the keyring cannot keep, a sign-in gives back


def _client(partner: Partner, directory: Path, now) -> tuple[httpx.Client, str, object]:
    with _lock:
        if directory not in _clients:
            from app.partner_server.app import create_app
            from app.partner_server.store import Store

            try:
                store = Store.open(directory, partner.code,
                                   tica_points=partner.target_inventory, now=now)
            except sqlite3.Error as exc:  # a full disk, a damaged file: nothing was sent
                raise ExternalError(f"{partner.name_en}'s data (in {directory}) cannot be "
                                    f"opened: {exc}. Nothing was sent to it.",
                                    code="partner_unavailable") from exc
            credential = secrets.token_urlsafe(32)  # lives only in this process
            app = create_app(store, credential, partner=partner, demo_codes=True,
                             demo_members=bool(partner.connector.get("demo_members", True)),
                             threaded=False)
            client = httpx.Client(transport=InProcessTransport(app),
                                  base_url=f"http://{partner.code.lower()}.in-process")
            _clients[directory] = (client, credential, store)
        return _clients[directory]


def close_in_process(state_dir: Path | None = None) -> None:
    """Close the in-process partners whose data lives under `state_dir` (all when None)."""
    with _lock:
        for directory in list(_clients):
            if state_dir is None or directory.is_relative_to(Path(state_dir).resolve()):
                client, _, store = _clients.pop(directory)
                client.close()
                store.close()
