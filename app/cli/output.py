"""How the `milk` command prints: aligned text for people, one JSON document for scripts."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.core.clock import iso
from app.core.money import MLK, plain_amount


@dataclass
class Result:
    """What a command produced: `data` for --json, `lines` for people."""

    data: dict = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    exit_code: int = 0  # non-zero when the command ran but found a fault (ledger verify)

    def say(self, text: str = "") -> Result:
        self.lines.append(text)
        return self

    def table(self, headers: list[str], rows: list[list[str]], right: set[int] = frozenset()):
        self.lines.extend(render_table(headers, rows, right))
        return self


def amount(asset: str, units: int) -> dict:
    """An exact amount for JSON: display value and minor units, both as strings."""
    return {"asset": asset, "amount": plain_amount(asset, units), "units": str(units)}


def render_table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()):
    widths = [max(_width(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]

    def fmt(cells):
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - _width(str(cell)))
            out.append(pad + str(cell) if i in right else str(cell) + pad)
        return "  ".join(out).rstrip()

    return [fmt(headers), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]


def _width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _default(obj):
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, datetime):
        return iso(obj)
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    raise TypeError(f"not JSON serializable: {type(obj).__name__}")


def emit(result: Result, as_json: bool, command: str) -> None:
    if as_json:
        doc = {"ok": True, "command": command, **result.data}
        sys.stdout.write(json.dumps(doc, default=_default, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(result.lines) + ("\n" if result.lines else ""))


def emit_error(code: str, message: str, details: dict, exit_code: int, as_json: bool,
               command: str) -> None:
    if as_json:
        doc = {"ok": False, "command": command,
               "error": {"code": code, "message": message, "exit_code": exit_code,
                         "details": details}}
        sys.stdout.write(json.dumps(doc, default=_default, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stderr.write(f"milk: {message}\n")


__all__ = ["MLK", "Result", "amount", "emit", "emit_error", "render_table"]
