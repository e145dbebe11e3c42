"""Running the real `milk` command in a subprocess, the way a user or a script does."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)


class MilkCLI:
    def __init__(self, data_dir: Path, env: dict | None = None):
        self.data_dir = Path(data_dir)
        self.env = {**os.environ, **(env or {}), "MILK_DATA_DIR": str(self.data_dir)}
        self.env.pop("MILK_DATABASE_URL", None)

    def __call__(self, *args: str, json_out: bool = True, stdin: str | None = None) -> Run:
        cmd = [sys.executable, "-m", "app.cli", *(["--json"] if json_out else []), *args]
        out = subprocess.run(cmd, env=self.env, capture_output=True, text=True, input=stdin,
                             timeout=120)
        return Run(out.returncode, out.stdout, out.stderr)

    def state(self) -> tuple:
        """What any refused command must leave exactly as it was."""
        verify = self("ledger", "verify").json
        points = self("points").json
        return (verify["head_seq"], verify["head_hash"],
                json.dumps(points["holdings"], sort_keys=True), points["mlk_in_app"]["units"])


def milk_in_process(data_dir: Path, *args: str, json_out: bool = True) -> Run:
    """The same command through `app.cli.main` in this process: for the many cases where a
    process boundary adds nothing (it costs ~0.5 s of imports each time)."""
    import contextlib
    import io

    from app.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = [*(["--json"] if json_out else []), "--data-dir", str(data_dir), *args]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return Run(code, out.getvalue(), err.getvalue())
