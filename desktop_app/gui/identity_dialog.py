"""Create or import a signing identity on the spot (from the export dialog or the settings)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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

from desktop_app.core.progress import CancelToken, ProgressFn
from desktop_app.gui.context import AppContext


class IdentityDialog(QDialog):
    """``mode`` is "create" (new key and self-signed certificate) or "import" (a PKCS#12 file)."""

    created = Signal(object)  # IdentityInfo

    def __init__(self, ctx: AppContext, mode: str = "create", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.info = None
        self.setWindowTitle(
            self.tr("New signing identity") if mode == "create" else self.tr("Import identity")
        )
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # Only the widgets this mode shows are created: no stray control floats over another.
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Identity name"))
        self.organisation: QLineEdit | None = None
        self.email: QLineEdit | None = None
        self.p12: QLineEdit | None = None
        self.confirm: QLineEdit | None = None
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        if mode == "create":
            self.organisation = QLineEdit(self)
            self.organisation.setAccessibleName(self.tr("Organisation"))
            self.email = QLineEdit(self)
            self.email.setAccessibleName(self.tr("Email"))
            self.confirm = QLineEdit(self)
            self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
            self.confirm.setAccessibleName(self.tr("Confirm passphrase"))
            form.addRow(self.tr("Your name"), self.name)
            form.addRow(self.tr("Organisation"), self.organisation)
            form.addRow(self.tr("Email"), self.email)
            form.addRow(self.tr("Passphrase"), self.passphrase)
            form.addRow(self.tr("Confirm"), self.confirm)
        else:
            self.p12 = QLineEdit(self)
            self.p12.setAccessibleName(self.tr("PKCS#12 file"))
            browse = QPushButton(self.tr("Browse…"), self)
            browse.clicked.connect(self._browse)
            row = QHBoxLayout()
            row.addWidget(self.p12, 1)
            row.addWidget(browse)
            form.addRow(self.tr("PKCS#12 file"), row)
            form.addRow(self.tr("Name (optional)"), self.name)
            form.addRow(self.tr("Passphrase"), self.passphrase)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("PKCS#12 identity"), "", self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if path:
            assert self.p12 is not None
            self.p12.setText(path)

    def submit(self):  # noqa: ANN201 - returns the Task
        if self.confirm is not None and self.passphrase.text() != self.confirm.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return None
        data_dir = self.ctx.data_dir
        mode, name = self.mode, self.name.text()
        org = self.organisation.text() if self.organisation is not None else ""
        email = self.email.text() if self.email is not None else ""
        p12 = self.p12.text() if self.p12 is not None else ""
        passphrase = self.passphrase.text()

        def work(_progress: ProgressFn, _cancel: CancelToken) -> object:
            from desktop_app.core.package import signing

            if mode == "create":
                return signing.create_identity(data_dir, name, org, passphrase, email=email)
            return signing.import_identity(data_dir, p12, passphrase, name=name or None)

        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Working…"))
        task = self.ctx.runner.start(work, self.windowTitle())
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(self._failed)
        return task

    def _done(self, info: object) -> None:
        self.info = info
        self.created.emit(info)
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)
