"""Settings: data directory, default signing identity, OCR languages and interface language."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.gui.context import AppContext
from desktop_app.gui.i18n import LANGUAGES

# The bundled OCR engine (PP-OCRv4) reads Simplified Chinese and Latin-script text with one model;
# no other recognition models ship, so this is shown rather than offered as a choice.
OCR_LANGUAGES_INSTALLED = (("ch,en", "简体中文 + English"),)


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, current_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        prefs = ctx.prefs
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.data_dir = QLineEdit(prefs.data_dir or str(ctx.data_dir), self)
        self.data_dir.setAccessibleName(self.tr("Data directory"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(browse)
        self.identity = QComboBox(self)
        self.identity.setAccessibleName(self.tr("Default identity"))
        self.identity.addItem(self.tr("(ask each time)"), "")
        try:
            from desktop_app.core.package.signing import list_identities

            for info in list_identities(ctx.data_dir):
                self.identity.addItem(f"{info.name} — {info.organisation}", info.name)
        except ImportError:
            pass
        self.identity.setCurrentIndex(max(0, self.identity.findData(prefs.default_identity)))
        self.ocr = QComboBox(self)
        self.ocr.setAccessibleName(self.tr("OCR languages"))
        for value, label in OCR_LANGUAGES_INSTALLED:
            self.ocr.addItem(label, value)
        self.ocr.setCurrentIndex(max(0, self.ocr.findData(",".join(prefs.ocr_languages))))
        self.ocr.setEnabled(len(OCR_LANGUAGES_INSTALLED) > 1)
        self.ocr.setToolTip(
            self.tr("One model reads Simplified Chinese and English (and other Latin-script text).")
        )
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(self.tr("Interface language"))
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(current_language)))
        note = QLabel(self.tr("A new data directory is used from the next start."), self)
        note.setEnabled(False)
        form.addRow(self.tr("Data directory"), row)
        form.addRow("", note)
        form.addRow(self.tr("Default identity"), self.identity)
        form.addRow(self.tr("OCR languages"), self.ocr)
        form.addRow(self.tr("Interface language"), self.language_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Data directory"), self.data_dir.text())
        if path:
            self.data_dir.setText(path)

    def language(self) -> str:
        return str(self.language_box.currentData())

    def accept(self) -> None:
        prefs = self.ctx.prefs
        chosen = self.data_dir.text().strip()
        prefs.data_dir = "" if chosen == str(self.ctx.data_dir) and not prefs.data_dir else chosen
        prefs.default_identity = str(self.identity.currentData() or "")
        prefs.ocr_languages = str(self.ocr.currentData()).split(",")
        super().accept()
