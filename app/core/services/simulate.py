"""Random but reproducible demo activity: links, syncs, and conversions in every direction.

Used to make a demo profile look lived-in and to put load on the ledger. Refusals (not
enough points, below the minimum) are part of realistic activity and are counted, not fatal.
Bulk mode sends the conversions BULK_BATCH at a time through `ExchangeService.convert_bulk`
(one transaction holds a batch, one books it).
"""
from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field

from app.core.errors import RuleError
from app.core.money import MLK, MLK_UNIT

BULK_BATCH = 100


@dataclass
class SimulationReport:
    conversions: int = 0
    links: int = 0
    syncs: int = 0
    refused: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def simulate(services, conversions: int, seed: int | None = None,
             bulk: bool = False) -> SimulationReport:
    rng = random.Random(seed)
    report = SimulationReport()
    started = time.perf_counter()
    catalog = services.ctx.catalog
    demo_partners = [p for p in catalog if p.connector.get("type") in ("reference", "demo")]
    for status in services.partners.catalog():  # make sure there is something to convert
        if not status.linked and status.partner in demo_partners and rng.random() < 0.7:
            _link(services, status.partner, rng, report)
    if bulk:
        _simulate_bulk(services, conversions, rng, report)
        report.seconds = time.perf_counter() - started
        return report
    attempts = 0
    while report.conversions < conversions and attempts < conversions * 5:
        attempts += 1
        roll = rng.random()
        if roll < 0.03:
            unlinked = [st.partner for st in services.partners.catalog()
                        if not st.linked and st.partner in demo_partners]
            if unlinked:
                _link(services, rng.choice(unlinked), rng, report)
            continue
        if roll < 0.08:
            linked = [st.partner.code for st in services.partners.catalog() if st.linked]
            if linked:
                services.partners.sync(rng.choice(linked))
                report.syncs += 1
            continue
        try:
            _convert(services, rng)
            report.conversions += 1
        except RuleError as exc:
            report.refused[exc.code] += 1
    report.seconds = time.perf_counter() - started
    return report


def _link(services, partner, rng, report) -> None:
    member = f"sim-{rng.randrange(10**8):08d}"
    challenge = services.partners.request_code(partner.code, member)  # demo partners show it
    services.partners.link(partner.code, member, challenge.demo_code)
    report.links += 1


def _convert(services, rng) -> None:
    held = {h.partner.code: h.balance for h in services.points.overview().holdings
            if h.balance >= h.partner.min_conversion}
    mlk = services.points.balance(MLK)
    codes = services.ctx.catalog.codes()
    kind = rng.choices(["sell", "buy", "swap"], weights=[4, 3, 3])[0]
    if kind == "buy" or not held:
        if mlk < MLK_UNIT:
            kind = "sell"
        else:
            spend = rng.randrange(MLK_UNIT, max(MLK_UNIT + 1, mlk // 2))
            services.exchange.convert(MLK, rng.choice(codes), spend)
            return
    if not held:
        raise RuleError("nothing to sell", code="nothing_to_sell")
    src = rng.choice(sorted(held))
    amount = rng.randrange(1000, max(1001, min(held[src], 40_000)))
    if kind == "swap":
        dst = rng.choice([c for c in codes if c != src])
        services.exchange.convert(src, dst, amount)
    else:
        services.exchange.convert(src, MLK, amount)


def _simulate_bulk(services, conversions: int, rng, report) -> None:
    from app.core.services.exchange import Conversion

    attempts = 0
    while report.conversions < conversions and attempts < conversions * 5:
        requests = _bulk_requests(services, rng, min(BULK_BATCH,
                                                     conversions - report.conversions))
        attempts += max(1, len(requests))
        if not requests:
            report.refused["nothing_to_sell"] += 1
            continue
        for result in services.exchange.convert_bulk(requests):
            if isinstance(result, Conversion):
                report.conversions += 1
            elif isinstance(result, RuleError):
                report.refused[result.code] += 1
            else:
                raise result


def _bulk_requests(services, rng, count: int) -> list:
    """`count` random conversions the holdings seen now can pay for, each sized against what
    the ones before it leave (a sell's MLK is not counted on)."""
    from app.core.services.exchange import ConversionRequest

    held = {h.partner.code: h.balance for h in services.points.overview().holdings
            if h.balance >= h.partner.min_conversion}
    mlk = services.points.balance(MLK)
    codes = services.ctx.catalog.codes()
    requests = []
    for _ in range(count):
        kind = rng.choices(["sell", "buy", "swap"], weights=[4, 3, 3])[0]
        if (kind == "buy" or not held) and mlk >= 2 * MLK_UNIT:
            spend = rng.randrange(MLK_UNIT, max(MLK_UNIT + 1, mlk // 4))
            mlk -= spend
            requests.append(ConversionRequest(MLK, rng.choice(codes), spend))
            continue
        if not held:
            break
        src = rng.choice(sorted(held))
        amount = rng.randrange(1000, max(1001, min(held[src], 40_000)))
        held[src] -= amount
        if held[src] < 1000:
            del held[src]
        dst = rng.choice([c for c in codes if c != src]) if kind == "swap" else MLK
        requests.append(ConversionRequest(src, dst, amount))
    return requests
