"""Benchmarks (pytest-benchmark), run apart from the suite: `tests/run tests/perf`.

Absolute timings depend on the machine, so every group has a baseline measured in the same
run, and the summary reports each case as a ratio against it. The ratios are what the README
quotes and what a regression shows up in."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

RESULTS: list[Measured] = []


@dataclass
class Measured:
    group: str
    case: str
    median: float
    baseline: bool
    expect: str


@pytest.fixture
def measure(benchmark):
    """Run `benchmark`, then note its median for the ratio table."""
    def run(group: str, case: str, fn, *, baseline: bool = False, expect: str = "",
            rounds: int | None = None, setup=None):
        benchmark.group = group
        benchmark.name = case
        if rounds is None and setup is None:
            for _ in range(3):  # warm the caches first: steady state is what users live in
                fn()
            result = benchmark(fn)
        else:
            result = benchmark.pedantic(fn, setup=setup, rounds=rounds or 5, iterations=1,
                                        warmup_rounds=1 if setup is None else 0)
        RESULTS.append(Measured(group, case, benchmark.stats.stats.median, baseline, expect))
        return result

    return run


def pytest_terminal_summary(terminalreporter, config):
    if not RESULTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("ratios against the baseline of each group (medians)")
    table = []
    for group in dict.fromkeys(r.group for r in RESULTS):
        members = [r for r in RESULTS if r.group == group]
        base = next((r for r in members if r.baseline), None)
        if base is None:
            continue
        write(f"{group}  (baseline: {base.case}, {base.median * 1000:.3f} ms)")
        for r in members:
            ratio = r.median / base.median
            note = f"   expected {r.expect}" if r.expect else ""
            write(f"    {r.case:<44} {r.median * 1000:>10.3f} ms   x{ratio:>7.2f}{note}")
            table.append({"group": group, "case": r.case, "median_s": r.median,
                          "ratio": round(ratio, 3), "baseline": base.case})
    out = Path(config.rootpath) / ".benchmarks" / "ratios.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
    write(f"(written to {out})")
