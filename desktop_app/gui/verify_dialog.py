"""Verify any submission package: three answers (files intact, signature valid, signer trusted), then
the files one by one. The signer is trusted only against the fingerprint typed here or the trusted
certificates and fingerprints configured in Settings; otherwise it is "not established"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.progress import CancelToken, ProgressFn
from desktop_app.gui.context import AppContext
from desktop_app.gui.workers import bind


class VerifyDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, package: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task = None
        self.report = None
        self.setWindowTitle(self.tr("Verify package"))
        self.resize(820, 520)
        self.path = QLineEdit(package, self)
        self.path.setAccessibleName(self.tr("Package file"))
        browse = QPushButton(self.tr("Open…"), self)
        browse.clicked.connect(self._browse)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setAccessibleName(self.tr("Expected signer fingerprint"))
        self.fingerprint.setPlaceholderText(self.tr("Expected signer fingerprint (optional)"))
        self.verify_button = QPushButton(self.tr("Verify"), self)
        self.verify_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(lambda: self.task.cancel() if self.task else None)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row2 = QHBoxLayout()
        row2.addWidget(self.fingerprint, 1)
        row2.addWidget(self.verify_button)
        row2.addWidget(self.cancel_button)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the three answers, each on its own line, then the timestamp and the re-pack note
        self.intact_label = self._answer_label("intact")
        self.signature_label = self._answer_label("signature")
        self.trust_label = self._answer_label("trust")
        self.timestamp_label = self._answer_label("timestamp")
        self.note_label = self._answer_label("note")
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName(self.tr("Files in the package"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.progress)
        layout.addWidget(self.verdict)
        for label in (
            self.intact_label,
            self.signature_label,
            self.trust_label,
            self.timestamp_label,
            self.note_label,
        ):
            layout.addWidget(label)
        layout.addWidget(self.table, 1)

    def _answer_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        return label

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open package"), self.path.text(), self.tr("Submission package (*.zip)")
        )
        if path:
            self.path.setText(path)
            self.start()

    def start(self):  # noqa: ANN201 - returns the Task
        path, fingerprint = self.path.text().strip(), self.fingerprint.text().strip() or None
        if not path:
            self.verdict.setText(self.tr("Choose a package file first."))
            return None

        data_dir = self.ctx.data_dir

        def work(progress: ProgressFn, cancel: CancelToken) -> object:
            from desktop_app.core.package.trust import anchors_from_arguments, load_trust_store
            from desktop_app.core.package.verify import verify_package

            if fingerprint:
                anchors = anchors_from_arguments(None, [fingerprint])
            else:
                anchors = load_trust_store(data_dir).anchors()
            return verify_package(path, trust=anchors, progress=progress, cancel=cancel)

        self.table.setRowCount(0)
        for label in (
            self.intact_label,
            self.signature_label,
            self.trust_label,
            self.timestamp_label,
            self.note_label,
        ):
            label.hide()
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("Verifying…"))
        self.verify_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        task = self.ctx.runner.start(work, self.tr("Verify"))
        bind(task, "progress", self, lambda f, _label: self.progress.setValue(int(f * 1000)))
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(self._failed)
        bind(task, "cancelled", self, lambda: self.verdict.setText(self.tr("Verification cancelled.")))
        task.signals.finished.connect(self._finished)
        self.task = task
        return task

    def _done(self, report) -> None:  # noqa: ANN001 - VerifyReport
        self.report = report
        self.progress.setValue(1000)
        green, red, amber = "#2e7d32", "#c62828", "#8a5a00"
        if not report.valid:
            self.verdict.setText(self.tr("INVALID — do not rely on this package."))
            colour = red
        elif report.trusted is True:
            self.verdict.setText(self.tr("VALID — files intact, signature valid, signer trusted."))
            colour = green
        else:
            self.verdict.setText(self.tr("VALID — files intact and signature valid; signer not established."))
            colour = amber
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
        total, bad = len(report.files), len(report.failures)
        if report.intact:
            text = self.tr("Files intact: yes — all %1 files match the signed manifests.").replace(
                "%1", str(total)
            )
        else:
            text = (
                self.tr("Files intact: NO — %1 of %2 files fail (listed below).")
                .replace("%1", str(bad))
                .replace("%2", str(total))
            )
            text += "".join(f"\n• {_say(report, p)}" for p in report.problems)
        self._show(self.intact_label, text, green if report.intact else red)
        who = report.signer or "?"
        if report.organisation:
            who += f" ({report.organisation})"
        if report.signature_valid:
            text = self.tr(
                "Signature valid: yes — made with a certificate naming %1 (SHA-256 %2); "
                "signing time asserted by the signer: %3."
            )
        else:
            text = self.tr("Signature valid: NO — %4")
        text = (
            text.replace("%1", who)
            .replace("%2", report.fingerprint or "?")
            .replace("%3", report.signing_time.isoformat() if report.signing_time else "?")
            .replace("%4", "; ".join(_say(report, p) for p in report.signature_problems))
        )
        self._show(self.signature_label, text, green if report.signature_valid else red)
        if report.trusted is True:
            text = self.tr("Signer trusted: yes — %1.").replace("%1", report.trust_basis)
        elif report.trusted is False:
            text = self.tr("Signer trusted: no — %1.").replace("%1", report.trust_text)
        else:
            text = self.tr(
                "Signer trusted: no — signer not established (self-signed / no trust given). Type the "
                "signer's fingerprint above or add trusted certificates in Settings."
            )
        self._show(self.trust_label, text, green if report.trusted else amber)
        ts = report.timestamp
        if ts is not None:
            self._show(self.timestamp_label, "\n".join(ts.text_lines(_language())), green if ts.ok else red)
        if report.repacked:
            self._show(
                self.note_label, self.tr("Note: %1.").replace("%1", _say(report, report.repack_note)), amber
            )
        self.table.setRowCount(len(report.files))
        for i, f in enumerate(report.files):
            name = QTableWidgetItem(f.name)
            result = QTableWidgetItem(self.tr("OK") if f.ok else _say(report, f.problem))
            result.setForeground(QBrush(QColor(green if f.ok else red)))
            self.table.setItem(i, 0, name)
            self.table.setItem(i, 1, result)

    def _show(self, label: QLabel, text: str, colour: str) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {colour};")
        label.show()

    def _failed(self, message: str) -> None:
        self.verdict.setText(message)
        self.verdict.setStyleSheet("color: #c62828;")

    def _finished(self) -> None:
        self.verify_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
        super().reject()


def _say(report, text: str) -> str:  # noqa: ANN001 - VerifyReport
    """A problem sentence of the report in the interface language."""
    from desktop_app.gui.i18n import active_language

    return report.say(text, active_language()) if hasattr(report, "say") else text


def _language() -> str:
    from desktop_app.gui.i18n import active_language

    return active_language()
