"""The case's records: package versions, frozen revisions, the submission record, and Reopen.

Shows what the store keeps (core ``store.exports``, ``store.revisions``, ``store.submissions``); the
rules — what locks a case, what reopening needs — live in the core.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.case_text import content_lines
from desktop_app.core.errors import UserError
from desktop_app.gui.context import AppContext


class ReopenDialog(QDialog):
    """Asks why a submitted case must change; the core keeps the reason with the submission record."""

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.setWindowTitle(self.tr("Reopen submitted case"))
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr(
                    "The case was submitted and is read-only. Reopening lets you edit it; the reason is "
                    "kept with its submission record and in the audit log."
                ),
                self,
            )
        )
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for reopening"))
        form.addRow(self.tr("Reason"), self.reason)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def submit(self) -> bool:
        from desktop_app.core.outcomes import reopen_case

        try:
            reopen_case(self.ctx.store, self.case_id, self.reason.text())
        except UserError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True


class RevisionDialog(QDialog):
    """A frozen revision, read-only: what an earlier package or submission held."""

    def __init__(
        self, reference: str, number: int, meta: dict[str, Any], content: dict[str, Any], parent=None
    ):  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("%1 — revision %2 (read-only)").replace("%1", reference).replace("%2", str(number))
        )
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Frozen %1 at %2 · content SHA-256 %3")
                .replace("%1", meta["created_at"])
                .replace("%2", meta["reason"])
                .replace("%3", meta["content_sha256"]),
                self,
            )
        )
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setObjectName("revision_content")
        self.text.setPlainText("\n".join(line.strip() for line in content_lines(content)))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class CaseRecordsPanel(QGroupBox):
    """Package versions, revisions and the submission record of one case, with Reopen."""

    reopened = Signal(int)

    COLUMNS = ("Version", "Exported", "Signer", "Revision", "SHA-256", "File")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Records"))
        self.setObjectName("case_records")
        self.ctx = ctx
        self.case_id: int | None = None
        self.reference = ""
        layout = QVBoxLayout(self)
        self.submission = QLabel(self)
        self.submission.setObjectName("submission_record")
        self.submission.setWordWrap(True)
        self.submission.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reopen_button = QPushButton(self.tr("Reopen…"), self)
        self.reopen_button.setAccessibleName(self.tr("Reopen submitted case"))
        self.reopen_button.clicked.connect(self.ask_reopen)
        top = QHBoxLayout()
        top.addWidget(self.submission, 1)
        top.addWidget(self.reopen_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.exports = QTableWidget(0, len(self.COLUMNS), self)
        self.exports.setObjectName("exports")
        self.exports.setAccessibleName(self.tr("Package versions"))
        self.exports.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.exports.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exports.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exports.verticalHeader().hide()
        self.exports.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.exports.horizontalHeader().setStretchLastSection(True)
        self.exports.setMaximumHeight(140)
        layout.addWidget(QLabel(self.tr("Package versions (never replaced):"), self))
        layout.addWidget(self.exports)
        self.revisions = QListWidget(self)
        self.revisions.setObjectName("revisions")
        self.revisions.setAccessibleName(self.tr("Revisions"))
        self.revisions.setMaximumHeight(80)
        self.revisions.itemActivated.connect(lambda item: self.view_revision(item.data(256)))
        self.revisions.itemDoubleClicked.connect(lambda item: self.view_revision(item.data(256)))
        view = QPushButton(self.tr("View revision…"), self)
        view.clicked.connect(self._view_selected)
        self.revision_state = QLabel(self)
        self.revision_state.setObjectName("revision_state")
        rev_row = QHBoxLayout()
        rev_row.addWidget(self.revision_state, 1)
        rev_row.addWidget(view)
        layout.addWidget(QLabel(self.tr("Revisions (what each package or submission held):"), self))
        layout.addWidget(self.revisions)
        layout.addLayout(rev_row)
        self.dialog: QDialog | None = None

    @property
    def locked(self) -> bool:
        return self.case_id is not None and self.ctx.store.submissions.open(self.case_id) is not None

    def show_case(self, case_id: int | None, reference: str = "") -> None:
        self.case_id, self.reference = case_id, reference
        self.refresh()

    def refresh(self) -> None:
        store = self.ctx.store
        cid = self.case_id
        if cid is None:
            return
        rows = store.exports.for_case(cid)
        self.exports.setRowCount(len(rows))
        for i, e in enumerate(rows):
            values = [
                f"v{e['version']}",
                e["exported_at"],
                e["signer"] or "?",
                str(e["revision"] or "?"),
                e["package_sha256"],
                e["path"],
            ]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.exports.setItem(i, j, item)
        self.revisions.clear()
        revs = store.revisions.for_case(cid)
        for r in revs:
            item = QListWidgetItem(
                self.tr("Revision %1 — frozen %2 at %3")
                .replace("%1", str(r["number"]))
                .replace("%2", r["created_at"])
                .replace("%3", r["reason"])
            )
            item.setData(256, r["number"])
            self.revisions.addItem(item)
        case = store.cases.get(cid)
        edited = store.revisions.edited_since(case)
        self.revision_state.setText(
            self.tr("Not exported yet.")
            if edited is None
            else self.tr("Edited since revision %1: the next export makes a new revision.").replace(
                "%1", str(revs[-1]["number"])
            )
            if edited
            else self.tr("Unchanged since revision %1.").replace("%1", str(revs[-1]["number"]))
        )
        subs = store.submissions.for_case(cid)
        lines = []
        for s in subs:
            line = (
                self.tr("Submitted %1 to %2 as complaint %3 (package v%4, revision %5).")
                .replace("%1", s["submitted_at"])
                .replace("%2", s["marketplace"] or "?")
                .replace("%3", s["complaint_number"])
                .replace("%4", str(s["export_version"] or "-"))
                .replace("%5", str(s["revision"] or "-"))
            )
            if s["decision"]:
                line += " " + self.tr("Decision: %1 %2%3").replace("%1", s["decision"]).replace(
                    "%2", s["decided_at"]
                ).replace("%3", f" — {s['decision_reasons']}" if s["decision_reasons"] else "")
            if s["reopened_at"]:
                line += " " + self.tr("Reopened %1: %2").replace("%1", s["reopened_at"]).replace(
                    "%2", s["reopen_reason"]
                )
            lines.append(line)
        locked = self.locked
        if locked:
            lines.append(self.tr("Read-only while submitted: reopen it with a reason to edit."))
        self.submission.setText("\n".join(lines) or self.tr("Not submitted."))
        self.reopen_button.setVisible(locked)

    def _view_selected(self) -> None:
        item = self.revisions.currentItem() or (self.revisions.item(self.revisions.count() - 1))
        if item is not None:
            self.view_revision(item.data(256))

    def view_revision(self, number: int) -> RevisionDialog | None:
        if self.case_id is None:
            return None
        store = self.ctx.store
        meta = next(r for r in store.revisions.for_case(self.case_id) if r["number"] == number)
        content = store.revisions.get(self.case_id, number)
        dialog = RevisionDialog(self.reference, number, meta, content, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_reopen(self) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        dialog = ReopenDialog(self.ctx, case_id, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: (self.refresh(), self.reopened.emit(case_id)))
        dialog.open()
