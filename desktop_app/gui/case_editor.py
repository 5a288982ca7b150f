"""The case editor: complainant, rights, listings and evidence files. Every edit is saved as it is made."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import NotFoundError, UserError, no_room_sentence
from desktop_app.core.model import Case, EvidenceKind, Listing, Role
from desktop_app.core.store import CaseLockedError
from desktop_app.gui.case_records import CaseRecordsPanel
from desktop_app.gui.context import AppContext
from desktop_app.gui.editor_files import EvidenceFilesMixin
from desktop_app.gui.listing_dialog import ListingDialog
from desktop_app.gui.listing_paste import TooManyUrls, parse_pasted, url_count_note
from desktop_app.gui.messages import error_text
from desktop_app.gui.models import ListingTableModel
from desktop_app.gui.names import office_name
from desktop_app.gui.start_page import StartPage

_FIELD_RE = re.compile(r"^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?")


RESIZE_PRECISION_ROWS = 50  # rows a ResizeToContents column is measured over


class CaseEditor(EvidenceFilesMixin, QScrollArea):
    """Edits one case. ``case_changed`` fires after every save (the checks re-run on it)."""

    case_changed = Signal(int)
    file_activated = Signal(object)  # EvidenceFile, to show in the viewer
    open_rights_library = Signal()
    add_certificate = Signal(object)  # a certificate file path ("" to choose one): read it for this case
    pasted_nothing = Signal(str)  # Paste screenshot with no image on the clipboard: say so
    files_removed = Signal(object)  # set of sha256 no longer part of the case (the viewer drops them)
    busy = Signal(object)  # a Task started here

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: Case | None = None
        self._loading = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(400)
        self._save_timer.timeout.connect(self.save)
        self.setWidgetResizable(True)
        self.setAcceptDrops(True)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        self.start_page = StartPage(body)
        self.placeholder = self.start_page  # shown while no case is open
        layout.addWidget(self.start_page)
        self.save_error = QLabel(body)
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet("color: #c62828;")
        self.save_error.setVisible(False)
        layout.addWidget(self.save_error)
        self.form = QWidget(body)
        layout.addWidget(self.form)
        form_layout = QVBoxLayout(self.form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        # The case's content first; its records (package versions, revisions, submission) after it, with
        # a banner on top while a submitted case is read-only so the reason is never out of sight.
        self.lock_banner = QLabel(self.form)
        self.lock_banner.setObjectName("lock_banner")
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setStyleSheet(
            "background: #fff3e0; border: 1px solid #ef6c00; border-radius: 3px; padding: 6px;"
        )
        self.lock_banner.setVisible(False)
        form_layout.addWidget(self.lock_banner)
        self.records = CaseRecordsPanel(ctx, self.form)
        self.records.reopened.connect(self._reopened)
        form_layout.addWidget(self._build_case_group())
        form_layout.addWidget(self._build_complainant_group())
        form_layout.addWidget(self._build_rights_group())
        form_layout.addWidget(self._build_listings_group())
        form_layout.addWidget(self._build_files_group())
        form_layout.addWidget(self.records)
        layout.addStretch(1)
        self.form.setVisible(False)
        paste = QShortcut(QKeySequence("Ctrl+Shift+V"), self)
        paste.activated.connect(self.paste_screenshot)

    # -- construction ------------------------------------------------------------------------------

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self.form)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(self._edited)
        edit.editingFinished.connect(self.flush)
        return edit

    def _build_case_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Case"), self.form)
        form = QFormLayout(box)
        self.reference = QLabel(box)
        self.title = self._line("title", self.tr("Case title"))
        self.title.setPlaceholderText(self.tr("Untitled case"))
        self.filing_date = QDateEdit(box)
        self.filing_date.setCalendarPopup(True)
        self.filing_date.setDisplayFormat("yyyy-MM-dd")
        self.filing_date.setAccessibleName(self.tr("Filing date"))
        self.filing_date.dateChanged.connect(self._edited)
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Filing date"), self.filing_date)
        return box

    def _build_complainant_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Complainant"), self.form)
        form = QFormLayout(box)
        self.complainant_name = self._line("complainant.name", self.tr("Complainant name"))
        self.role = QComboBox(box)
        self.role.setAccessibleName(self.tr("Complainant role"))
        self.role.addItem(self.tr("Rights holder"), str(Role.RIGHTS_HOLDER))
        self.role.addItem(self.tr("Agent (with authorization letter)"), str(Role.AGENT))
        self.role.currentIndexChanged.connect(self._edited)
        self.email = self._line("complainant.email", self.tr("Complainant email"))
        self.contact = self._line("complainant.contact_name", self.tr("Contact name"))
        self.authorization_label = QLabel(box)
        self.authorization_button = QPushButton(self.tr("Choose letter…"), box)
        self.authorization_button.setAccessibleName(self.tr("Choose authorization letter"))
        self.authorization_button.clicked.connect(
            lambda: self.add_files(self._choose_files(), EvidenceKind.AUTHORIZATION)
        )
        auth_row = QHBoxLayout()
        auth_row.addWidget(self.authorization_label, 1)
        auth_row.addWidget(self.authorization_button)
        form.addRow(self.tr("Name"), self.complainant_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Contact"), self.contact)
        self.authorization_row_label = QLabel(self.tr("Authorization letter"), box)
        form.addRow(self.authorization_row_label, auth_row)
        return box

    def _build_rights_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rights"), self.form)
        layout = QVBoxLayout(box)
        self.rights_table = QTableWidget(0, 5, box)
        self.rights_table.setObjectName("rights")
        self.rights_table.setAccessibleName(self.tr("Rights of this case"))
        self.rights_table.setHorizontalHeaderLabels(
            [
                self.tr("Mark"),
                self.tr("Office"),
                self.tr("Registration no."),
                self.tr("Owner"),
                self.tr("Classes"),
            ]
        )
        self.rights_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rights_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rights_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rights_table.setMaximumHeight(130)
        self.rights_table.cellDoubleClicked.connect(self._show_certificate)
        certificate = QPushButton(self.tr("Add certificate…"), box)
        certificate.setObjectName("add_certificate")
        certificate.setToolTip(
            self.tr(
                "Read a trademark certificate, confirm its fields, save it to the library and use it here"
            )
        )
        certificate.clicked.connect(lambda: self.add_certificate.emit(""))
        add = QPushButton(self.tr("Add from library…"), box)
        add.clicked.connect(self.add_right_from_library)
        remove = QPushButton(self.tr("Remove"), box)
        remove.setAccessibleName(self.tr("Remove right"))
        remove.clicked.connect(self.remove_right)
        library = QPushButton(self.tr("Rights library…"), box)
        library.setObjectName("rights_library_button")  # the library is not the case: open while locked
        library.clicked.connect(self.open_rights_library.emit)
        row = QHBoxLayout()
        for b in (certificate, add, remove, library):
            row.addWidget(b)
        row.addStretch(1)
        layout.addWidget(self.rights_table)
        layout.addLayout(row)
        return box

    def _build_listings_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Listings"), self.form)
        layout = QVBoxLayout(box)
        self.listings_model = ListingTableModel(self)
        self.listings_view = QTableView(box)
        self.listings_view.setObjectName("listings")
        self.listings_view.setAccessibleName(self.tr("Listings of this case"))
        self.listings_view.setModel(self.listings_model)
        self.listings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.listings_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.listings_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # ids and status whole
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the address gives way (elided)
        # sized from the rows in view and a sample beyond, not all of them: with hundreds of listings every
        # status update re-measured every row on the GUI thread (bench/bench_scale.py --gui)
        header.setResizeContentsPrecision(RESIZE_PRECISION_ROWS)
        self.listings_view.verticalHeader().hide()
        self.listings_view.setMinimumHeight(120)
        self.listings_view.doubleClicked.connect(lambda index: self.edit_listing(index.row()))
        self.listings_view.clicked.connect(self._show_listing_screenshot)
        self.listings_view.setWordWrap(False)
        self.listings_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        edit = QPushButton(self.tr("Edit…"), box)
        edit.setObjectName("edit_listing")
        edit.setToolTip(self.tr("Correct the selected listing's URL, title or seller (double-click a row)"))
        edit.clicked.connect(lambda: self.edit_listing())
        shot = QPushButton(self.tr("Add screenshot…"), box)
        shot.clicked.connect(lambda: self.add_files(self._choose_files(), EvidenceKind.SCREENSHOT))
        paste_shot = QPushButton(self.tr("Paste screenshot"), box)
        paste_shot.setToolTip(
            self.tr("Attach the image on the clipboard to the selected listing (Ctrl+Shift+V)")
        )
        paste_shot.clicked.connect(self.paste_screenshot)
        remove = QPushButton(self.tr("Remove"), box)
        remove.setAccessibleName(self.tr("Remove listings"))
        remove.clicked.connect(self.remove_listings)
        row = QHBoxLayout()
        for b in (edit, shot, paste_shot, remove):
            row.addWidget(b)
        row.addStretch(1)
        self.paste_box = QPlainTextEdit(box)
        self.paste_box.setObjectName("paste_urls")
        self.paste_box.setAccessibleName(self.tr("Paste listing URLs"))
        self.paste_box.setPlaceholderText(self.tr("Paste listing URLs here, one per line…"))
        self.paste_box.setMaximumHeight(90)
        self.paste_box.textChanged.connect(self._preview_urls)
        self.preview_model = ListingTableModel(self)
        self.preview_view = QTableView(box)
        self.preview_view.setAccessibleName(self.tr("Parsed listing URLs"))
        self.preview_view.setModel(self.preview_model)
        self.preview_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setMaximumHeight(120)
        self.preview_view.setVisible(False)
        self.preview_note = QLabel(box)
        self.add_listings_button = QPushButton(self.tr("Add listings"), box)
        self.add_listings_button.setEnabled(False)
        self.add_listings_button.clicked.connect(self.add_pasted_listings)
        add_row = QHBoxLayout()
        add_row.addWidget(self.preview_note, 1)
        add_row.addWidget(self.add_listings_button)
        layout.addWidget(self.listings_view)
        layout.addLayout(row)
        layout.addWidget(self.paste_box)
        layout.addWidget(self.preview_view)
        layout.addLayout(add_row)
        return box

    # -- loading and saving ----------------------------------------------------------------------

    def load(self, case_id: int | None) -> None:
        self.flush()
        self.case = self.ctx.store.cases.get(case_id) if case_id is not None else None
        self.placeholder.setVisible(self.case is None)
        self.form.setVisible(self.case is not None)
        self.file_errors.clear()
        self.paste_box.clear()
        self._problems: dict[int, list[str]] = {}
        self._refresh()
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)  # a case opens at its top

    def _refresh(self) -> None:
        case = self.case
        if case is None:
            return
        self.records.show_case(case.id, case.reference)
        self._apply_lock(self.records.locked)
        self._loading = True
        try:
            self.reference.setText(case.reference)
            for edit, value in (
                (self.title, case.title),
                (self.complainant_name, case.complainant.name),
                (self.email, case.complainant.email),
                (self.contact, case.complainant.contact_name),
            ):
                if edit.text() != value:
                    edit.setText(value)
            d = case.filing_date
            self.filing_date.setDate(QDate(d.year, d.month, d.day))
            self.role.setCurrentIndex(max(0, self.role.findData(str(case.complainant.role))))
            auth = case.complainant.authorization
            self.authorization_label.setText(auth.original_name if auth else self.tr("(none)"))
            agent = case.complainant.role == Role.AGENT
            self.authorization_label.setEnabled(agent)
            self.authorization_button.setEnabled(agent)
            self.rights_table.setRowCount(len(case.rights))
            for i, right in enumerate(case.rights):
                values = [
                    right.mark,
                    office_name(right.office),
                    right.registration_number,
                    right.owner,
                    ", ".join(str(c) for c in right.classes),
                ]
                for j, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value)  # a long office name is cut in the column
                    self.rights_table.setItem(i, j, item)
            selected = self._selected_listing_rows()
            self.listings_model.set_listings(case.listings, getattr(self, "_problems", {}))
            for r in selected[:1]:
                if r < len(case.listings):
                    self.listings_view.selectRow(r)
            self.files_tree.clear()
            kinds = {
                EvidenceKind.CERTIFICATE: self.tr("Certificate"),
                EvidenceKind.AUTHORIZATION: self.tr("Authorization letter"),
                EvidenceKind.SCREENSHOT: self.tr("Screenshot"),
                EvidenceKind.GENUINE_PHOTO: self.tr("Genuine product photo"),
                EvidenceKind.OTHER: self.tr("Other file"),
            }
            for kind, f in case.evidence_files():
                item = QTreeWidgetItem([f.original_name, kinds[kind], f.sha256[:16] + "…"])
                item.setData(0, 256, f)
                item.setData(1, 256, str(kind))
                self.files_tree.addTopLevelItem(item)
            self.files_tree.resizeColumnToContents(0)
        finally:
            self._loading = False

    def _edited(self, *_args: object) -> None:
        if self._loading or self.case is None:
            return
        c = self.case
        c.title = self.title.text()
        qd = self.filing_date.date()
        c.filing_date = dt.date(qd.year(), qd.month(), qd.day())
        c.complainant.name = self.complainant_name.text()
        c.complainant.role = Role(self.role.currentData())
        c.complainant.email = self.email.text()
        c.complainant.contact_name = self.contact.text()
        agent = c.complainant.role == Role.AGENT
        self.authorization_label.setEnabled(agent)
        self.authorization_button.setEnabled(agent)
        self._save_timer.start()

    def flush(self) -> None:
        """Save a pending edit now (leaving a field, switching case, closing the window)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self.save()

    def save(self) -> None:
        if self.case is None:
            return
        self._save_timer.stop()
        try:
            # Status and outcome change elsewhere (checks, export, outcomes): never write back a stale copy.
            stored = self.ctx.store.cases.get(self.case.id)
            self.case.status, self.case.outcome = stored.status, stored.outcome
            self.ctx.store.cases.save(self.case)
        except CaseLockedError as exc:  # submitted meanwhile (e.g. from the command line): show what is kept
            self.case = self.ctx.store.cases.get(self.case.id)
            self._refresh()
            self.save_error.setText(self.tr("Not saved: %1").replace("%1", error_text(exc)))
            self.save_error.setVisible(True)
            return
        except NotFoundError:  # the case was deleted meanwhile (e.g. from the command line)
            self.case = None
            self.placeholder.setVisible(True)
            self.form.setVisible(False)
            return
        except (UserError, sqlite3.Error, OSError) as exc:  # keep the edit on screen and try again shortly
            self.save_error.setText(
                self.tr("Not saved yet: %1").replace("%1", no_room_sentence(exc) or error_text(exc))
            )
            self.save_error.setVisible(True)
            self._save_timer.start(2000)
            return
        self.save_error.setVisible(False)
        self._save_timer.setInterval(400)
        self.records.refresh()  # "edited since revision N"
        self.case_changed.emit(self.case.id)

    @property
    def read_only(self) -> bool:
        return self.case is not None and self.records.locked

    def _apply_lock(self, locked: bool) -> None:
        """A submitted case is read-only until reopened: fields read-only, edit buttons disabled."""
        for w in self.form.findChildren(QWidget):
            if self.records.isAncestorOf(w) or w.objectName() == "rights_library_button":
                continue
            if isinstance(w, (QLineEdit, QPlainTextEdit, QDateEdit)):
                w.setReadOnly(locked)
            elif isinstance(w, (QPushButton, QComboBox)):
                w.setEnabled(not locked)
        self.setAcceptDrops(not locked)
        self.lock_banner.setText(
            self.tr("Submitted: this case is read-only. To change it, use Reopen… under Records at the end.")
        )
        self.lock_banner.setVisible(locked)
        if not locked:
            self._preview_urls()  # "Add listings" is enabled only for valid pasted URLs

    def _reopened(self, case_id: int) -> None:
        self.case = self.ctx.store.cases.get(case_id)
        self.save_error.setVisible(False)
        self._refresh()
        self.case_changed.emit(case_id)

    # -- rights ----------------------------------------------------------------------------------

    def add_right_from_library(self) -> None:
        if self.case is None:
            return
        have = {r.id for r in self.case.rights}
        rights = [r for r in self.ctx.store.rights.all() if r.id not in have]
        if not rights:
            self.open_rights_library.emit()
            return
        labels = [f"{r.mark} — {office_name(r.office)} {r.registration_number} ({r.owner})" for r in rights]
        label, ok = QInputDialog.getItem(
            self, self.tr("Add right"), self.tr("Right from the library:"), labels, 0, False
        )
        if ok:
            self.add_right(rights[labels.index(label)].id)

    def add_right(self, right_id: int) -> None:
        if self.case is None or any(r.id == right_id for r in self.case.rights):
            return
        self.case.rights.append(self.ctx.store.rights.get(right_id))
        self.save()
        self._refresh()

    def remove_right(self) -> None:
        rows = sorted({i.row() for i in self.rights_table.selectedIndexes()}, reverse=True)
        if self.case is None or not rows:
            return
        for r in rows:
            del self.case.rights[r]
        self.save()
        self._refresh()

    def _show_certificate(self, row: int, _col: int) -> None:
        if self.case and self.case.rights[row].certificate:
            self.file_activated.emit(self.case.rights[row].certificate)

    # -- listings --------------------------------------------------------------------------------

    def _preview_urls(self) -> None:
        try:
            rows = parse_pasted(self.paste_box.toPlainText())
        except TooManyUrls as exc:
            self.preview_model.set_rows([])
            self.preview_note.setText(error_text(exc))
            self.add_listings_button.setEnabled(False)
            return
        self.preview_model.set_rows(rows)
        self.preview_view.setVisible(bool(rows))
        valid = sum(1 for r in rows if r[3])
        self.preview_note.setText(url_count_note(len(rows), valid) if rows else "")
        self.add_listings_button.setEnabled(valid > 0)
        self.add_listings_button.setText(
            self.tr("Add %n listing(s)", "", valid) if valid else self.tr("Add listings")
        )

    def add_pasted_listings(self) -> int:
        """Add every valid pasted URL as a listing; invalid lines stay in the box to be fixed."""
        if self.case is None:
            return 0
        try:
            rows = parse_pasted(self.paste_box.toPlainText())
        except TooManyUrls as exc:
            self.preview_note.setText(error_text(exc))
            return 0
        known = {x.url for x in self.case.listings}
        added = 0
        for url, mkt, lid, ok, _msg in rows:
            if ok and url not in known:
                self.case.listings.append(Listing(url=url, marketplace=mkt, listing_id=lid))
                known.add(url)
                added += 1
        self.paste_box.setPlainText("\n".join(r[0] for r in rows if not r[3]))
        self.save()
        self._refresh()
        return added

    def remove_listings(self, confirm: bool = True) -> bool:
        """Remove the selected listings and their screenshots, after asking (No is the default)."""
        rows = sorted(self._selected_listing_rows(), reverse=True)
        if self.case is None or not rows:
            return False
        shots = sum(len(self.case.listings[r].screenshots) for r in rows)
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Remove listings"),
                self.tr("Remove %n listing(s) and their screenshots from this case?", "", len(rows))
                + ("\n" + self.tr("%n screenshot(s) will be detached.", "", shots) if shots else ""),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        before = {f.sha256 for _k, f in self.case.evidence_files()}
        for r in rows:
            del self.case.listings[r]
        self.save()
        self._refresh()
        self._emit_removed(before)
        return True

    def _emit_removed(self, before: set[str]) -> None:
        if self.case is not None:
            gone = before - {f.sha256 for _k, f in self.case.evidence_files()}
            if gone:
                self.files_removed.emit(gone)

    def edit_listing(self, row: int | None = None) -> bool:
        """Edit a listing's URL, title and seller in place; the checks re-run on save."""
        if self.case is None:
            return False
        if row is None:
            rows = self._selected_listing_rows()
            if not rows:
                return False
            row = rows[0]
        if not 0 <= row < len(self.case.listings):
            return False
        dialog = ListingDialog(self.case.listings[row], self)
        self.listing_dialog = dialog  # reachable by tests while it is open
        accepted = bool(dialog.exec())
        self.listing_dialog = None
        if accepted:
            self.save()
            self._refresh()
            self.listings_view.selectRow(row)
        return accepted

    def set_report(self, report) -> None:  # noqa: ANN001 - CheckReport
        """Colour each listing's status by its blockers (and a missing screenshot) from the last checks."""
        problems: dict[int, list[str]] = {}
        for finding in getattr(report, "blockers", []) or []:
            m = _FIELD_RE.match(finding.field or "")
            if m and m.group(1) == "listings" and m.group(2) is not None:
                from desktop_app.gui.messages import finding_text

                problems.setdefault(int(m.group(2)), []).append(finding_text(finding))
        self._problems = problems
        if self.case is not None:
            selected = self._selected_listing_rows()
            self.listings_model.set_listings(self.case.listings, problems)
            for r in selected[:1]:  # the user's selection outlives a checks run
                self.listings_view.selectRow(r)

    def _selected_listing_rows(self) -> list[int]:
        return sorted({i.row() for i in self.listings_view.selectionModel().selectedRows()})

    def _show_listing_screenshot(self, index) -> None:  # noqa: ANN001 - QModelIndex
        if (
            self.case
            and index.row() < len(self.case.listings)
            and self.case.listings[index.row()].screenshots
        ):
            self.file_activated.emit(self.case.listings[index.row()].screenshots[0])

    # -- focus from findings -----------------------------------------------------------------------

    def focus_field(self, field: str) -> QWidget | None:
        """Bring the widget for a finding's field (e.g. ``rights[0].owner``) into view and focus it."""
        m = _FIELD_RE.match(field or "")
        if not m or self.case is None:
            return None
        head, idx, attr = m.group(1), m.group(2), m.group(3)
        widget: QWidget | None = None
        if head == "complainant":
            widget = {
                "name": self.complainant_name,
                "role": self.role,
                "email": self.email,
                "contact_name": self.contact,
                "authorization": self.authorization_button,
            }.get(attr or "name")
        elif head == "rights":
            widget = self.rights_table
            if idx is not None and int(idx) < self.rights_table.rowCount():
                self.rights_table.selectRow(int(idx))
        elif head == "listings":
            widget = self.listings_view
            if idx is not None and int(idx) < self.listings_model.rowCount():
                self.listings_view.selectRow(int(idx))
        elif head in ("title", "filing_date"):
            widget = self.title if head == "title" else self.filing_date
        elif head in ("files", "evidence", "genuine_photos", "other_files"):
            widget = self.files_tree
        if widget is not None:
            self.ensureWidgetVisible(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget
