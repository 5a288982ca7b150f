"""The case's records: package versions, frozen revisions, the submission record, and Reopen.

Shows what the store keeps (core ``store.exports``, ``store.revisions``, ``store.submissions``); the
rules — what locks a case, what reopening needs — live in the core.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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
from desktop_app.core.decline_reasons import reason_label
from desktop_app.core.errors import UserError
from desktop_app.gui.context import AppContext
from desktop_app.gui.messages import error_text
from desktop_app.gui.models import status_label
from desktop_app.gui.names import current_language, marketplace_name
from desktop_app.gui.settings import remember_folder
from desktop_app.gui.workers import Task, bind


def frozen_when(reason: str) -> str:
    """The moment a revision was frozen (core stores "export" or "submission"), in the interface language."""
    names = {
        "export": QCoreApplication.translate("CaseRecordsPanel", "export", "a revision was frozen at export"),
        "submission": QCoreApplication.translate(
            "CaseRecordsPanel", "submission", "a revision was frozen at submission"
        ),
    }
    return names.get(reason, reason)


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
            self.error.setText(error_text(exc))
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
                .replace("%2", frozen_when(meta["reason"]))
                .replace("%3", meta["content_sha256"]),
                self,
            )
        )
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setObjectName("revision_content")
        self.text.setPlainText("\n".join(line.strip() for line in content_lines(content, current_language())))
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
        self.exports.setHorizontalHeaderLabels(
            [
                self.tr("Version"),
                self.tr("Exported"),
                self.tr("Signer"),
                self.tr("Revision"),
                self.tr("SHA-256"),
                self.tr("File"),
            ]
        )
        self.exports.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exports.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exports.verticalHeader().hide()
        self.exports.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.exports.horizontalHeader().setStretchLastSection(True)
        self.exports.setMaximumHeight(140)
        layout.addWidget(QLabel(self.tr("Package versions (never replaced):"), self))
        layout.addWidget(self.exports)
        # RFC 3161: a request for the selected version goes to the user's TSA; its response makes a new
        # version carrying the token (the selected one is never changed)
        self.request_button = QPushButton(self.tr("Time-stamp request…"), self)
        self.request_button.setToolTip(
            self.tr("Save an RFC 3161 request for the selected version, to send to a time-stamping authority")
        )
        self.request_button.clicked.connect(lambda: self.save_request())
        self.attach_button = QPushButton(self.tr("Attach time stamp…"), self)
        self.attach_button.setToolTip(
            self.tr("Add the authority's response to the selected version; the result is a new version")
        )
        self.attach_button.clicked.connect(lambda: self.attach_response())
        self.stamp_status = QLabel(self)
        self.stamp_status.setObjectName("stamp_status")
        self.stamp_status.setWordWrap(True)
        self.stamp_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        stamp_row = QHBoxLayout()
        stamp_row.addWidget(self.stamp_status, 1)
        stamp_row.addWidget(self.request_button, 0, Qt.AlignmentFlag.AlignTop)
        stamp_row.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(stamp_row)
        self.stamp_task: Task | None = None
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
        stamps = store.exports.stamps(cid)
        self.exports.setRowCount(len(rows))
        for i, e in enumerate(rows):
            stamp = stamps.get(e["version"])
            values = [
                self.tr("v%1 (v%2 + time stamp)")
                .replace("%1", str(e["version"]))
                .replace("%2", str(stamp["stamped_from"]))
                if stamp
                else f"v{e['version']}",
                e["exported_at"],
                e["signer"] or "?",
                str(e["revision"] or "?"),
                e["package_sha256"],
                e["path"],
            ]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(256, e["path"])
                self.exports.setItem(i, j, item)
        if rows:
            self.exports.selectRow(len(rows) - 1)
        self.request_button.setEnabled(bool(rows))
        self.attach_button.setEnabled(bool(rows) and self.stamp_task is None)
        self.revisions.clear()
        revs = store.revisions.for_case(cid)
        for r in revs:
            item = QListWidgetItem(
                self.tr("Revision %1 — frozen %2 at %3")
                .replace("%1", str(r["number"]))
                .replace("%2", r["created_at"])
                .replace("%3", frozen_when(r["reason"]))
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
        by_listing: dict[int, list[str]] = {}
        for d in store.submissions.listing_decisions(cid):
            by_listing.setdefault(d["submission_id"], []).append(d["decision"])
        lines = []
        for s in subs:
            line = (
                self.tr("Submitted %1 to %2 as complaint %3 (package v%4, revision %5).")
                .replace("%1", s["submitted_at"])
                .replace(
                    "%2", ", ".join(marketplace_name(m.strip()) for m in s["marketplace"].split(",")) or "?"
                )
                .replace("%3", s["complaint_number"])
                .replace("%4", str(s["export_version"] or "-"))
                .replace("%5", str(s["revision"] or "-"))
            )
            if s["batch"] is not None:  # filed in batches: decided listing by listing
                decided = by_listing.get(s["id"], [])
                line += " " + (
                    self.tr("Batch %1, %2 listings: %3 accepted, %4 declined, %5 undecided.")
                    .replace("%1", str(s["batch"]))
                    .replace("%2", str(len(json.loads(s["listing_ids"] or "[]"))))
                    .replace("%3", str(decided.count("accepted")))
                    .replace("%4", str(decided.count("declined")))
                    .replace("%5", str(len(json.loads(s["listing_ids"] or "[]")) - len(decided)))
                )
            if s["decision"]:
                reason = (
                    reason_label(s["decision_reasons"], current_language()) if s["decision_reasons"] else ""
                )
                line += " " + self.tr("Decision: %1 %2%3").replace("%1", status_label(s["decision"])).replace(
                    "%2", s["decided_at"]
                ).replace("%3", f" — {reason}" if reason else "")
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

    def selected_package(self) -> Path | None:
        """The package file of the selected version (the latest when none is selected)."""
        row = self.exports.currentRow()
        if row < 0:
            row = self.exports.rowCount() - 1
        item = self.exports.item(row, 0) if row >= 0 else None
        return Path(item.data(256)) if item is not None else None

    def _say(self, text: str, error: bool = False) -> None:
        self.stamp_status.setStyleSheet("color: #c62828;" if error else "")
        self.stamp_status.setText(text)

    def save_request(self, out: str | Path | None = None) -> Path | None:
        """Write a time-stamp request for the selected version (``out`` chosen in a dialog if not given)."""
        from desktop_app.core.package.timestamp import write_request

        package = self.selected_package()
        if package is None:
            return None
        if out is None:
            folder = self.ctx.prefs.last_folder("timestamp") or str(package.parent)
            out, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save time-stamp request"),
                str(Path(folder) / (package.stem + ".tsq")),
                self.tr("Time-stamp requests (*.tsq)"),
            )
            if not out:
                return None
            remember_folder(self.ctx.prefs, "timestamp", [out])
        try:
            write_request(package, out, self.ctx.data_dir)
        except (UserError, OSError) as exc:
            self._say(
                error_text(exc) if isinstance(exc, UserError) else f"{out}: {exc.strerror or exc}.", True
            )
            return None
        self._say(
            self.tr(
                "Request saved to %1. Send it to your time-stamping authority, then attach its response."
            ).replace("%1", str(out))
        )
        return Path(out)

    def attach_response(self, response: str | Path | None = None) -> Task | None:
        """Attach a TSA's response to the selected version, off the GUI thread; a new version results."""
        package = self.selected_package()
        if package is None or self.stamp_task is not None:
            return None
        if response is None:
            folder = self.ctx.prefs.last_folder("timestamp") or str(package.parent)
            response, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Attach time-stamp response"),
                folder,
                self.tr("Time-stamp responses (*.tsr *.der);;All files (*)"),
            )
            if not response:
                return None
            remember_folder(self.ctx.prefs, "timestamp", [response])
        ctx, chosen = self.ctx, Path(response)

        def work(progress, cancel):  # noqa: ANN001, ANN202 - runs on a worker thread
            from desktop_app.core.package.timestamp import stamp_case_package
            from desktop_app.core.package.trust import load_trust_store

            with ctx.worker_store() as store:
                anchors = load_trust_store(store.data_dir).anchors()
                return stamp_case_package(
                    store, package, chosen, anchors=anchors, progress=progress, cancel=cancel
                )

        self.attach_button.setEnabled(False)
        self._say(self.tr("Attaching the time stamp…"))
        task = self.ctx.runner.start(work, self.tr("Attach time stamp"))
        bind(task, "succeeded", self, self._stamped)
        bind(task, "failed", self, lambda text: self._say(text, True))
        bind(task, "cancelled", self, lambda: self._say(self.tr("Cancelled; no package was written.")))
        bind(task, "finished", self, self._stamp_finished)
        self.stamp_task = task
        return task

    def _stamped(self, result) -> None:  # noqa: ANN001 - AttachResult
        when = result.check.time.isoformat() if result.check.time else "?"
        if result.version is None:  # the file no longer holds the recorded version's bytes
            self._say(
                self.tr(
                    "Time-stamped copy written to %1, but the package file differs from every recorded "
                    "version, so it is not listed as a version of this case."
                ).replace("%1", str(result.path)),
                True,
            )
            return
        self._say(
            self.tr("Version %1 written: %2 — time stamp by %3 at %4. Version %5 is unchanged.")
            .replace("%1", str(result.version))
            .replace("%2", str(result.path))
            .replace("%3", result.check.tsa or "?")
            .replace("%4", when)
            .replace("%5", str(result.stamped_from))
        )

    def _stamp_finished(self) -> None:
        self.stamp_task = None
        self.refresh()

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
