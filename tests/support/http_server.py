"""A real HTTP server on 127.0.0.1 for tests of HTTP clients (price feed, partners)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Routes:
    """path -> (status, body) or a callable(handler) -> (status, body); records requests."""

    def __init__(self):
        self.routes: dict[tuple[str, str], object] = {}
        self.requests: list[dict] = []

    def set(self, method: str, path: str, status: int, body) -> None:
        self.routes[(method, path)] = (status, body)


def serve(routes: Routes):
    class Handler(BaseHTTPRequestHandler):
        def _handle(self, method):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            routes.requests.append({"method": method, "path": self.path,
                                    "headers": dict(self.headers), "body": body})
            status, payload = routes.routes.get((method, self.path), (404, {"error": "nf"}))
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._handle("GET")

        def do_POST(self):
            self._handle("POST")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
