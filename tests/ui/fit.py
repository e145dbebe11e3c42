"""Does every text fit? Geometry checks on a laid-out window or dialog, no pixels involved.

A text is cut when it needs more room than its widget got: a label's lines (horizontalAdvance)
wider than its contents rect, a word-wrapped label taller (heightForWidth) than its height or
with a word it cannot break wider than it, a button's, check box's or radio button's text wider
than the room the style gives it, a combo box's current text wider than its edit field. A
widget is clipped when an ancestor does not show all of it, except along an axis its scroll
area scrolls. A widget whose tooltip holds its whole text is meant to elide and passes."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetricsF, QTextDocument, QTextLayout, QTextOption
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

SLACK = 0.5  # sub-pixel text advances round; less than half a pixel is no cut

TEXT_WIDGETS = (QLabel, QAbstractButton, QComboBox)


def problems(top: QWidget, screen: QRect | None = None) -> list[str]:
    """Every cut text and clipped widget in `top` (a window or dialog, laid out and shown),
    and `top` itself when it does not fit on `screen`."""
    found = []
    if screen is not None and (top.width() > screen.width() or top.height() > screen.height()):
        found.append(f"{describe(top)} is {top.width()}×{top.height()}, larger than the "
                     f"{screen.width()}×{screen.height()} screen (minimum "
                     f"{top.minimumSize().width()}×{top.minimumSize().height()})")
    squeezable = _minimum_below_content(top)
    if squeezable:
        found.append(f"{describe(top)}: {squeezable}")
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top) or _inside_complex_widget(w, top):
            continue
        if isinstance(w, TEXT_WIDGETS):
            cut = text_cut(w)
            if cut:
                found.append(f"{describe(w)}: {cut}")
        clip = clipped_by(w, top) if _is_leaf(w) else None
        if clip:
            found.append(f"{describe(w)}: clipped by {clip}")
    return found


def _minimum_below_content(top: QWidget) -> str | None:
    """A window given a minimum width or height of its own keeps it even when its content
    needs more, and Qt then lets it shrink past its content (a dialog whose step grows)."""
    layout = top.layout()
    if layout is None:
        return None
    need, floor = layout.totalMinimumSize(), top.minimumSize()
    for axis, has, wants in (("width", floor.width(), need.width()),
                             ("height", floor.height(), need.height())):
        if 0 < has < wants:
            return f"its minimum {axis} is set to {has} px, below the {wants} px its " \
                   f"content needs: it can be made smaller than what it shows"
    return None


def describe(w: QWidget) -> str:
    text = _text(w)
    name = w.objectName() or type(w).__name__
    return f"{type(w).__name__}({name!r}{', ' + repr(_short(text)) if text else ''})"


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _text(w: QWidget) -> str:
    if isinstance(w, QComboBox):
        return w.currentText()
    if isinstance(w, QLabel | QAbstractButton):
        return w.text()
    return ""


def _meant_to_elide(w: QWidget, text: str) -> bool:
    return bool(text) and w.toolTip().strip() == text.strip()


def text_cut(w: QWidget) -> str | None:
    """Why `w`'s text does not fit, or None when it does."""
    text = _text(w)
    if not text.strip() or _meant_to_elide(w, text):
        return None
    if isinstance(w, QLabel):
        return _label_cut(w, text)
    if isinstance(w, QComboBox):
        return None if w.isEditable() else _combo_cut(w, text)
    return _button_cut(w, text)


def _label_cut(w: QLabel, text: str) -> str | None:
    if w.pixmap() is not None and not w.pixmap().isNull():
        return None
    m = w.margin()
    room = w.contentsRect().adjusted(m, m, -m, -m)
    indent = w.indent()  # Qt indents a framed label on the side it is aligned to
    if indent < 0 and w.frameWidth() > 0:
        indent = QFontMetricsF(w.font()).horizontalAdvance("x") / 2 - m
    sides = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight
    width = room.width() - (max(indent, 0) if w.alignment() & sides else 0)
    rich = w.textFormat() == Qt.TextFormat.RichText or (
        w.textFormat() == Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(text))
    if w.wordWrap():
        need_h = w.heightForWidth(w.width())
        if need_h > w.height():
            return f"wrapped text needs {need_h} px of height, has {w.height()}"
        widest = _widest_wrapped_line(text, w, width, rich)
        if widest > width + SLACK:
            return f"a word {widest:.0f} px wide does not fit in {width:.0f} px"
        return None
    need = _rich_width(text, w) if rich else max(
        QFontMetricsF(w.font()).horizontalAdvance(line) for line in text.split("\n"))
    if need > width + SLACK:
        return f"text needs {need:.0f} px, has {width:.0f}"
    if w.minimumSizeHint().height() > w.height():
        return f"text needs {w.minimumSizeHint().height()} px of height, has {w.height()}"
    return None


def _widest_wrapped_line(text: str, w: QWidget, width: float, rich: bool) -> float:
    """The widest line when `text` is word-wrapped at `width`: wider than `width` only when a
    word cannot be broken (a hash, an address, a path without break opportunities)."""
    if rich:
        doc = _document(text, w)
        doc.setTextWidth(width)
        return doc.idealWidth()
    widest = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, w.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
    return widest


