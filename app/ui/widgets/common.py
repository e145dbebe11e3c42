"""Small building blocks shared by the pages: cards, labels, buttons, banners."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class _NextPaint(QObject):
    def __init__(self, widget: QWidget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)  # once this paint is done
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, callback) -> None:
    """Call `callback` once, when `widget`'s next paint has finished (start-up marks, and
    work that should wait until what is on screen has been drawn)."""
    _NextPaint(widget, callback)


class Card(QFrame):
    """A rounded panel; `layout` is a QVBoxLayout with comfortable margins."""

    def __init__(self, parent: QWidget | None = None, margins: int = 18, spacing: int = 10):
        super().__init__(parent)
        self.setObjectName("Card")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(margins, margins, margins, margins)
        self.layout_.setSpacing(spacing)


def label(text: str = "", name: str | None = None, wrap: bool = False,
          selectable: bool = False) -> QLabel:
    lab = QLabel(text)
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(wrap)
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def muted(text: str = "", wrap: bool = False) -> QLabel:
    return label(text, "Muted", wrap)


def captioned(caption: QLabel, field: QWidget) -> QWidget:
    """A field under its caption; the caption names the field for screen readers (a combo
    box's own name is its current value)."""
    host = QWidget()
    column = QVBoxLayout(host)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    column.addWidget(caption)
    column.addWidget(field)
    caption.setBuddy(field)
    host.setSizePolicy(field.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Preferred)
    return host


def button(text: str = "", primary: bool = False, link: bool = False) -> QPushButton:
    b = QPushButton(text)
    if primary:
        b.setObjectName("Primary")
    elif link:
        b.setObjectName("Link")
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    # Tab reaches it and Enter presses it; a mouse click leaves the focus (and its ring)
    # where it was, in the field being filled in.
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    b.setAutoDefault(True)
    return b


def hbox(*widgets, spacing: int = 8, stretch_at: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(spacing)
    for i, w in enumerate(widgets):
        if i == stretch_at:
            row.addStretch(1)
        if isinstance(w, QWidget):
            row.addWidget(w)
        elif w is None:
            row.addStretch(1)
        else:
            row.addLayout(w)
    return row


def expanding(widget: QWidget) -> QWidget:
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return widget


class Banner(QFrame):
    """A call to action: icon-free text on a tinted band with one button."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Banner")
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 12, 12)
        self.text = label("", "BannerText", wrap=True)
        self.action = button(primary=True)
        row.addWidget(self.text, 1)
        row.addWidget(self.action)


def color_dot(color: str, size: int | None = None) -> QLabel:
    """A coloured bullet: a partner's colour on its card, a slice's in a legend."""
    dot = QLabel("●")
    dot.setStyleSheet(f"color: {color};" + (f" font-size: {size}px;" if size else ""))
    return dot


def titled_row(title: str, color: str) -> QHBoxLayout:
    """A card's heading: coloured dot, title, then room on the right for a chip."""
    head = QHBoxLayout()
    head.addWidget(color_dot(color, 16))
    head.addWidget(label(title, "SectionTitle"))
    head.addStretch(1)
    return head


def amount_row(unit: str, max_text: str) -> tuple[QHBoxLayout, QLineEdit, QPushButton]:
    """A large amount field, its unit and a "Max" link: (row, field, max button)."""
    row = QHBoxLayout()
    field = QLineEdit()
    field.setObjectName("AmountEdit")
    field.setPlaceholderText("0")
    field.setAccessibleName(QCoreApplication.translate("Common", "Amount in {unit}").format(
        unit=unit))
    max_button = button(max_text, link=True)
    row.addWidget(field, 1)
    row.addWidget(label(unit, "MidNumber"))
    row.addWidget(max_button)
    return row, field, max_button


class StatusLine(QLabel):
    """One line of feedback under a form, styled by what it says: a problem (red), work in
    progress (muted) or success (green) — never progress or success in the colour of an
    error."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear()

    def _show(self, text: str, role: str) -> None:
        self.setObjectName(role)
        self.setProperty("role", role)
        self.setText(text)
        self.style().unpolish(self)
        self.style().polish(self)

    def error(self, text: str) -> None:
        self._show(text, "Error")

    def progress(self, text: str) -> None:
        self._show(text, "Muted")

    def success(self, text: str) -> None:
        self._show(text, "Positive")

    def clear(self) -> None:
        self._show("", "Muted")

    @property
    def role(self) -> str:
        return self.objectName()


def clear_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # gone now, not whenever the deferred delete runs
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def ask(parent: QWidget, title: str, text: str, action: str, on_yes) -> QMessageBox:
    """A non-blocking warning with Cancel (the default) and one action button; `on_yes` runs
    only when that button is pressed. For anything that replaces or deletes data."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel,
                      parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Common", "Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda b: on_yes() if b is yes else None)
    box.open()
    return box


def pick_file(parent: QWidget, title: str, start: str, on_chosen, save: bool = True,
              name_filter: str = "") -> QFileDialog:
    """A file chooser that does not block the window (Qt's own dialog, the same on every
    desktop); `on_chosen(Path)` runs once a file was picked. Saving asks before replacing."""
    from pathlib import Path

    dialog = QFileDialog(parent, title, start, name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        if "." in Path(start).name:
            dialog.selectFile(Path(start).name)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)))
    dialog.open()
    return dialog
