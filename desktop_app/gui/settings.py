"""The window's persistent preferences, kept in QSettings (one key per preference, typed accessors)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop_app import APP_ID, APP_NAME

ORGANIZATION = APP_NAME


def open_settings(path: str | None = None) -> QSettings:
    """The user's settings, or an INI file at ``path`` (tests and portable installs)."""
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_ID)


class Preferences:
    def __init__(self, settings: QSettings) -> None:
        self.qs = settings

    def _str(self, key: str, default: str = "") -> str:
        value = self.qs.value(key, default)
        return str(value) if value is not None else default

    @property
    def data_dir(self) -> str:
        return self._str("data_dir")

    @data_dir.setter
    def data_dir(self, value: str) -> None:
        self.qs.setValue("data_dir", value)

    @property
    def default_identity(self) -> str:
        return self._str("default_identity")

    @default_identity.setter
    def default_identity(self, value: str) -> None:
        self.qs.setValue("default_identity", value)

    @property
    def ocr_languages(self) -> list[str]:
        text = self._str("ocr_languages", "ch,en")
        return [x.strip() for x in text.split(",") if x.strip()]

    @ocr_languages.setter
    def ocr_languages(self, value: list[str]) -> None:
        self.qs.setValue("ocr_languages", ",".join(value))

    @property
    def language(self) -> str:
        return self._str("language")

    @language.setter
    def language(self, value: str) -> None:
        self.qs.setValue("language", value)

    @property
    def first_launch_done(self) -> bool:
        return self._str("first_launch_done", "false") == "true"

    @first_launch_done.setter
    def first_launch_done(self, value: bool) -> None:
        self.qs.setValue("first_launch_done", "true" if value else "false")

    @property
    def last_case(self) -> int | None:
        text = self._str("last_case")
        return int(text) if text.isdigit() else None

    @last_case.setter
    def last_case(self, value: int | None) -> None:
        self.qs.setValue("last_case", "" if value is None else str(value))

    def last_folder(self, kind: str) -> str:
        """The folder a file of ``kind`` (evidence, certificate, package…) was last chosen from."""
        return self._str(f"folders/{kind}")

    def set_last_folder(self, kind: str, folder: str) -> None:
        self.qs.setValue(f"folders/{kind}", folder)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry, state = self.qs.value("window/geometry"), self.qs.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)
        self.qs.sync()


def remember_folder(prefs: Preferences, kind: str, paths: list[str]) -> None:
    """File dialogs open where the user last chose a file of the same kind."""
    from pathlib import Path

    chosen = [p for p in paths if p]
    if chosen:
        prefs.set_last_folder(kind, str(Path(chosen[0]).parent))
