"""The case list: every case with its status, marketplace, mark and counts; search, filter, manage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import UserError
from desktop_app.core.model import CaseStatus, Complainant
from desktop_app.core.progress import CancelToken, ProgressFn, SubProgress
from desktop_app.gui.context import AppContext
from desktop_app.gui.messages import error_text
from desktop_app.gui.models import CaseFilterProxy, CaseTableModel, IdRole, status_label
from desktop_app.gui.workers import bind


class CaseListPanel(QWidget):
    case_selected = Signal(int)
    case_deleted = Signal(int)
    import_started = Signal(object)  # the Task, for the window's progress indicator

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search cases, marks, marketplaces…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in CaseStatus:
            self.status_filter.addItem(status_label(status), str(status))
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status_filter(self.status_filter.currentData() or "")
        )

        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Cases"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().resizeSection(1, 180)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.new_button = QPushButton(self.tr("New"), self)
        self.duplicate_button = QPushButton(self.tr("Duplicate"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(self.tr("Import one or more case folders (each holds case.toml)"))
        self.new_button.clicked.connect(self.new_case)
        self.duplicate_button.clicked.connect(self.duplicate_case)
        self.delete_button.clicked.connect(lambda: self.delete_case())
        self.import_button.clicked.connect(lambda: self.import_folders())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.duplicate_button, self.delete_button, self.import_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    # -- list ------------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_case_id()
        self.model.set_cases(self.ctx.store.cases.summaries())
        if keep is not None:
            self.select_case(keep, emit=False)

    def current_case_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(IdRole)) if index.isValid() else None

    def select_case(self, case_id: int, emit: bool = True) -> None:
        row = self.model.row_of(case_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: clear the filters so the case can be shown
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.blockSignals(False)
        self.view.viewport().update()
        self.view.scrollTo(index)
        if emit:
            self.case_selected.emit(case_id)

    def _current_changed(self, current, _previous) -> None:  # noqa: ANN001 - Qt indexes
        if current.isValid():
            self.case_selected.emit(int(current.data(IdRole)))

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)

    # -- actions ---------------------------------------------------------------------------------

    def new_case(self) -> int:
        from desktop_app.core.model import Case

        case_id = self.ctx.store.cases.save(Case(complainant=Complainant(name="")))
        self.refresh()
        self.select_case(case_id)
        return case_id

    def duplicate_case(self) -> int | None:
        case_id = self.current_case_id()
        if case_id is None:
            return None
        new_id = self.ctx.store.cases.duplicate(case_id)
        self.refresh()
        self.select_case(new_id)
        return new_id

    def delete_case(self, confirm: bool = True) -> bool:
        case_id = self.current_case_id()
        if case_id is None:
            return False
        summary = self.model.case_at(self.model.row_of(case_id))
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete case"),
                self.tr(
                    "Delete case %1 (%2)? Its evidence files are removed unless another case or the "
                    "rights library still uses them."
                )
                .replace("%1", summary.reference)
                .replace("%2", summary.title or "—"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,  # deleting is never the default
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            removed = self.ctx.store.cases.delete(case_id)
        except UserError as exc:  # e.g. submitted: read-only until reopened
            self.show_message(error_text(exc), error=True)
            return False
        self.refresh()
        self.show_message(
            self.tr("Deleted %1; %n file(s) no longer used were removed.", "", len(removed)).replace(
                "%1", summary.reference
            )
        )
        self.case_deleted.emit(case_id)
        return True

    def import_folders(self, folders: list[str] | None = None):  # noqa: ANN201 - returns the Task
        """Import case folders in the background; each folder succeeds or fails on its own."""
        if folders is None:
            folders = self._choose_folders()
        if not folders:
            return None
        ctx = self.ctx
        paths = [Path(f) for f in folders]

        def work(progress: ProgressFn, cancel: CancelToken) -> tuple[list[int], list[str]]:
            from desktop_app.core.case_folder import import_case_folder
            from desktop_app.core.errors import UserError

            ids, errors = [], []
            with ctx.worker_store() as store:
                for n, folder in enumerate(paths):
                    cancel.raise_if_cancelled()
                    sub = SubProgress(progress, n / len(paths), (n + 1) / len(paths))
                    try:
                        ids.append(import_case_folder(store, folder, progress=sub, cancel=cancel))
                    except UserError as exc:
                        errors.append(error_text(exc))
            return ids, errors

        task = ctx.runner.start(work, self.tr("Import"))
        task.signals.succeeded.connect(self._imported)
        bind(task, "failed", self, lambda text: self.show_message(text, error=True))
        self.import_started.emit(task)
        return task

    def _imported(self, result: tuple[list[int], list[str]]) -> None:
        ids, errors = result
        self.refresh()
        text = self.tr("Imported %n case(s).", "", len(ids))
        if errors:
            text += " " + " ".join(errors)
        self.show_message(text, error=bool(errors))
        if ids:
            self.select_case(ids[-1])

    def _choose_folders(self) -> list[str]:
        dialog = QFileDialog(self, self.tr("Import case folders"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        for view in dialog.findChildren(QAbstractItemView):  # allow choosing many folders at once
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        return dialog.selectedFiles() if dialog.exec() else []
