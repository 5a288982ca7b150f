"""The rights library: trademarks entered (or read from their certificate) once and reused across cases.

Fields read from a certificate sit beside the rendered page with each field's source highlighted; the
user confirms or corrects every one before the right is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import UserError
from desktop_app.core.model import OFFICES, EvidenceFile, Right
from desktop_app.core.progress import CancelToken, ProgressFn, SubProgress
from desktop_app.gui.context import AppContext
from desktop_app.gui.editor_files import IMAGE_AND_PDF_FILTER
from desktop_app.gui.evidence_viewer import EvidenceViewer, Highlight
from desktop_app.gui.messages import error_text
from desktop_app.gui.names import office_name

FIELDS = ("office", "registration_number", "mark", "owner", "classes")


@dataclass
class CertificateReading:
    file: EvidenceFile
    fields: Any  # CertificateFields, or None when the certificate reader is unavailable
    message: str = ""
    doc: Any = None  # the DocumentText read: where a page read upright lies in the file (stored_box)


def read_certificate(
    ctx: AppContext, path: str, progress: ProgressFn, cancel: CancelToken
) -> CertificateReading:
    """Store the certificate, read it and extract its fields (all core work; cached by the core)."""
    with ctx.worker_store() as store:
        f = store.files.add(path, cancel=cancel)
        try:
            from desktop_app.core.checks.facts import extract_certificate_fields
            from desktop_app.core.reading.service import read_document
        except ImportError:
            return CertificateReading(
                f, None, "The certificate reader is not installed in this build; enter the fields by hand."
            )
        doc = read_document(store, f, progress=SubProgress(progress, 0.0, 0.9), cancel=cancel)
        if not doc.ok:
            return CertificateReading(f, None, doc.message)
        fields = extract_certificate_fields(store, f.sha256, doc)
        progress(1.0, "")
        return CertificateReading(f, fields, "; ".join(getattr(fields, "notes", []) or []), doc)


class RightsLibraryDialog(QDialog):
    right_chosen = Signal(int)  # "Use in case"
    right_saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        case_reference: str | None = None,
        for_case: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_reference = case_reference
        self.for_case = for_case and case_reference is not None  # Save also adds the right to the case
        self.current: Right | None = None
        self.reading: CertificateReading | None = None
        self.task = None
        self.setWindowTitle(self.tr("Rights library"))
        self.resize(1200, 720)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Rights in the library"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Mark"),
                self.tr("Office"),
                self.tr("Registration no."),
                self.tr("Owner"),
                self.tr("Certificate"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        new = QPushButton(self.tr("New right"), self)
        new.clicked.connect(self.new_right)
        read = QPushButton(self.tr("Read from certificate…"), self)
        read.clicked.connect(lambda: self.read_certificate_file(self._choose_certificate()))
        self.use_button = QPushButton(self.tr("Use in case"), self)
        self.use_button.clicked.connect(self._use)
        self.use_button.setEnabled(case_reference is not None)
        if case_reference is not None:
            self.use_button.setText(self.tr("Use in case %1").replace("%1", case_reference))
        self.confirm_button = QPushButton(self.tr("Confirm by hand…"), self)
        self.confirm_button.setObjectName("confirm_by_hand")
        self.confirm_button.setToolTip(
            self.tr("The certificate cannot be read? Check the entered fields against it and confirm them.")
        )
        self.confirm_button.clicked.connect(self.confirm_by_hand)
        left_buttons = QHBoxLayout()
        for b in (new, read, self.use_button, self.confirm_button):
            left_buttons.addWidget(b)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.addWidget(self.table, 1)
        lv.addLayout(left_buttons)
        lv.addWidget(self._build_form())

        self.viewer = EvidenceViewer(ctx, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.viewer)
        splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()
        self.new_right()

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Right"), self)
        grid = QGridLayout(box)
        labels = {
            "office": self.tr("Office"),
            "registration_number": self.tr("Registration no."),
            "mark": self.tr("Mark"),
            "owner": self.tr("Owner"),
            "classes": self.tr("Nice classes"),
        }
        self.edits: dict[str, QLineEdit | QComboBox] = {}
        self.confirms: dict[str, QCheckBox] = {}
        self.sources: dict[str, QLabel] = {}
        for row, name in enumerate(FIELDS):
            if name == "office":
                edit: QLineEdit | QComboBox = QComboBox(box)
                for office in OFFICES:  # the office's name in the interface language; the id is the data
                    edit.addItem(office_name(office), office)
                edit.setEditable(False)
                edit.currentIndexChanged.connect(lambda _i, n=name: self._corrected(n))
            else:
                edit = QLineEdit(box)
                edit.textEdited.connect(lambda _t, n=name: self._corrected(n))
            edit.setObjectName(name)
            edit.setAccessibleName(labels[name])
            edit.installEventFilter(self)
            confirm = QCheckBox(self.tr("Confirmed"), box)
            confirm.setAccessibleName(self.tr("Confirm %1").replace("%1", labels[name]))
            confirm.toggled.connect(self._update_save)
            source = QLabel(box)
            source.setEnabled(False)
            source.setWordWrap(True)
            grid.addWidget(QLabel(labels[name], box), row * 2, 0)
            grid.addWidget(edit, row * 2, 1)
            grid.addWidget(confirm, row * 2, 2)
            grid.addWidget(source, row * 2 + 1, 1, 1, 2)
            self.edits[name], self.confirms[name], self.sources[name] = edit, confirm, source
        self.certificate_label = QLabel(box)
        self.message = QLabel(box)
        self.message.setWordWrap(True)
        self.message.setObjectName("rights_message")
        self.save_button = QPushButton(self.tr("Save right"), box)
        self.save_button.clicked.connect(self.save)
        n = len(FIELDS) * 2
        grid.addWidget(self.certificate_label, n, 0, 1, 3)
        grid.addWidget(self.message, n + 1, 0, 1, 3)
        grid.addWidget(self.save_button, n + 2, 2)
        return box

    # -- library ---------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        self.rights = self.ctx.store.rights.all()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rights))
        for i, r in enumerate(self.rights):
            cells = [
                r.mark,
                office_name(r.office),
                r.registration_number,
                r.owner,
                r.certificate.original_name if r.certificate else "—",
            ]
            for j, value in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(value))
            if r.id == select:
                self.table.selectRow(i)
        self.table.blockSignals(False)

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.rights):
            self.load_right(self.rights[row])

    def new_right(self) -> None:
        self.load_right(Right(office=OFFICES[0], registration_number="", mark="", owner=""))

    def load_right(self, right: Right) -> None:
        self.current = right
        self.reading = None
        self._fill(
            right.office,
            right.registration_number,
            right.mark,
            right.owner,
            ", ".join(str(c) for c in right.classes),
        )
        for name in FIELDS:
            self.confirms[name].setChecked(right.id is not None)
            self.sources[name].clear()
        self.certificate_label.setText(
            self.tr("Certificate: %1").replace(
                "%1", right.certificate.original_name if right.certificate else self.tr("(none)")
            )
        )
        self.message.clear()
        if right.certificate:
            self.viewer.show_file(right.certificate)
        else:
            self.viewer.clear()
        self.confirm_button.setEnabled(right.id is not None and right.certificate is not None)
        self._update_save()

    def confirm_by_hand(self):  # noqa: ANN201 - returns the dialog (tests drive it)
        """Open the confirmation dialog for the selected right (against its certificate)."""
        from desktop_app.gui.confirm_dialog import ConfirmByHandDialog

        if self.current is None or self.current.id is None:
            return None
        case_id = None
        if self.case_reference:
            try:
                case_id = self.ctx.store.cases.resolve_id(self.case_reference)
            except UserError:
                case_id = None
        dialog = ConfirmByHandDialog(self.ctx, self.current, case_id, self)
        dialog.confirmed.connect(
            lambda c: self.message.setText(
                self.tr("%1 %2; run the checks again.")
                .replace("%1", _confirmed_fields(c))
                .replace("%2", _confirmed_source(c))
            )
        )
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    def _fill(self, office: str, number: str, mark: str, owner: str, classes: str) -> None:
        combo = self.edits["office"]
        assert isinstance(combo, QComboBox)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(office)))
        combo.blockSignals(False)
        for name, value in (
            ("registration_number", number),
            ("mark", mark),
            ("owner", owner),
            ("classes", classes),
        ):
            edit = self.edits[name]
            assert isinstance(edit, QLineEdit)
            edit.setText(value)

    # -- certificate reading -----------------------------------------------------------------------

    def _choose_certificate(self) -> str:
        from desktop_app.gui.settings import remember_folder

        folder = self.ctx.prefs.last_folder("certificate")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Trademark certificate"), folder, IMAGE_AND_PDF_FILTER
        )
        remember_folder(self.ctx.prefs, "certificate", [path])
        return path

    def start_reading(self, path: str = ""):  # noqa: ANN201 - returns the Task
        """Open on reading a certificate (chosen now when ``path`` is empty) for the open case."""
        if self.for_case:
            self.setWindowTitle(self.tr("Add a certificate to case %1").replace("%1", self.case_reference))
            self.save_button.setText(self.tr("Save and use in case %1").replace("%1", self.case_reference))
        return self.read_certificate_file(path or self._choose_certificate())

    def read_certificate_file(self, path: str):  # noqa: ANN201 - returns the Task
        if not path:
            return None
        ctx = self.ctx
        self.message.setText(self.tr("Reading the certificate…"))
        task = ctx.runner.start(
            lambda progress, cancel: read_certificate(ctx, path, progress, cancel),
            self.tr("Reading certificate"),
        )
        task.signals.succeeded.connect(self._read_done)
        task.signals.failed.connect(self.message.setText)
        self.task = task
        return task

    def _read_done(self, reading: CertificateReading) -> None:
        self.current = Right(
            office=OFFICES[0], registration_number="", mark="", owner="", certificate=reading.file
        )
        self.reading = reading
        self.certificate_label.setText(self.tr("Certificate: %1").replace("%1", reading.file.original_name))
        fields = reading.fields
        values = {name: (fields.value(name) if fields is not None else None) for name in FIELDS}
        existing = (
            self.ctx.store.rights.find(str(values["office"]), str(values["registration_number"]))
            if values["office"] and values["registration_number"]
            else None
        )
        self._fill(
            str(values["office"] or OFFICES[0]),
            str(values["registration_number"] or ""),
            str(values["mark"] or ""),
            str(values["owner"] or ""),
            ", ".join(str(c) for c in (values["classes"] or [])),
        )
        for name in FIELDS:
            f = getattr(fields, name, None) if fields is not None else None
            self.confirms[name].setChecked(False)
            if f is None:
                self.sources[name].setText(self.tr("Not found on the certificate; enter it."))
            else:
                is_pdf = reading.file.is_pdf
                where = self.tr("page %1").replace("%1", str(f.page)) if f.page and is_pdf else ""
                self.sources[name].setText(
                    f"“{f.source_text}” {where} · {f.confidence:.0%}"
                    + (" · " + self.tr("computed") if f.computed else "")
                )
        note = reading.message
        if existing is not None:
            self.current.id = existing.id
            note = (note + " " if note else "") + self.tr(
                "This right is already in the library; saving updates it."
            )
        self.message.setText(
            note or self.tr("Check each field against the highlighted text, then tick Confirmed.")
        )
        self._show_fields(focus=None)
        self._update_save()

    def _show_fields(self, focus: str | None) -> None:
        """Show the certificate with every read field's source boxed; the focused one in red."""
        if self.reading is None:
            return
        highlights = []
        page = None
        for name in FIELDS:
            f = getattr(self.reading.fields, name, None) if self.reading.fields is not None else None
            if f is None or f.box is None:
                continue
            box = self.reading.doc.stored_box(f.page, f.box) if self.reading.doc is not None else f.box
            hl = Highlight(box, name, "#e53935" if name == focus else "#fb8c00")
            if name == focus:
                highlights.insert(0, hl)
                page = f.page
            else:
                highlights.append(hl)
        self.viewer.show_file(self.reading.file, page or 1, highlights)

    def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802 - Qt override
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.FocusIn and self.reading is not None:
            self._show_fields(focus=obj.objectName())
        return super().eventFilter(obj, event)

    def _corrected(self, name: str) -> None:
        """A value typed by the user counts as confirmed: the user corrected it."""
        self.confirms[name].setChecked(True)

    def _update_save(self) -> None:
        unconfirmed = [n for n in FIELDS if not self.confirms[n].isChecked()]
        self.save_button.setEnabled(not unconfirmed)
        self.save_button.setToolTip(self.tr("Confirm or correct every field first.") if unconfirmed else "")

    # -- saving ----------------------------------------------------------------------------------

    def _right_from_form(self) -> Right:
        assert self.current is not None
        from desktop_app.core.reading.certificates.common import parse_classes

        combo = self.edits["office"]
        assert isinstance(combo, QComboBox)
        text = {n: e.text().strip() for n, e in self.edits.items() if isinstance(e, QLineEdit)}
        if not text["registration_number"] or not text["mark"] or not text["owner"]:
            raise UserError("A right needs a registration number, a mark and an owner.")
        return Right(
            office=str(combo.currentData()),
            registration_number=text["registration_number"],
            mark=text["mark"],
            owner=text["owner"],
            classes=parse_classes(text["classes"]),
            certificate=self.current.certificate,
            id=self.current.id,
        )

    def save(self) -> int | None:
        try:
            right = self._right_from_form()
            right_id = self.ctx.store.rights.save(right)
        except UserError as exc:
            self.message.setText(error_text(exc))
            return None
        self.current = right
        self.refresh(select=right_id)
        self.message.setText(self.tr("Saved %1 in the rights library.").replace("%1", right.mark))
        self.right_saved.emit(right_id)
        if self.for_case:
            self.right_chosen.emit(right_id)
            self.message.setText(
                self.tr("Saved %1 in the rights library and added it to case %2.")
                .replace("%1", right.mark)
                .replace("%2", self.case_reference or "")
            )
        return right_id

    def _use(self) -> None:
        right_id = self.current.id if self.current is not None else None
        if right_id is None:
            right_id = self.save()
        if right_id is not None:
            self.right_chosen.emit(right_id)
            self.message.setText(
                self.tr("Added %1 to case %2.")
                .replace("%1", self.current.mark if self.current else "")
                .replace("%2", self.case_reference or "")
            )


def _confirmed_fields(c) -> str:  # noqa: ANN001 - core.confirmation.Confirmation
    """The confirmed fields by their names in the interface language."""
    from desktop_app.core.confirmation import FIELDS
    from desktop_app.core.messages import join, render
    from desktop_app.gui.i18n import active_language

    language = active_language()
    names = [render("fmt.field", {"field": FIELDS.get(f, f)}, language) for f in c.fields]
    return join(names, "comma", language)


def _confirmed_source(c) -> str:  # noqa: ANN001 - core.confirmation.Confirmation
    """'confirmed by hand by <who> on <date>' in the interface language."""
    from desktop_app.core.messages import render
    from desktop_app.gui.i18n import active_language

    return render("source.confirmed", {"who": c.confirmed_by, "date": c.date}, active_language())
