"""Export: choose an identity (or create/import one here), export with progress, show the result.

Closing the dialog (or the window) during an export cancels it; the core export leaves no partial file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.progress import CancelToken, ProgressFn
from desktop_app.gui.context import AppContext
from desktop_app.gui.identity_dialog import IdentityDialog
from desktop_app.gui.messages import error_text
from desktop_app.gui.workers import bind


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = ctx.store.cases.get(case_id)
        self.task = None
        self.result = None
        self.setWindowTitle(self.tr("Export %1").replace("%1", self.case.reference))
        self.setMinimumWidth(860)  # the signer fingerprint is 95 characters
        self.identity = QComboBox(self)
        self.identity.setAccessibleName(self.tr("Signing identity"))
        new_id = QPushButton(self.tr("New…"), self)
        new_id.setAccessibleName(self.tr("New identity"))
        new_id.clicked.connect(lambda: self._identity_dialog("create"))
        import_id = QPushButton(self.tr("Import…"), self)
        import_id.setAccessibleName(self.tr("Import identity"))
        import_id.clicked.connect(lambda: self._identity_dialog("import"))
        export_cert = QPushButton(self.tr("Export certificate…"), self)
        export_cert.setObjectName("export_certificate")
        export_cert.setToolTip(self.tr("Save the identity's certificate (PEM) for recipients to pin"))
        export_cert.clicked.connect(lambda: self.export_certificate())
        id_row = QHBoxLayout()
        id_row.addWidget(self.identity, 1)
        id_row.addWidget(new_id)
        id_row.addWidget(import_id)
        id_row.addWidget(export_cert)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.out_path = QLineEdit(str(self._default_target()), self)
        self.out_path.setAccessibleName(self.tr("Package file"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_path, 1)
        out_row.addWidget(browse)
        self.allow_blockers = QCheckBox(self.tr("Export even if the checks found blockers"), self)
        form = QFormLayout()
        form.addRow(self.tr("Identity"), id_row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Save as"), out_row)
        form.addRow("", self.allow_blockers)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setFormat(self.tr("Export %p%"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setObjectName("export_status")
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_folder = QPushButton(self.tr("Open folder"), self)
        self.open_folder.setVisible(False)
        self.open_folder.clicked.connect(self._open_folder)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload_identities()

    def _default_target(self) -> Path:
        """The next version's own name (``ED-2026-00001-v3.zip``); packages are never replaced."""
        from desktop_app.core.package.export import package_name

        version = self.ctx.store.exports.next_version(self.case.id)  # type: ignore[arg-type]
        return self.ctx.data_dir / "exports" / package_name(self.case.reference, version)

    def reload_identities(self, select: str | None = None) -> None:
        from desktop_app.core.package.signing import list_identities

        self.identity.clear()
        for info in list_identities(self.ctx.data_dir):
            label = f"{info.name} — {info.organisation} ({info.fingerprint[:17]}…)"
            self.identity.addItem(label, info.name)
        wanted = select or self.ctx.prefs.default_identity
        if wanted:
            self.identity.setCurrentIndex(max(0, self.identity.findData(wanted)))
        if self.identity.count() == 0:
            self.status.setText(self.tr("No signing identity yet: create one with New… or import one."))

    def _identity_dialog(self, mode: str) -> None:
        dialog = IdentityDialog(self.ctx, mode, self)
        if dialog.exec() and dialog.info is not None:
            self.reload_identities(select=dialog.info.name)
            self.passphrase.setText(dialog.passphrase.text())  # just typed twice: not asked again
            self.status.clear()

    def export_certificate(self, path: str | None = None) -> str | None:
        """Write the chosen identity's certificate (PEM) where the user says; returns the path."""
        from desktop_app.core.atomic import atomic_write_bytes
        from desktop_app.core.errors import UserError
        from desktop_app.core.package.signing import certificate_pem, find_identity

        name = self.identity.currentData()
        if not name:
            self.status.setText(self.tr("Choose a signing identity first (New… creates one)."))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save certificate as"),
                str(Path(self.ctx.prefs.last_folder("certificate_out") or Path.home()) / f"{name}.pem"),
                self.tr("Certificate (*.pem)"),
            )
            if not path:
                return None
        try:
            atomic_write_bytes(Path(path), certificate_pem(self.ctx.data_dir, name))
            info = find_identity(self.ctx.data_dir, name)
        except (UserError, OSError) as exc:
            self.status.setText(error_text(exc))
            return None
        self.ctx.prefs.set_last_folder("certificate_out", str(Path(path).parent))
        self.status.setText(
            self.tr("Certificate saved to %1\nSHA-256 fingerprint: %2")
            .replace("%1", str(path))
            .replace("%2", info.fingerprint)
        )
        return str(path)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save package as"), self.out_path.text(), self.tr("Submission package (*.zip)")
        )
        if path:
            self.out_path.setText(path)

    def start_export(self):  # noqa: ANN201 - returns the Task
        if self.identity.count() == 0:
            self.status.setText(self.tr("Choose a signing identity first (New… creates one)."))
            return None
        ctx, case_id = self.ctx, self.case.id
        name, passphrase = self.identity.currentData(), self.passphrase.text()
        target, allow = Path(self.out_path.text()).expanduser(), self.allow_blockers.isChecked()

        def work(progress: ProgressFn, cancel: CancelToken) -> object:
            from desktop_app.core.package.export import export_case
            from desktop_app.core.package.signing import load_identity

            identity = load_identity(ctx.data_dir, name, passphrase)
            target.parent.mkdir(parents=True, exist_ok=True)
            with ctx.worker_store() as store:
                return export_case(
                    store, case_id, target, identity, allow_blockers=allow, progress=progress, cancel=cancel
                )

        self.result = None
        self.open_folder.setVisible(False)
        self.export_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.status.setText(self.tr("Exporting…"))
        task = ctx.runner.start(work, self.tr("Export"))
        task.signals.progress.connect(self._progress)
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(self._failed)
        bind(
            task,
            "cancelled",
            self,
            lambda: self.status.setText(self.tr("Export cancelled; no package was written.")),
        )
        task.signals.finished.connect(self._finished)
        self.task = task
        return task

    def _progress(self, fraction: float, label: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.status.setText(label)

    def _done(self, result) -> None:  # noqa: ANN001 - ExportResult
        self.result = result
        self.progress.setValue(1000)
        unchanged = (
            "\n"
            + self.tr("The case is unchanged since version %1: this package holds the same revision (%2).")
            .replace("%1", str(result.unchanged_since))
            .replace("%2", str(result.revision))
            if result.unchanged_since is not None
            else ""
        )
        self.status.setText(
            self.tr("Package version %4 (case revision %5): %1\nSHA-256: %2\nSigner fingerprint: %3")
            .replace("%1", str(result.path))
            .replace("%2", result.sha256)
            .replace("%3", result.signer_fingerprint)
            .replace("%4", str(result.version))
            .replace("%5", str(result.revision))
            + unchanged
        )
        self.out_path.setText(str(self._default_target()))  # the next export gets the next version's name
        self.open_folder.setVisible(True)
        if self.identity.currentData():
            self.ctx.prefs.default_identity = self.identity.currentData()
        self.exported.emit(result)

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.progress.setValue(0)

    def _finished(self) -> None:
        self.export_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))

    def _open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.result.path).parent)))

    @property
    def running(self) -> bool:
        return self.task is not None and not self.task.done

    def close(self) -> bool:
        if self.running:  # the Close button reads Cancel while exporting
            self.task.cancel()
            return False
        return super().close()

    def reject(self) -> None:
        if self.running:
            self.task.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing mid-export cancels it and waits until the worker has removed its partial file."""
        if self.running:
            self.task.cancel()
            self.ctx.runner.pool.waitForDone(30000)
        event.accept()
