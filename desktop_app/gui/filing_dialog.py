"""The filing sheet: what the marketplace's complaint form asks, field by field, each with a Copy button.

Everything shown comes from core ``filing.build_sheets`` (the form as data, filled only from what the
checks established); this dialog lays it out in the form's order and copies values to the clipboard.
A field the checks did not establish is shown empty, in red, with the reason, and has nothing to copy.

The infringement statement can be edited: Save records the text as a new version (core
``statements.save_statement``), "Revert to generated" files the generated statement again. An edited
statement is labelled as the user's, with who and when, and a stale edit (the evidence changed after
it) is warned about. Copy copies the statement as saved, never unsaved typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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
from desktop_app.core.filing import FilingSheet
from desktop_app.core.messages import text_in
from desktop_app.core.model import Case
from desktop_app.core.package.attachments import AttachmentsResult, limits_sentence, write_attachments
from desktop_app.core.statements import revert_statement, save_statement, sheets_with_edits
from desktop_app.core.store import Store
from desktop_app.gui.i18n import active_language
from desktop_app.gui.messages import error_text
from desktop_app.gui.settings import Preferences
from desktop_app.gui.workers import Task, TaskRunner, bind


class FilingSheetDialog(QDialog):
    def __init__(
        self,
        store: Store,
        case: Case,
        report: CheckReport,
        language: str,
        parent: QWidget | None = None,
        *,
        prefs: Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.case, self.report, self.prefs = store, case, report, prefs
        self.runner = TaskRunner(self)
        self.upload_task: Task | None = None
        self.language = "zh_CN" if language.startswith("zh") else "en"
        self.setWindowTitle(self.tr("Filing sheet — %1").replace("%1", case.reference))
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.sheets: list[FilingSheet] = []
        self.index = 0
        try:
            self.sheets = sheets_with_edits(store, case, report)
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
        top.addWidget(QLabel(self.tr("Sheet language"), self))
        # the form's names and the statement in either language, whatever the window's: a Chinese form
        # may be filled from an English window
        self.sheet_language = QComboBox(self)
        self.sheet_language.setAccessibleName(self.tr("Sheet language"))
        self.sheet_language.addItem("English", "en")
        self.sheet_language.addItem("中文", "zh_CN")
        self.sheet_language.setCurrentIndex(1 if self.language == "zh_CN" else 0)
        self.sheet_language.currentIndexChanged.connect(
            lambda _i: self.set_language(self.sheet_language.currentData())
        )
        top.addWidget(self.sheet_language)
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
        self.copied.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.upload_button = QPushButton(self.tr("Write upload files…"), self)
        self.upload_button.setToolTip(
            self.tr(
                "Write this marketplace's evidence as PDF files to attach to its complaint form: one per "
                "batch, split into parts within the form's upload size limit"
            )
        )
        self.upload_button.setEnabled(bool(self.sheets))
        self.upload_button.clicked.connect(lambda: self.write_upload_files())
        bottom = QHBoxLayout()
        bottom.addWidget(self.copied, 1)
        bottom.addWidget(self.upload_button)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.values: dict[str, QWidget] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        self.statement_key = ""
        self.save_button: QPushButton | None = None
        self.revert_button: QPushButton | None = None
        self.edited_label: QLabel | None = None
        self.stale_label: QLabel | None = None
        self.locked = ""  # why the statement cannot be edited (a submitted case), or ""
        try:
            store.submissions.ensure_editable(case.id)
        except UserError as exc:
            self.locked = error_text(exc)
        if self.sheets:
            self.show_sheet(0)

    def show_sheet(self, index: int | None) -> None:
        """Lay out the sheet's fields in the form's order (widgets built fresh for each sheet)."""
        if index is None or not 0 <= index < len(self.sheets):
            return
        self.index = index
        sheet = self.sheets[index]
        lang = self.language
        self.form_name.setText(
            f"<b>{sheet.form.title(lang)}</b>"
            + (f" — <a href='{sheet.form.url}'>{sheet.form.url}</a>" if sheet.form.url else "")
            + "<br>"
            + (
                self.tr(
                    "Fill the marketplace's form in this order; every value was established by the checks, "
                    "except the statement you edited."
                )
                if lang in sheet.edits
                else self.tr(
                    "Fill the marketplace's form in this order; every value was established by the checks."
                )
            )
        )
        body = QWidget()
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        self.values, self.copy_buttons = {}, {}
        statement_keys = {ff.key for ff in sheet.form.fields if ff.fill == "statement"}
        self.statement_key = ""
        self.save_button = self.revert_button = self.edited_label = self.stale_label = None
        for row, f in enumerate(sheet.fields(lang)):
            name = QLabel(f.name, body)
            name.setWordWrap(True)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            multi = "\n" in f.value or len(f.value) > 90 or f.key in statement_keys
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
            self.values[f.key] = value
            self.copy_buttons[f.key] = copy
            if f.key in statement_keys and isinstance(value, QPlainTextEdit):
                grid.addWidget(self._statement_controls(sheet, value, body), row * 2 + 1, 1)
                continue
            note = QLabel(
                (tip if f.established else self.tr("Not established: %1").replace("%1", tip)) if tip else "",
                body,
            )
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;" if f.established else "color: #c62828;")
            grid.addWidget(note, row * 2 + 1, 1)
        if sheet.notes:
            notes = QLabel("\n".join(text_in(n, active_language()) for n in sheet.notes), body)
            notes.setWordWrap(True)
            notes.setStyleSheet("color: #ef6c00;")
            grid.addWidget(notes, 2 * len(sheet.form.fields), 0, 1, 3)
        grid.setRowStretch(2 * len(sheet.form.fields) + 1, 1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(body)

    def set_language(self, language: str) -> None:
        """Show the sheet (its names, values and statement) in ``language``; unsaved typing is dropped."""
        self.language = language
        self.show_sheet(self.index)

    # --- the statement, editable ---------------------------------------------------------------------

    def _statement_controls(self, sheet: FilingSheet, editor: QPlainTextEdit, body: QWidget) -> QWidget:
        """Below the statement: who edited it (or that it is generated), a stale warning, Save, Revert."""
        lang = self.language
        self.statement_key = editor.objectName().removeprefix("value_")
        editor.setReadOnly(bool(self.locked))
        lines = max(6, min(14, sheet.statement[lang].count("\n") + 3))
        editor.setFixedHeight(editor.fontMetrics().lineSpacing() * lines + 12)
        box = QWidget(body)
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        edit = sheet.edits.get(lang)
        self.edited_label = QLabel(box)
        self.edited_label.setObjectName("statement_edited")
        self.edited_label.setWordWrap(True)
        if edit is not None:
            self.edited_label.setText(
                self.tr(
                    "Edited by %1 at %2: your text, not established by the checks. The generated statement "
                    "is kept beside it in the package (complaint.json)."
                )
                .replace("%1", edit.edited_by)
                .replace("%2", edit.edited_at)
            )
            self.edited_label.setStyleSheet("color: #ef6c00;")
        else:
            self.edited_label.setText(
                self.tr(
                    "Generated from the facts the checks established. You may edit it and save your text."
                )
            )
            self.edited_label.setStyleSheet("color: #555;")
        v.addWidget(self.edited_label)
        self.stale_label = QLabel(box)
        self.stale_label.setObjectName("statement_stale")
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("color: #c62828;")
        if sheet.stale.get(lang):
            self.stale_label.setText(
                self.tr(
                    "The evidence changed after this statement was edited: the statement generated now "
                    "differs from the one you edited. Review your text and save it again, or revert to the "
                    "generated statement."
                )
            )
        self.stale_label.setVisible(bool(sheet.stale.get(lang)))
        v.addWidget(self.stale_label)
        if self.locked:
            locked = QLabel(self.locked, box)
            locked.setWordWrap(True)
            locked.setStyleSheet("color: #555;")
            v.addWidget(locked)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save statement"), box)
        self.save_button.setObjectName("save_statement")
        self.save_button.clicked.connect(self.save_statement)
        self.revert_button = QPushButton(self.tr("Revert to generated"), box)
        self.revert_button.setObjectName("revert_statement")
        self.revert_button.clicked.connect(self.revert_statement)
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        row.addStretch(1)
        v.addLayout(row)
        editor.textChanged.connect(self._statement_changed)
        self._statement_changed()
        return box

    def _statement_changed(self) -> None:
        """Save while the text differs from the statement filed (or the edit is stale); Copy only then not."""
        if not self.sheets or self.save_button is None or self.revert_button is None:
            return
        sheet, lang = self.sheets[self.index], self.language
        dirty = self.value_text(self.statement_key).strip() != sheet.statement[lang].strip()
        self.save_button.setEnabled(not self.locked and (dirty or bool(sheet.stale.get(lang))))
        self.revert_button.setEnabled(not self.locked and lang in sheet.edits)
        copy = self.copy_buttons.get(self.statement_key)
        if copy is not None:
            copy.setEnabled(not dirty and bool(sheet.statement[lang]))
            copy.setToolTip(self.tr("Save the statement before copying it.") if dirty else "")

    def save_statement(self) -> None:
        sheet = self.sheets[self.index]
        self._record(
            lambda: save_statement(
                self.store, self.case, sheet, self.language, self.value_text(self.statement_key)
            )
        )

    def revert_statement(self) -> None:
        sheet = self.sheets[self.index]
        self._record(lambda: revert_statement(self.store, self.case, sheet, self.language))

    def _record(self, action) -> None:  # noqa: ANN001 - () -> SavedStatement
        try:
            saved = action()
        except UserError as exc:
            self.message.setText(error_text(exc))
            self.message.setStyleSheet("color: #c62828;")
            return
        self.message.setText("")
        self.sheets[self.index] = saved.sheet
        self.show_sheet(self.index)
        self.copied.setText(
            (
                self.tr("Statement saved.")
                if saved.sheet.edits.get(self.language)
                else self.tr("Generated statement restored.")
            )
            if saved.changed
            else self.tr("Nothing to save: that is the statement already filed.")
        )

    # -- upload files (core package.attachments), written off the GUI thread

    def write_upload_files(self, folder: str | None = None) -> Task | None:
        """Ask for a folder (unless given) and write the current marketplace's upload files into it;
        clicked again while writing, cancels."""
        if self.upload_task is not None:
            self.upload_task.cancel()
            return None
        if not self.sheets:
            return None
        if folder is None:
            start = self.prefs.last_folder("upload") if self.prefs else ""
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the upload files"), start)
            if not folder:
                return None
        if self.prefs:
            self.prefs.set_last_folder("upload", folder)
        store, case, report = self.store, self.case, self.report
        market = self.sheets[self.index].marketplace

        def work(progress, cancel):  # noqa: ANN001, ANN202 - runs on a worker thread
            return write_attachments(
                store, case, report, folder, marketplace=market, progress=progress, cancel=cancel
            )

        task = self.runner.start(work, "Upload files")
        self.upload_task = task
        self.upload_button.setText(self.tr("Cancel writing"))
        bind(task, "progress", self, lambda _f, label: self.copied.setText(label))
        bind(task, "succeeded", self, self._upload_written)
        bind(task, "failed", self, lambda text: self._upload_done(text, error=True))
        bind(
            task,
            "cancelled",
            self,
            lambda: self._upload_done(self.tr("Writing the upload files was cancelled.")),
        )
        return task

    def _upload_written(self, result: AttachmentsResult) -> None:
        lines = [
            self.tr("Wrote %1 upload file(s) to %2.")
            .replace("%1", str(len(result.files)))
            .replace("%2", str(result.files[0].path.parent) if result.files else "")
        ]
        lines += [limits_sentence(form, lim, active_language()) for form, lim in result.limits.items()]
        lines += [text_in(note, active_language()) for note in result.notes]
        self._upload_done("\n".join(lines), error=bool(result.notes))

    def _upload_done(self, text: str, error: bool = False) -> None:
        self.upload_task = None
        self.upload_button.setText(self.tr("Write upload files…"))
        self.copied.setText(text)
        self.copied.setStyleSheet("color: #c62828;" if error else "")

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
