"""One writer process of the multi-process benchmarks: `python -m tests.perf.writers MODE ...`.

It gets ready (connects, opens the profile), waits for the go file, runs `n` durable writes
and prints {"start", "end", "ops"} on the system-wide monotonic clock, so the parent can
compute the throughput of N such processes running at once.
  raw URL N GO           one INSERT + COMMIT per transaction with psycopg
  convert DIR URL N GO   `exchange.convert` on the profile in DIR over the database URL
"""
from __future__ import annotations

import itertools
import json
import os
import sys
import time
from pathlib import Path


def _wait(go: Path) -> None:
    while not go.exists():
        time.sleep(0.001)


def raw(url: str, n: int, go: Path) -> dict:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        print("ready", flush=True)
        _wait(go)
        start = time.monotonic()
        for i in range(n):
            conn.execute("INSERT INTO bench_raw (k, v) VALUES (%s, %s)",
                         (f"{os.getpid()}-{i}", "x" * 200))
            conn.commit()
        return {"start": start, "end": time.monotonic(), "ops": n}


def convert(directory: str, url: str, n: int, go: Path) -> dict:
    from app.core.services import Services

    svc = Services.open(Path(directory), database_url=url)
    keys = itertools.count()
    step = converter(svc, f"w{os.getpid()}", keys)
    step()  # connections, caches and the partners' stores warm
    print("ready", flush=True)
    _wait(go)
    start = time.monotonic()
    for _ in range(n):
        step()
    end = time.monotonic()
    svc.close()
    return {"start": start, "end": end, "ops": n}


def converter(svc, prefix: str, keys):
    """Alternately sell 1,000 YANOLJA points for MLK and buy 1,000 back: a long run never
    runs out of either."""
    def step():
        i = next(keys)
        if i % 2 == 0:
            svc.exchange.convert("YANOLJA", "MLK", "1000", key=f"{prefix}-{i}")
        else:
            svc.exchange.convert("MLK", "YANOLJA", "1000", exact_out=True, key=f"{prefix}-{i}")
    return step


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "raw":
        out = raw(args[0], int(args[1]), Path(args[2]))
    else:
        out = convert(args[0], args[1], int(args[2]), Path(args[3]))
    print(json.dumps(out), flush=True)
