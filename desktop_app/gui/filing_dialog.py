"""The filing sheet: what the marketplace's complaint form asks, field by field, each with a Copy button.

Everything shown comes from core ``filing.build_sheets`` (the form as data, filled only from what the
checks established); this dialog lays it out in the form's order and copies values to the clipboard.
A field the checks did not establish is shown empty, in red, with the reason, and has nothing to copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.checks.findings import CheckReport
from desktop_app.core.display_names import display_name
from desktop_app.core.errors import UserError
from desktop_app.core.filing import FilingSheet, build_sheets
from desktop_app.core.model import Case


class FilingSheetDialog(QDialog):
    def __init__(self, case: Case, report: CheckReport, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = "zh_CN" if language.startswith("zh") else "en"
        self.setWindowTitle(self.tr("Filing sheet — %1").replace("%1", case.reference))
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.sheets: list[FilingSheet] = []
        try:
            self.sheets = build_sheets(case, report)
        except UserError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet("color: #c62828;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Complaint"), self))
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Marketplace and batch"))
        for i, s in enumerate(self.sheets):
            self.choice.addItem(
                self.tr("%1 — batch %2 of %3 (%4 listings)")
                .replace("%1", display_name("marketplace", s.marketplace, self.language))
                .replace("%2", str(s.batch))
                .replace("%3", str(s.batches))
                .replace("%4", str(len(s.listings))),
                i,
            )
        self.choice.currentIndexChanged.connect(lambda _i: self.show_sheet(self.choice.currentData()))
        top.addWidget(self.choice, 1)
        layout.addLayout(top)
        self.form_name = QLabel(self)
        self.form_name.setWordWrap(True)
        self.form_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.form_name)
        layout.addWidget(self.message)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.copied = QLabel(self)
        self.copied.setObjectName("copied")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copied, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.values: dict[str, QWidget] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        if self.sheets:
            self.show_sheet(0)

    def show_sheet(self, index: int | None) -> None:
        """Lay out the sheet's fields in the form's order (widgets built fresh for each sheet)."""
        if index is None or not 0 <= index < len(self.sheets):
            return
        sheet = self.sheets[index]
        lang = self.language
        self.form_name.setText(
            f"<b>{sheet.form.title(lang)}</b>"
            + (f" — <a href='{sheet.form.url}'>{sheet.form.url}</a>" if sheet.form.url else "")
            + "<br>"
            + self.tr("Fill the marketplace's form in this order; every value was established by the checks.")
        )
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        self.values, self.copy_buttons = {}, {}
        for row, f in enumerate(sheet.fields(lang)):
            name = QLabel(f.name, body)
            name.setWordWrap(True)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            multi = "\n" in f.value or len(f.value) > 90
            value: QWidget
            if multi:
                value = QPlainTextEdit(f.value, body)
                value.setReadOnly(True)
                lines = max(3, min(12, f.value.count("\n") + 2))
                value.setFixedHeight(value.fontMetrics().lineSpacing() * lines + 12)
            else:
                value = QLineEdit(f.value, body)
                value.setReadOnly(True)
                value.setCursorPosition(0)
            value.setAccessibleName(f.name)
            value.setObjectName(f"value_{f.key}")
            if not f.established:
                value.setStyleSheet("border: 1px solid #c62828;")
            tip = f.source or ""
            value.setToolTip(tip)
            copy = QPushButton(self.tr("Copy"), body)
            copy.setObjectName(f"copy_{f.key}")
            copy.setEnabled(bool(f.value))
            copy.clicked.connect(lambda _c=False, k=f.key, n=f.name: self.copy(k, n))
            grid.addWidget(name, row * 2, 0)
            grid.addWidget(value, row * 2, 1)
            grid.addWidget(copy, row * 2, 2, Qt.AlignmentFlag.AlignTop)
            note = QLabel(
                (tip if f.established else self.tr("Not established: %1").replace("%1", tip)) if tip else "",
                body,
            )
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;" if f.established else "color: #c62828;")
            grid.addWidget(note, row * 2 + 1, 1)
            self.values[f.key] = value
            self.copy_buttons[f.key] = copy
        if sheet.notes:
            notes = QLabel("\n".join(sheet.notes), body)
            notes.setWordWrap(True)
            notes.setStyleSheet("color: #ef6c00;")
            grid.addWidget(notes, 2 * len(sheet.form.fields), 0, 1, 3)
        grid.setRowStretch(2 * len(sheet.form.fields) + 1, 1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(body)

    def value_text(self, key: str) -> str:
        w = self.values.get(key)
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText()
        return w.text() if isinstance(w, QLineEdit) else ""

    def copy(self, key: str, name: str = "") -> None:
        text = self.value_text(key)
        if not text:
            return
        QApplication.clipboard().setText(text)
        self.copied.setText(self.tr("Copied: %1").replace("%1", name or key))
