"""About: what this is, which version, under which terms, built on what, and where its data
and logs live."""
from __future__ import annotations

import re
from html import escape
from importlib import metadata

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QTextBrowser, QVBoxLayout

from app.ui.widgets.common import button, label, muted

DISTRIBUTION = "milk-wallet"


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # running from a source tree without installing
        return "0+source"


def third_party() -> list[tuple[str, str, str]]:
    """(name, version, licence) of every package the app runs on: its dependencies and
    theirs, with the extras it asks for (not the tools it was tested with)."""
    found: dict[str, tuple[str, str, str]] = {}
    todo = _requirements(DISTRIBUTION, set())
    while todo:
        key, extras = todo.pop()
        if key in found:
            continue
        try:
            dist = metadata.distribution(key)
        except metadata.PackageNotFoundError:
            continue  # for another platform
        found[key] = (dist.metadata["Name"], dist.version, _licence(dist))
        todo += _requirements(key, extras)
    return sorted(found.values(), key=lambda t: t[0].lower())


_REQ = re.compile(r"^\s*([A-Za-z0-9._-]+)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"extra\s*==\s*['\"]([^'\"]+)['\"]")


def _requirements(name: str, extras: set[str]) -> list[tuple[str, set[str]]]:
    """What `name` needs, including what its requested `extras` add."""
    out = []
    for req in metadata.requires(name) or []:
        wanted = _EXTRA.search(req)
        if wanted and wanted.group(1) not in extras:
            continue
        m = _REQ.match(req)
        sub = {e.strip() for e in (m.group(2) or "").split(",") if e.strip()}
        out.append((m.group(1).lower().replace("_", "-"), sub))
    return out


def _licence(dist) -> str:
    text = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
    if text and len(text) <= 60 and "\n" not in text:
        return text
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in dist.metadata.get_all("Classifier")
                   or [] if c.startswith("License")]
    return ", ".join(classifiers) or text.split("\n", 1)[0][:60]


class AboutDialog(QDialog):
    def __init__(self, data_dir, log_dir, parent=None):
        super().__init__(parent)
        self.data_dir, self.log_dir = data_dir, log_dir
        self.setWindowTitle(self.tr("About MiL.k Wallet"))
        self.setMinimumSize(520, 480)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 18)
        box.addWidget(label(self.tr("MiL.k Wallet"), "PageTitle"))
        self.version = muted(self.tr("Version {}").format(version()))
        box.addWidget(self.version)
        box.addWidget(muted(self.tr(
            "Every MiL.k partner's points in one view, converted to and from MLK through TICA; "
            "your MLK key stays in this computer's keyring. Licence: proprietary, © the MiL.k "
            "Wallet authors."), wrap=True))
        self.data_line = muted(self.tr("Your data: {}").format(data_dir), wrap=True)
        box.addWidget(self.data_line)
        row = QHBoxLayout()
        self.open_data, self.open_logs = button(self.tr("Open data folder")), \
            button(self.tr("Open log folder"))
        row.addWidget(self.open_data)
        row.addWidget(self.open_logs)
        row.addStretch(1)
        box.addLayout(row)
        notices_title = label(self.tr("Third-party software"), "SectionTitle")
        box.addWidget(notices_title)
        self.notices = QTextBrowser()
        self.notices.setTabChangesFocus(True)
        rows = "".join(f"<tr><td>{escape(n)}</td><td>{escape(v)}</td><td>{escape(lic)}</td></tr>"
                       for n, v, lic in third_party())
        intro = escape(self.tr("MiL.k Wallet is built on these open-source packages, used "
                               "under their licences:"))
        self.notices.setHtml(f"<p>{intro}</p><table cellspacing='6'>{rows}</table>")
        self.notices.setAccessibleName(notices_title.text())
        box.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.open_data.clicked.connect(lambda: self._open(self.data_dir))
        self.open_logs.clicked.connect(lambda: self._open(self.log_dir))
        self.opened: list[str] = []

    def _open(self, folder) -> None:
        from pathlib import Path

        Path(folder).mkdir(parents=True, exist_ok=True)
        self.opened.append(str(folder))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
