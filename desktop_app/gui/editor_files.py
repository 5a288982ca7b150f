"""Evidence files of the case editor: add (dialog, drop, clipboard), list, remove.

Files are copied into the vault on a worker; a bad file is named in one sentence beside the list.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
)

from desktop_app.core.messages import text_in
from desktop_app.core.model import EvidenceFile, EvidenceKind
from desktop_app.core.progress import CancelToken, ProgressFn
from desktop_app.gui.i18n import active_language
from desktop_app.gui.workers import bind

if TYPE_CHECKING:
    from desktop_app.core.model import Case
    from desktop_app.gui.context import AppContext

IMAGE_AND_PDF_FILTER = "Evidence (*.png *.jpg *.jpeg *.webp *.tif *.tiff *.bmp *.pdf)"
# Listing evidence may also be a web capture (MHTML, saved/SingleFile HTML, WARC, WACZ).
EVIDENCE_FILTER = (
    "Evidence (*.png *.jpg *.jpeg *.webp *.tif *.tiff *.bmp *.pdf "
    "*.mhtml *.mht *.html *.htm *.warc *.warc.gz *.wacz)"
)


class EvidenceFilesMixin:
    """Part of CaseEditor (a QScrollArea); kept apart to keep each module short."""

    ctx: AppContext
    case: Case | None

    def _build_files_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Evidence files"), self.form)
        layout = QVBoxLayout(box)
        self.files_tree = QTreeWidget(box)
        self.files_tree.setObjectName("files")
        self.files_tree.setAccessibleName(self.tr("Evidence files"))
        self.files_tree.setHeaderLabels([self.tr("File"), self.tr("Role"), self.tr("SHA-256")])
        self.files_tree.setRootIsDecorated(False)
        self.files_tree.setMinimumHeight(110)
        self.files_tree.itemActivated.connect(lambda item, _c: self.file_activated.emit(item.data(0, 256)))
        self.files_tree.itemClicked.connect(lambda item, _c: self.file_activated.emit(item.data(0, 256)))
        self.add_kind = QComboBox(box)
        self.add_kind.setAccessibleName(self.tr("Add files as"))
        self.add_kind.addItem(self.tr("Screenshot of the selected listing"), str(EvidenceKind.SCREENSHOT))
        self.add_kind.addItem(
            self.tr("Trademark certificate (read it and add the right)"), str(EvidenceKind.CERTIFICATE)
        )
        self.add_kind.addItem(self.tr("Genuine product photo"), str(EvidenceKind.GENUINE_PHOTO))
        self.add_kind.addItem(self.tr("Authorization letter"), str(EvidenceKind.AUTHORIZATION))
        self.add_kind.addItem(self.tr("Other file"), str(EvidenceKind.OTHER))
        add = QPushButton(self.tr("Add files…"), box)
        add.clicked.connect(lambda: self.add_files(self._choose_files()))
        remove = QPushButton(self.tr("Remove"), box)
        remove.setAccessibleName(self.tr("Remove file"))
        remove.clicked.connect(self.remove_file)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Add as"), box))
        row.addWidget(self.add_kind)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.file_errors = QLabel(box)
        self.file_errors.setObjectName("file_errors")
        self.file_errors.setWordWrap(True)
        self.file_errors.setStyleSheet("color: #c62828;")
        self.file_errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(self.tr("Drop files anywhere on the editor to add them."), box)
        hint.setEnabled(False)
        layout.addWidget(self.files_tree)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.file_errors)
        return box

    # -- files -----------------------------------------------------------------------------------

    def _choose_files(self) -> list[str]:
        from desktop_app.gui.settings import remember_folder

        folder = self.ctx.prefs.last_folder("evidence")
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add evidence files"), folder, EVIDENCE_FILTER)
        remember_folder(self.ctx.prefs, "evidence", files)
        return files

    def add_files(self, paths: list[str], kind: EvidenceKind | None = None, names: list[str] | None = None):  # noqa: ANN201
        """Copy files into the vault in the background, then attach them; bad files are named beside
        the list."""
        if self.case is None or not paths:
            return None
        if self.read_only:
            self.file_errors.setText(
                self.tr("The case was submitted and is read-only; reopen it to add files.")
            )
            return None
        kind = kind or EvidenceKind(self.add_kind.currentData())
        if kind == EvidenceKind.CERTIFICATE:  # a certificate becomes a right: read, confirm, save, use
            self.add_certificate.emit(paths[0])
            return None
        listing_row = (self._selected_listing_rows() or [0])[0]
        if kind == EvidenceKind.SCREENSHOT and not self.case.listings:
            self.file_errors.setText(
                self.tr("Add the listing's URL first; a screenshot belongs to a listing.")
            )
            return None
        if kind == EvidenceKind.SCREENSHOT and len(paths) > 1 and len(self.case.listings) > 1:
            return self.assign_screenshots(paths)  # many at once: each to the listing whose id it shows
        ctx, case_id = self.ctx, self.case.id
        sources = [Path(p) for p in paths]
        display = names or [p.name for p in sources]

        def work(progress: ProgressFn, cancel: CancelToken) -> tuple[list[EvidenceFile], list[str]]:
            from desktop_app.core.errors import EvidenceError

            done, errors = [], []
            with ctx.worker_store() as store:
                for n, (path, name) in enumerate(zip(sources, display, strict=True)):
                    cancel.raise_if_cancelled()
                    progress(n / len(sources), name)
                    try:
                        done.append(store.files.add(path, original_name=name, cancel=cancel))
                    except EvidenceError as exc:
                        errors.append(f"{name}: {exc.reason}")
            return done, errors

        task = ctx.runner.start(work, self.tr("Adding files"))
        bind(
            task,
            "succeeded",
            self,
            lambda result: self._files_added(case_id, kind, listing_row, *result),
        )
        task.signals.failed.connect(self.file_errors.setText)
        self.busy.emit(task)
        return task

    def assign_screenshots(self, paths: list[str]):  # noqa: ANN201 - returns the Task
        """Read the screenshots in the background and attach each to the listing whose id it shows;
        the others stay with the case as unassigned files, named here with the reason."""
        if self.case is None:
            return None
        self.save()  # pending edits first: the assignment saves the case from the store
        ctx, case_id = self.ctx, self.case.id

        def work(progress: ProgressFn, cancel: CancelToken):  # noqa: ANN202
            from desktop_app.core.screenshot_assignment import assign_screenshots

            with ctx.worker_store() as store:
                return assign_screenshots(store, case_id, list(paths), progress=progress, cancel=cancel)

        task = ctx.runner.start(work, self.tr("Attaching screenshots"))
        bind(task, "succeeded", self, lambda result: self._screenshots_assigned(case_id, result))
        task.signals.failed.connect(self.file_errors.setText)
        self.busy.emit(task)
        return task

    def _screenshots_assigned(self, case_id: int, result) -> None:  # noqa: ANN001 - Assignment
        lines = [
            self.tr("%1 screenshot(s) attached to the listing each shows; %2 left to assign.")
            .replace("%1", str(len(result.attached)))
            .replace("%2", str(len(result.unassigned)))
        ]
        lines += [
            self.tr("%1: not attached — %2 (kept under Other files)")
            .replace("%1", f.original_name)
            .replace("%2", text_in(why, active_language()))
            for f, why in result.unassigned
        ]
        lines += [text_in(sentence, active_language()) for sentence in result.refused]
        self.file_errors.setText("\n".join(lines))
        if self.case is not None and self.case.id == case_id:
            self.case = self.ctx.store.cases.get(case_id)
            self._refresh()
            self.case_changed.emit(case_id)

    def _files_added(
        self, case_id: int, kind: EvidenceKind, listing_row: int, files: list[EvidenceFile], errors: list[str]
    ) -> None:
        self.file_errors.setText("\n".join(errors))
        if self.case is None or self.case.id != case_id or not files:
            return
        c = self.case
        if kind == EvidenceKind.SCREENSHOT:
            target = c.listings[min(listing_row, len(c.listings) - 1)]
            target.screenshots.extend(f for f in files if f not in target.screenshots)
        elif kind == EvidenceKind.AUTHORIZATION:
            c.complainant.authorization = files[-1]
        elif kind == EvidenceKind.GENUINE_PHOTO:
            c.genuine_photos.extend(files)
        else:
            c.other_files.extend(files)
        self.save()
        self._refresh()
        self.file_activated.emit(files[-1])

    def remove_file(self) -> None:
        item = self.files_tree.currentItem()
        if self.case is None or item is None:
            return
        f: EvidenceFile = item.data(0, 256)
        c = self.case
        before = {x.sha256 for _k, x in c.evidence_files()}
        if c.complainant.authorization == f:
            c.complainant.authorization = None
        for listing in c.listings:
            listing.screenshots = [s for s in listing.screenshots if s != f]
        c.genuine_photos = [s for s in c.genuine_photos if s != f]
        c.other_files = [s for s in c.other_files if s != f]
        self.save()
        self._refresh()
        self._emit_removed(before)

    def paste_screenshot(self):  # noqa: ANN201
        """Attach the clipboard's image to the selected listing as a PNG screenshot."""
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            text = self.tr("The clipboard holds no image; copy a screenshot first.")
            self.file_errors.setText(text)
            self.pasted_nothing.emit(text)
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = Path(tempfile.mkdtemp(prefix="paste-", dir=self.ctx.store.vault.root / "tmp"))
        path = folder / f"pasted-screenshot-{stamp}.png"
        if not image.save(str(path), "PNG"):
            self.file_errors.setText(self.tr("The clipboard image could not be saved."))
            return None
        return self.add_files([str(path)], EvidenceKind.SCREENSHOT)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.case is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
