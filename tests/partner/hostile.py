"""A misbehaving partner on a real socket: each test scripts the raw bytes it answers.

`RawServer(answer)` listens on 127.0.0.1; for every request it reads (keep-alive aware) it
calls `answer(request, conn)`, which writes whatever it likes and returns False to hang up.
It counts the connections it accepted.
"""
from __future__ import annotations

import json
import socket
import threading
from dataclasses import dataclass


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class RawServer:
    def __init__(self, answer, port: int = 0):
        self.answer = answer
        self.connections = 0
        self.requests: list[Request] = []
        self._sock = socket.create_server(("127.0.0.1", port))
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closed = True
        try:  # wakes the thread blocked in accept(): a bare close() leaves it listening
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        buffer = b""
        with conn:
            try:
                while True:
                    while b"\r\n\r\n" not in buffer:
                        chunk = conn.recv(65536)
                        if not chunk:
                            return
                        buffer += chunk
                    head, buffer = buffer.split(b"\r\n\r\n", 1)
                    lines = head.decode("latin-1").split("\r\n")
                    method, path, _ = lines[0].split(" ", 2)
                    headers = {k.strip().lower(): v.strip() for k, v in
                               (line.split(":", 1) for line in lines[1:])}
                    length = int(headers.get("content-length", 0))
                    while len(buffer) < length:
                        buffer += conn.recv(65536)
                    body, buffer = buffer[:length], buffer[length:]
                    request = Request(method, path, headers, body)
                    self.requests.append(request)
                    if not self.answer(request, conn):
                        return
            except OSError:
                return


def response(status: int, body: bytes | dict, media: str = "application/json",
             extra: str = "") -> bytes:
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    return (f"HTTP/1.1 {status} X\r\nContent-Type: {media}\r\nContent-Length: {len(data)}\r\n"
            f"{extra}\r\n").encode() + data


def always(raw: bytes, keep_alive: bool = False):
    """An answer function that sends `raw` to every request."""

    def answer(request, conn):
        conn.sendall(raw)
        return keep_alive

    return answer
