"""Light and dark themes: one palette of named colours, turned into a Qt palette and a style
sheet. Widgets refer to colours by role (`accent`, `muted`, ...) through object names and
dynamic properties, never by hex values of their own."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Colors:
    window: str
    card: str
    border: str
    text: str
    muted: str
    accent: str
    accent_soft: str
    accent_text: str
    positive: str
    negative: str
    warning: str
    warning_soft: str
    rail: str
    focus_on_accent: str  # the focus ring on accent-filled controls (3:1 against the fill)


LIGHT = Colors(window="#F4F5FA", card="#FFFFFF", border="#E3E5EE", text="#171923",
               muted="#646A80", accent="#5B4CF5", accent_soft="#ECEAFF", accent_text="#FFFFFF",
               positive="#0E9F6E", negative="#E02D3C", warning="#B45309",
               warning_soft="#FFF4E0", rail="#FFFFFF", focus_on_accent="#171923")
DARK = Colors(window="#111218", card="#1C1E27", border="#2B2E3B", text="#ECEDF3",
              muted="#9BA1B5", accent="#8B7DFF", accent_soft="#2A2650", accent_text="#FFFFFF",
              positive="#34D399", negative="#F87171", warning="#FBBF24",
              warning_soft="#3A2E12", rail="#171821", focus_on_accent="#FFFFFF")

_current: Colors = LIGHT
_scale = 1.0


def colors() -> Colors:
    return _current


def scale() -> float:
    """The type scale in use (1.35 in presenter mode): sizes in pixels follow it."""
    return _scale


def pick_font_family() -> str:
    """A family with Hangul glyphs, so Korean and English share one look."""
    families = set(QFontDatabase.families())
    for name in ("Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic",
                 "NanumGothic"):
        if name in families:
            return name
    return QApplication.font().family()


def apply(app: QApplication, dark: bool, scale: float = 1.0) -> None:
    global _current, _scale
    _current = c = DARK if dark else LIGHT
    _scale = scale
    font = QFont(pick_font_family())
    font.setPointSizeF(10.0 * scale)
    app.setFont(font)
    pal = QPalette()
    for role, value in ((QPalette.ColorRole.Window, c.window), (QPalette.ColorRole.Base, c.card),
                        (QPalette.ColorRole.AlternateBase, c.window),
                        (QPalette.ColorRole.Text, c.text),
                        (QPalette.ColorRole.WindowText, c.text),
                        (QPalette.ColorRole.ButtonText, c.text),
                        (QPalette.ColorRole.Button, c.card),
                        (QPalette.ColorRole.Highlight, c.accent),
                        (QPalette.ColorRole.HighlightedText, c.accent_text),
                        (QPalette.ColorRole.PlaceholderText, c.muted),
                        (QPalette.ColorRole.ToolTipBase, c.card),
                        (QPalette.ColorRole.ToolTipText, c.text)):
        pal.setColor(role, QColor(value))
    app.setPalette(pal)
    app.setStyleSheet(style_sheet(c, scale))


def _tinted(icon: str, color: str) -> str:
    """A tinted copy of an icon for the style sheet (style sheets take file URLs)."""
    import tempfile
    from pathlib import Path

    from app.core.resources import resource_path

    svg = resource_path("icons", f"{icon}.svg").read_text().replace("#000000", color)
    path = Path(tempfile.gettempdir()) / f"milk-{icon}-{color.strip('#')}.svg"
    if not path.exists():
        path.write_text(svg)
    return path.as_posix()


def style_sheet(c: Colors, scale: float) -> str:
    def n(size: float) -> int:
        return round(size * scale)

    def px(size: float) -> str:
        return f"{n(size)}px"

    # Focus rings, 2 px and at least 3:1 against what they replace: a control's 1 px border
    # grows into the ring and its padding gives the pixel back, so focusing moves nothing;
    # controls drawn without a border keep a transparent one the ring colours in.
    ring = "2px"

    chevron, tick = _tinted("chevron", c.muted), _tinted("tick", c.accent_text)

    return f"""
    QWidget {{ color: {c.text}; }}
    QMainWindow, QDialog, QWizard {{ background: {c.window}; }}
    #Rail {{ background: {c.rail}; border-right: 1px solid {c.border}; }}
    #RailButton {{ border: {ring} solid transparent; border-radius: {px(12)};
                   padding: {px(4)} {px(2)}; color: {c.muted}; font-size: {px(11)};
                   background: transparent; }}
    #RailButton:checked {{ background: {c.accent_soft}; color: {c.accent}; font-weight: 600; }}
    #RailButton:hover:!checked {{ background: {c.window}; }}
    #RailButton:focus {{ border-color: {c.accent}; }}
    #Card {{ background: {c.card}; border: 1px solid {c.border}; border-radius: {px(14)};
             padding: 1px; }}
    #Card:focus {{ border: {ring} solid {c.accent}; padding: 0; }}
    #Banner {{ background: {c.warning_soft}; border-radius: {px(12)}; }}
    #BannerText {{ color: {c.warning}; font-weight: 600; }}
    #PageTitle {{ font-size: {px(24)}; font-weight: 700; }}
    #SectionTitle {{ font-size: {px(15)}; font-weight: 650; }}
    #BigNumber {{ font-size: {px(32)}; font-weight: 700; }}
    #MidNumber {{ font-size: {px(19)}; font-weight: 650; }}
    #Muted, QLabel[muted="true"] {{ color: {c.muted}; }}
    #Warning, QLabel[warning="true"] {{ color: {c.warning}; }}
    #Error {{ color: {c.negative}; }}
    #Positive {{ color: {c.positive}; }}
    #DemoBadge {{ background: {c.warning}; color: #FFFFFF; border-radius: {px(8)};
                  padding: {px(2)} {px(8)}; font-weight: 700; font-size: {px(10)}; }}
    #Chip {{ background: {c.accent_soft}; color: {c.accent}; border-radius: {px(9)};
             padding: {px(2)} {px(8)}; font-size: {px(11)}; font-weight: 600; }}
    QPushButton {{ background: {c.card}; border: 1px solid {c.border}; border-radius: {px(10)};
                   padding: {px(7)} {px(14)}; }}
    QPushButton:hover {{ border-color: {c.accent}; }}
    QPushButton:focus {{ border: {ring} solid {c.accent}; padding: {n(7) - 1}px {n(14) - 1}px; }}
    QPushButton:disabled {{ color: {c.muted}; background: {c.window}; }}
    QPushButton#Primary {{ background: {c.accent}; color: {c.accent_text};
                           border-color: {c.accent}; font-weight: 600; }}
    QPushButton#Primary:focus {{ border-color: {c.focus_on_accent}; }}
    QPushButton#Primary:disabled {{ background: {c.border}; border-color: {c.border};
                                    color: {c.muted}; }}
    QPushButton#Segment {{ padding: {px(4)} {px(12)}; color: {c.muted}; }}
    QPushButton#Segment:checked {{ background: {c.accent_soft}; color: {c.accent};
                                   border-color: {c.accent}; font-weight: 600; }}
    QPushButton#Link {{ border: 1px solid transparent; color: {c.accent};
                        background: transparent; padding: {px(2)}; font-weight: 600; }}
    QPushButton#Link:focus {{ border: {ring} solid {c.accent}; padding: {n(2) - 1}px; }}
    QLineEdit, QComboBox, QPlainTextEdit, QDateEdit, QSpinBox {{
        background: {c.card}; border: 1px solid {c.border}; border-radius: {px(9)};
        padding: {px(6)} {px(9)}; selection-background-color: {c.accent}; }}
    QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QDateEdit:focus,
    QSpinBox:focus {{ border: {ring} solid {c.accent}; padding: {n(6) - 1}px {n(9) - 1}px; }}
    QComboBox::drop-down {{ border: none; width: {px(26)}; }}
    QComboBox::down-arrow {{ image: url({chevron}); width: {px(14)}; height: {px(14)}; }}
    QComboBox QAbstractItemView {{ border: 1px solid {c.border}; border-radius: {px(8)};
        background: {c.card}; selection-background-color: {c.accent_soft};
        selection-color: {c.text}; padding: {px(4)}; }}
    QLineEdit#AmountEdit {{ font-size: {px(22)}; font-weight: 600; padding: {px(8)} {px(10)}; }}
    QLineEdit#AmountEdit:focus {{ padding: {n(8) - 1}px {n(10) - 1}px; }}
    QLineEdit[invalid="true"] {{ border-color: {c.negative}; }}
    QTableView, QListView, QTreeView, QTextBrowser {{ background: {c.card};
        border: 1px solid {c.border}; padding: 1px; border-radius: {px(10)};
        gridline-color: {c.border}; selection-background-color: {c.accent_soft};
        selection-color: {c.text}; }}
    QTableView:focus, QListView:focus, QTreeView:focus, QTextBrowser:focus {{
        border: {ring} solid {c.accent}; padding: 0; }}
    QHeaderView::section {{ background: {c.card}; color: {c.muted}; border: none;
        border-bottom: 1px solid {c.border}; padding: {px(6)}; font-weight: 600; }}
    QTabWidget::pane {{ border: none; }}
    QTabBar::tab {{ padding: {px(7)} {px(14)}; color: {c.muted}; border: none; }}
    QTabBar::tab:selected {{ color: {c.accent}; border-bottom: 2px solid {c.accent}; }}
    QScrollArea {{ border: none; background: transparent; }}
    QRadioButton, QCheckBox {{ spacing: {px(6)}; border: {ring} solid transparent;
        border-radius: {px(6)}; padding: {px(2)}; }}
    QRadioButton:focus, QCheckBox:focus {{ border-color: {c.accent}; }}
    QToolButton:focus {{ border: {ring} solid {c.accent}; border-radius: {px(8)}; }}
    QRadioButton::indicator {{ width: {px(14)}; height: {px(14)}; border-radius: {px(9)};
        border: {px(2)} solid {c.muted}; background: {c.card}; }}
    QRadioButton::indicator:checked {{ width: {px(8)}; height: {px(8)};
        border: {px(5)} solid {c.accent}; }}
    QCheckBox::indicator {{ width: {px(14)}; height: {px(14)}; border-radius: {px(4)};
        border: {px(2)} solid {c.muted}; background: {c.card}; }}
    QCheckBox::indicator:checked {{ border-color: {c.accent}; background: {c.accent};
        image: url({tick}); }}
    QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: {c.border}; }}
    QToolTip {{ border: 1px solid {c.border}; padding: {px(4)}; }}
    """
