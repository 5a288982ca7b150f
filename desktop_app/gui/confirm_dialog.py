"""Confirm by hand: the certificate beside the right's entered fields, a box per field.

Used when a certificate cannot be read: the user looks at it and ticks what it shows. The record
(who, when, which fields, the certificate's SHA-256) is written by core.confirmation with an audit
entry; this dialog only shows and asks.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.confirmation import FIELDS, confirm_right, entered_value, who_confirms
from desktop_app.core.errors import UserError
from desktop_app.core.model import Right
from desktop_app.gui.context import AppContext
from desktop_app.gui.evidence_viewer import EvidenceViewer
from desktop_app.gui.messages import error_text


class ConfirmByHandDialog(QDialog):
    confirmed = Signal(object)  # core.confirmation.Confirmation

    def __init__(
        self, ctx: AppContext, right: Right, case_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.right, self.case_id = ctx, right, case_id
        self.setWindowTitle(
            self.tr("Confirm %1 by hand").replace("%1", right.mark or right.registration_number)
        )
        self.resize(1100, 700)
        self.viewer = EvidenceViewer(ctx, self)
        if right.certificate is not None:
            self.viewer.show_file(right.certificate)
        form = QWidget(self)
        v = QVBoxLayout(form)
        intro = QLabel(
            self.tr(
                "Look at the certificate and tick each entered value it shows. Only what you tick counts as "
                "established, as confirmed by hand by you, never as read from the file."
            ),
            form,
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for name, label in FIELDS.items():
            value = entered_value(right, name)
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value or "")
            text = f"{label}: {shown}" if name != "dates" else label
            box = QCheckBox(text, form)
            box.setObjectName(f"confirm_{name}")
            box.setEnabled(name == "dates" or bool(value))
            box.toggled.connect(self._update)
            v.addWidget(box)
            self.boxes[name] = box
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Term ends on (as printed or renewed):"), form))
        self.expires = QDateEdit(form)
        self.expires.setObjectName("expires")
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        self.expires.setDate(QDate.currentDate().addYears(5))
        self.expires.setEnabled(False)
        row.addWidget(self.expires)
        v.addLayout(row)
        self.who = who_confirms(ctx.store)
        who = QLabel(
            self.tr("Recorded as confirmed by hand by %1 on %2, in the audit log.")
            .replace("%1", self.who)
            .replace("%2", dt.date.today().isoformat()),
            form,
        )
        who.setWordWrap(True)
        v.addWidget(who)
        self.message = QLabel(form)
        self.message.setObjectName("confirm_message")
        self.message.setWordWrap(True)
        v.addWidget(self.message)
        v.addStretch(1)
        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Record confirmation"), form)
        self.record_button.setObjectName("record_confirmation")
        self.record_button.clicked.connect(self.record)
        cancel = QPushButton(self.tr("Cancel"), form)
        cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.record_button)
        v.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.viewer)
        splitter.addWidget(form)
        splitter.setSizes([650, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.result_confirmation = None
        self._update()

    def _update(self) -> None:
        self.expires.setEnabled(self.boxes["dates"].isChecked())
        self.record_button.setEnabled(any(b.isChecked() for b in self.boxes.values()))

    def record(self) -> None:
        names = [n for n, b in self.boxes.items() if b.isChecked()]
        d = self.expires.date()
        expires = dt.date(d.year(), d.month(), d.day()) if "dates" in names else None
        try:
            c = confirm_right(
                self.ctx.store, self.case_id, self.right.id, names, expires=expires, confirmed_by=self.who
            )
        except UserError as exc:
            self.message.setText(error_text(exc))
            return
        self.result_confirmation = c
        self.confirmed.emit(c)
        self.accept()
