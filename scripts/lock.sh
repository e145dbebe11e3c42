#!/usr/bin/env bash
# Re-compile requirements/constraints.txt from pyproject.toml with pip-tools: the exact versions
# of every dependency (app, tests, bundle) that tests/run, the README's first command and the
# bundle install. Run it after changing a dependency, then run the whole suite and commit both.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${MILK_TOOLS_VENV:-/tmp/milk-lock-tools}
[ -x "$tools/bin/pip-compile" ] || { python3 -m venv "$tools" && "$tools/bin/pip" install -q pip-tools; }
"$tools/bin/pip-compile" -q --extra test --extra package --strip-extras --no-emit-index-url \
  --no-emit-find-links --no-emit-trusted-host "$@" --output-file requirements/constraints.txt \
  pyproject.toml
