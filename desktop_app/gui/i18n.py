"""Interface languages: Qt translation files (.qm) compiled from resources/translations/*.ts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.core.resources import resources_dir

LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def system_language() -> str:
    name = QLocale.system().name()  # e.g. zh_CN
    return "zh_CN" if name.startswith("zh") else DEFAULT_LANGUAGE


_active = [DEFAULT_LANGUAGE]


def active_language() -> str:
    """The interface language now installed (for texts rendered outside Qt's translators)."""
    return _active[0]


class LanguageSwitcher:
    """Installs the app's and Qt's own translators for one language at a time."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def apply(self, language: str) -> bool:
        """Switch to ``language``; False (and English) when its translation file is missing."""
        app = QCoreApplication.instance()
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed.clear()
        self.language = DEFAULT_LANGUAGE if language not in LANGUAGES else language
        _active[0] = self.language
        if self.language == DEFAULT_LANGUAGE:
            return True
        ours = QTranslator(app)
        if not ours.load(f"evidence_desk_{self.language}", str(translations_dir())):
            self.language = _active[0] = DEFAULT_LANGUAGE
            return False
        app.installTranslator(ours)
        self._installed.append(ours)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{self.language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            self._installed.append(qt)
        return True
