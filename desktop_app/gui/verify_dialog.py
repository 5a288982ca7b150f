"""Verify any submission package and show the result file by file."""

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
        layout.addWidget(self.table, 1)

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

        def work(progress: ProgressFn, cancel: CancelToken) -> object:
            from desktop_app.core.package.verify import verify_package

            return verify_package(path, fingerprint=fingerprint, progress=progress, cancel=cancel)

        self.table.setRowCount(0)
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
        if report.valid:
            text = self.tr("VALID — signed by %1 (%2), fingerprint %3.")
            colour = "#2e7d32"
        else:
            text = self.tr("INVALID — %4 problem(s). Signer: %1 (%2), fingerprint %3.")
            colour = "#c62828"
        problems = len(report.problems) + len(report.failures)
        self.verdict.setText(
            text.replace("%1", report.signer or "?")
            .replace("%2", report.organisation or "?")
            .replace("%3", report.fingerprint or "?")
            .replace("%4", str(problems))
            + ("\n" + "\n".join(report.problems) if report.problems else "")
        )
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.table.setRowCount(len(report.files))
        for i, f in enumerate(report.files):
            name = QTableWidgetItem(f.name)
            result = QTableWidgetItem(self.tr("OK") if f.ok else f.problem)
            result.setForeground(QBrush(QColor("#2e7d32" if f.ok else "#c62828")))
            self.table.setItem(i, 0, name)
            self.table.setItem(i, 1, result)

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
