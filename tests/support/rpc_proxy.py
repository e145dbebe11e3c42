"""A real JSON-RPC proxy on 127.0.0.1 in front of anvil, to make faults a bare node cannot.

- `lose_answer(method)`: forward the request, then close the connection without answering
  (the node accepted a transaction but the answer was lost: "timeout but landed");
- `refuse(method, message)`: answer with a JSON-RPC error without forwarding (e.g. an
  "replacement transaction underpriced" from a node with another mempool policy);
- `down()` / `up()`: stop and restart listening on the same port (the node is down);
- `upstream = other_url`: the URL now leads to another node (e.g. another chain id).

Also a pytest plugin: `--chain-faults-long` turns on the long randomised fault loops.
"""
from __future__ import annotations

import json
import socket
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


def pytest_addoption(parser):
    parser.addoption("--chain-faults-long", action="store_true", default=False,
                     help="run the long randomised chain-fault loops (kills at random moments)")


@pytest.fixture
def chain_faults_long(request) -> bool:
    return request.config.getoption("--chain-faults-long")


class RpcProxy:
    def __init__(self, upstream: str):
        self.upstream = upstream
        self.calls: list[str] = []
        self._lose: dict[str, int] = {}
        self._refuse: dict[str, str] = {}
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.up()

    # -- faults --
    def lose_answer(self, method: str, times: int = 1) -> None:
        with self._lock:
            self._lose[method] = times

    def refuse(self, method: str, message: str | None) -> None:
        with self._lock:
            if message is None:
                self._refuse.pop(method, None)
            else:
                self._refuse[method] = message

    def down(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def up(self) -> None:
        if self._server is None:
            self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
            self._server.daemon_threads = True
            threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.down()

    # -- serving --
    def _decide(self, methods: list[str]) -> tuple[str, str | None]:
        with self._lock:
            self.calls.extend(methods)
            for m in methods:
                if m in self._refuse:
                    return "refuse", self._refuse[m]
            for m in methods:
                if self._lose.get(m, 0) > 0:
                    self._lose[m] -= 1
                    return "lose", None
        return "forward", None

    def _handler(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    doc = json.loads(body)
                except ValueError:
                    doc = {}
                items = doc if isinstance(doc, list) else [doc]
                action, message = proxy._decide([str(d.get("method")) for d in items])
                if action == "refuse":
                    out = [{"jsonrpc": "2.0", "id": d.get("id"),
                            "error": {"code": -32000, "message": message}} for d in items]
                    return self._answer(json.dumps(out if isinstance(doc, list) else out[0])
                                        .encode())
                request = urllib.request.Request(proxy.upstream, data=body,
                                                 headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=30) as response:
                    answer = response.read()
                if action == "lose":  # it reached the node; the answer never comes back
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self._answer(answer)

            def _answer(self, data: bytes):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler
