#!/usr/bin/env bash
# Refresh resources/i18n/milk_ko.ts from the sources (Qt's lupdate), then compile it (lrelease).
# New or changed strings appear as unfinished in the .ts: translate them (Qt Linguist:
# `pyside6-linguist resources/i18n/milk_ko.ts`), run this again, and commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${MILK_VENV:-.venv}/bin
"$bin/pyside6-lupdate" $(find app/ui -name "*.py" | sort) -ts resources/i18n/milk_ko.ts -no-obsolete
"$bin/pyside6-lrelease" resources/i18n/milk_ko.ts -qm resources/i18n/milk_ko.qm
