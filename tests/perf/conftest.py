"""Benchmarks (pytest-benchmark), run apart from the suite: `tests/run tests/perf`.

Absolute timings depend on the machine, so every group has a baseline measured in the same
run, and the summary reports each case against it: a time ratio (×, lower is better), a rate
ratio (throughput against the baseline's, higher is better) or, for memory, the megabytes
above the baseline. Where the issue sets a target, the row says whether it is met. The table
is also written to .benchmarks/ratios.json."""
from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from pathlib import Path

import pytest

RESULTS: list[Measured] = []
TIME, RATE, MEMORY = "time", "rate", "memory"


@dataclass
class Measured:
    group: str
    case: str
    median: float  # seconds per operation, or MB for memory
    baseline: bool
    expect: str
    kind: str = TIME
    target: float | None = None  # time: ratio at most; rate: ratio at least; memory: +MB at most


def record(group: str, case: str, values, *, baseline: bool = False, expect: str = "",
           kind: str = TIME, target: float | None = None) -> float:
    """Note the median of `values` (seconds per operation, or MB) for the table."""
    median = statistics.median(values)
    RESULTS.append(Measured(group, case, median, baseline, expect, kind, target))
    return median


@pytest.fixture
def measure(benchmark):
    """Run `benchmark`, then note its median for the ratio table."""
    def run(group: str, case: str, fn, *, baseline: bool = False, expect: str = "",
            rounds: int | None = None, setup=None, kind: str = TIME,
            target: float | None = None):
        benchmark.group = group
        benchmark.name = case
        if rounds is None and setup is None:
            for _ in range(3):  # warm the caches first: steady state is what users live in
                fn()
            result = benchmark(fn)
        else:
            result = benchmark.pedantic(fn, setup=setup, rounds=rounds or 5, iterations=1,
                                        warmup_rounds=1 if setup is None else 0)
        RESULTS.append(Measured(group, case, benchmark.stats.stats.median, baseline, expect,
                                kind, target))
        return result

    return run


def _compare(r: Measured, base: Measured) -> tuple[float, str, bool | None]:
    """(figure, how it reads, target met?) of `r` against its group's baseline."""
    if r.kind == MEMORY:
        delta = r.median - base.median
        return round(delta, 1), f"{delta:+8.1f} MB", \
            None if r.target is None else delta <= r.target
    if r.kind == RATE:
        ratio = base.median / r.median
        return round(ratio, 3), f"rate x{ratio:7.3f}", \
            None if r.target is None else ratio >= r.target
    ratio = r.median / base.median
    return round(ratio, 3), f"x{ratio:7.2f}", None if r.target is None else ratio <= r.target


def _target_text(r: Measured) -> str:
    if r.target is None:
        return ""
    return {MEMORY: f"<= +{r.target:g} MB", RATE: f">= x{r.target:g}",
            TIME: f"<= x{r.target:g}"}[r.kind]


def pytest_terminal_summary(terminalreporter, config):
    if not RESULTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("against the baseline of each group (medians)")
    table = []
    for group in dict.fromkeys(r.group for r in RESULTS):
        members = [r for r in RESULTS if r.group == group]
        base = next((r for r in members if r.baseline), None)
        if base is None:
            continue
        unit = "MB" if base.kind == MEMORY else "ms"
        scale = 1 if base.kind == MEMORY else 1000
        write(f"{group}  (baseline: {base.case}, {base.median * scale:.3f} {unit})")
        for r in members:
            figure, reads, met = _compare(r, base)
            target = _target_text(r)
            verdict = "" if met is None else ("  met" if met else "  NOT MET")
            note = f"   target {target}{verdict}" if target else \
                (f"   expected {r.expect}" if r.expect else "")
            write(f"    {r.case:<52} {r.median * scale:>10.3f} {unit}   {reads}{note}")
            table.append({"group": group, "case": r.case, "kind": r.kind,
                          "median": r.median, "unit": "MB" if r.kind == MEMORY else "s",
                          "against_baseline": figure, "baseline": base.case,
                          "target": target or None, "met": met})
    out = Path(config.rootpath) / ".benchmarks" / "ratios.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
    write(f"(written to {out})")
