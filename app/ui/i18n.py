"""Language: Korean or English, chosen in Settings (default: the system locale), switched
live. English is the source language of every string; Korean comes from Qt's own
translation files (resources/i18n/milk_ko.ts → .qm, made with pyside6-lupdate/lrelease)."""
from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from app.core.resources import resource_path

LANGUAGES = ("ko", "en")
_current = "en"


def current() -> str:
    return _current


def system_language() -> str:
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


class Languages(QObject):
    changed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._translators: list[QTranslator] = []

    def set(self, lang: str) -> None:
        global _current
        if lang not in LANGUAGES:
            lang = "en"
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        if lang == "ko":
            # Ours, then Qt's own (standard buttons, file dialogs, text-field context menus).
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for path in (str(resource_path("i18n", "milk_ko.qm")), f"{qt_dir}/qtbase_ko.qm"):
                translator = QTranslator(self)
                if translator.load(path):
                    app.installTranslator(translator)
                    self._translators.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Korean if lang == "ko" else
                                   QLocale.Language.English, QLocale.Country.SouthKorea
                                   if lang == "ko" else QLocale.Country.UnitedStates))
        _current = lang
        self.changed.emit(lang)
