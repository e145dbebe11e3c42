#!/usr/bin/env python3
"""Small helpers for resources/i18n/milk_ko.ts beside Qt Linguist:

  scripts/ts_tool.py unfinished            the strings still to translate, as JSON
  scripts/ts_tool.py fill FILE.json        fill them from {"context\\u241fsource": "번역", ...}
                                           (or {"source": "번역"} for any context)
  scripts/ts_tool.py merge OTHER.ts        take OTHER's translations for entries unfinished
                                           here (after a merge regenerated the file)

Run scripts/update_translations.sh afterwards to compile the .qm."""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "milk_ko.ts"
SEP = "\u241f"


def _messages(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def _unfinished(message) -> bool:
    t = message.find("translation")
    return t is None or t.get("type") in ("unfinished", "vanished") or not (t.text or "")


def _write(tree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def _set(message, text: str) -> None:
    t = message.find("translation")
    if t is None:
        t = ET.SubElement(message, "translation")
    t.text = text
    t.attrib.pop("type", None)


def main(argv: list[str]) -> int:
    tree = ET.parse(TS)
    if argv[:1] == ["unfinished"]:
        todo = [{"context": c, "source": m.findtext("source")}
                for c, m in _messages(tree.getroot()) if _unfinished(m)]
        print(json.dumps(todo, ensure_ascii=False, indent=1))
        return 0
    if argv[:1] == ["fill"] and len(argv) == 2:
        given = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        filled = 0
        for c, m in _messages(tree.getroot()):
            source = m.findtext("source")
            text = given.get(f"{c}{SEP}{source}", given.get(source))
            if text and _unfinished(m):
                _set(m, text)
                filled += 1
        _write(tree, TS)
        print(f"filled {filled}")
        return 0
    if argv[:1] == ["merge"] and len(argv) == 2:
        other = {}
        for c, m in _messages(ET.parse(argv[1]).getroot()):
            if not _unfinished(m):
                other[(c, m.findtext("source"))] = m.findtext("translation")
        merged = 0
        for c, m in _messages(tree.getroot()):
            key = (c, m.findtext("source"))
            if _unfinished(m) and key in other:
                _set(m, other[key])
                merged += 1
        _write(tree, TS)
        print(f"merged {merged}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
