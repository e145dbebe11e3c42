"""app/core is a library usable without Qt; heavy chain libraries load only when used."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "app" / "core"


def test_no_module_under_app_core_imports_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
    assert offenders == []


def test_using_the_core_loads_neither_qt_nor_the_chain_stack():
    code = ("import sys, tempfile\n"
            "from app.core.services import Services\n"
            "svc = Services.open(tempfile.mkdtemp())\n"
            "svc.admin.init(demo=True)\n"
            "svc.exchange.convert('YANOLJA', 'MLK', '2000')\n"
            "svc.points.overview()\n"
            "print(sorted(m for m in ('PySide6', 'web3', 'eth_account', 'eth_tester', 'eth')"
            " if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