def _document(text: str, w: QWidget) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(w.font())
    doc.setDocumentMargin(0)
    doc.setHtml(text)
    return doc


def _rich_width(text: str, w: QWidget) -> float:
    return _document(text, w).idealWidth()


def _mnemonic_free(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _button_cut(w: QAbstractButton, text: str) -> str | None:
    if w.hasHeightForWidth():  # a button that wraps its text
        need_h = w.heightForWidth(w.width())
        if need_h > w.height():
            return f"wrapped text needs {need_h} px of height, has {w.height()}"
        return None
    if isinstance(w, QToolButton) or not isinstance(w, QPushButton | QCheckBox | QRadioButton):
        hint = w.sizeHint()  # text beside or under an icon: the style's own sum
        if hint.width() > w.width():
            return f"needs {hint.width()} px, has {w.width()}"
        return None
    option = QStyleOptionButton()
    w.initStyleOption(option)
    element = {QPushButton: QStyle.SubElement.SE_PushButtonContents,
               QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
               QRadioButton: QStyle.SubElement.SE_RadioButtonContents}
    kind = next(k for k in element if isinstance(w, k))
    room = w.style().subElementRect(element[kind], option, w)
    need = QFontMetricsF(w.font()).horizontalAdvance(_mnemonic_free(text))
    if not w.icon().isNull():
        need += w.iconSize().width() + 4
    if need > room.width() + SLACK:
        return f"text needs {need:.0f} px, has {room.width()}"
    return None


def _combo_cut(w: QComboBox, text: str) -> str | None:
    option = QStyleOptionComboBox()
    w.initStyleOption(option)
    room = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                    QStyle.SubControl.SC_ComboBoxEditField, w)
    need = QFontMetricsF(w.font()).horizontalAdvance(text)
    if not w.itemIcon(w.currentIndex()).isNull():
        need += w.iconSize().width() + 4
    if need > room.width() - 2 + SLACK:  # the style draws the text 1 px in from each side
        return f"current text needs {need:.0f} px, has {room.width() - 2}"
    return None


def _is_leaf(w: QWidget) -> bool:
    """What a person looks at or uses: text, controls, views, and drawn widgets without
    children. (A container is only reported through what it holds.)"""
    return isinstance(w, TEXT_WIDGETS + (QLineEdit, QAbstractSpinBox, QAbstractScrollArea,
                                         QAbstractSlider)) or not any(
        isinstance(c, QWidget) for c in w.children())


def _drawn_rect(w: QWidget) -> QRect:
    """Where `w` draws: for a one-line label, where its text lies (a label may stretch past
    the visible area with its text well inside)."""
    if isinstance(w, QLabel) and not w.wordWrap() and w.text() and w.pixmap().isNull():
        return w.style().itemTextRect(w.fontMetrics(), w.contentsRect(), int(w.alignment()),
                                      w.isEnabled(), w.text())
    return QRect(QPoint(0, 0), w.size())


def clipped_by(w: QWidget, top: QWidget) -> str | None:
    """The ancestor (or `top`) that hides part of `w`, where scrolling cannot show it."""
    rect = _drawn_rect(w)
    if rect.isEmpty():
        return None
    child = w
    while child is not top:
        parent = child.parentWidget()
        if parent is None:
            return None
        rect.translate(child.pos())
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            rect = _scrolled_into_view(rect, parent.rect(), area)
            if rect is None:
                return f"{describe(area)} (it does not scroll that way)"
        elif not parent.rect().contains(rect):
            return describe(parent)
        child = parent
    return None


def _scrolled_into_view(rect: QRect, view: QRect, area: QAbstractScrollArea) -> QRect | None:
    """`rect` as the viewport shows it at some scroll position; None when part of it stays
    hidden along an axis whose scroll bar is switched off."""
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    result = QRect(rect)
    for horizontal, policy in ((True, area.horizontalScrollBarPolicy()),
                               (False, area.verticalScrollBarPolicy())):
        lo, hi = (rect.left(), rect.right()) if horizontal else (rect.top(), rect.bottom())
        vlo, vhi = (view.left(), view.right()) if horizontal else (view.top(), view.bottom())
        if lo >= vlo and hi <= vhi:
            continue
        if policy == off:
            return None
        if horizontal:
            result.setLeft(vlo)
            result.setRight(min(vhi, vlo + hi - lo))
        else:
            result.setTop(vlo)
            result.setBottom(min(vhi, vlo + hi - lo))
    return result


def _inside_complex_widget(w: QWidget, top: QWidget) -> bool:
    """Parts Qt builds inside its own widgets (a combo box's line edit and list, a scroll
    area's bars, a table's headers): their owner is checked instead."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QComboBox):
            return True
        if isinstance(parent, QAbstractScrollArea) and not _in_viewport_widget(w, parent):
            return True
        parent = parent.parentWidget()
    return False


def _in_viewport_widget(w: QWidget, area: QAbstractScrollArea) -> bool:
    """True for widgets a scroll area shows as its content (a page body in a QScrollArea)."""
    from PySide6.QtWidgets import QScrollArea

    return isinstance(area, QScrollArea) and area.widget() is not None and (
        area.widget() is w or area.widget().isAncestorOf(w))
