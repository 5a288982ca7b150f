"""The main window: case list, case editor, checks and evidence viewer as dockable panels, plus menus.

It wires panels together and owns the background task runner; what to do is always a core function.
"""

from __future__ import annotations

import gc
import logging
import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.core.checks.findings import EvidenceRef, Finding, Located
from desktop_app.core.errors import NotFoundError, UserError
from desktop_app.core.progress import CancelToken, ProgressFn
from desktop_app.core.store import Store
from desktop_app.gui.case_editor import CaseEditor
from desktop_app.gui.case_list import CaseListPanel
from desktop_app.gui.checks_panel import ChecksPanel
from desktop_app.gui.context import AppContext, has_feature
from desktop_app.gui.evidence_viewer import EvidenceViewer, Highlight
from desktop_app.gui.i18n import LANGUAGES, LanguageSwitcher
from desktop_app.gui.messages import error_text
from desktop_app.gui.settings import Preferences
from desktop_app.gui.workers import Task, TaskRunner, bind

log = logging.getLogger(__name__)
# Native modules that the first export, check or view would otherwise load on its own thread in the
# middle of its work; loaded on a background thread shortly after start-up instead (measured by
# bench/bench_gui.py: loading them on the GUI thread itself paused the window for 50-60 ms).
PRELOADED_NATIVE_MODULES = ("lxml.etree", "pypdfium2")
PRELOAD_DELAY_MS = 300
_PRELOAD_STARTED = threading.Event()


def _preload() -> None:
    import importlib

    for name in PRELOADED_NATIVE_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # not in this build: the export path will say so when used
            log.info("preload: %s is not available", name)
    # Everything alive now (Qt wrappers, the loaded libraries) stays alive for the whole session: moved
    # out of the collector's sight, a full collection triggered by a worker's imports no longer walks it
    # while holding the lock (it did for 100-300 ms during the first export). Once per process: a window
    # built again (a language switch keeps it; tests build many) adds nothing.
    gc.freeze()


class MainWindow(QMainWindow):
    case_opened = Signal(int)
    language_changed = Signal(str)

    def __init__(self, store: Store, prefs: Preferences, languages: LanguageSwitcher | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.runner = TaskRunner(self)
        self.ctx = AppContext(store=store, runner=self.runner, prefs=prefs)
        self.languages = languages or LanguageSwitcher()
        self.case_id: int | None = None
        self._tracked: list[Task] = []
        available = self.screen().availableGeometry()  # logical pixels: high-DPI scaling already applied
        self.resize(min(1400, int(available.width() * 0.92)), min(900, int(available.height() * 0.9)))
        self._build()
        geometry, state = prefs.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is None or not self.restoreState(state):
            self._default_layout()
        QTimer.singleShot(PRELOAD_DELAY_MS, self._preload_native_modules)

    def _preload_native_modules(self) -> None:
        """Start loading, once and soon after start-up, the native modules the PDF, signing and viewer
        paths need, on a background thread: the GUI thread keeps running meanwhile (an import of pure
        Python code hands the interpreter lock back every few milliseconds)."""
        if _PRELOAD_STARTED.is_set():
            return
        _PRELOAD_STARTED.set()
        threading.Thread(target=_preload, name="preload", daemon=True).start()

    # -- construction (re-run when the language changes) --------------------------------------------

    def _build(self) -> None:
        """Create the panels (again after a language switch) inside docks created once.

        The docks, and so the splitter sizes the user chose, survive a language switch: only their
        contents are rebuilt in the new language.
        """
        ctx = self.ctx
        self.setWindowTitle(APP_NAME)
        old_editor = getattr(self, "editor", None)
        if not hasattr(self, "central"):  # created once, like the docks: the window layout never changes
            self.central = QWidget(self)
            self.central.setObjectName("central")
            box = QVBoxLayout(self.central)
            box.setContentsMargins(0, 0, 0, 0)
            self.setCentralWidget(self.central)
        self.editor = CaseEditor(ctx, self.central)
        self.editor.setAccessibleName(self.tr("Case editor"))
        if old_editor is not None:
            self.central.layout().replaceWidget(old_editor, self.editor)
            old_editor.hide()
            old_editor.deleteLater()
        else:
            self.central.layout().addWidget(self.editor)
        self.case_list = CaseListPanel(ctx, self)
        self.checks = ChecksPanel(ctx, self)
        self.viewer = EvidenceViewer(ctx, self)
        if not hasattr(self, "list_dock"):
            self.list_dock = self._dock("cases_dock", Qt.DockWidgetArea.LeftDockWidgetArea)
            self.checks_dock = self._dock("checks_dock", Qt.DockWidgetArea.RightDockWidgetArea)
            self.viewer_dock = self._dock("viewer_dock", Qt.DockWidgetArea.RightDockWidgetArea)
        for dock, title, widget in (
            (self.list_dock, self.tr("Cases"), self.case_list),
            (self.checks_dock, self.tr("Checks"), self.checks),
            (self.viewer_dock, self.tr("Evidence"), self.viewer),
        ):
            old = dock.widget()
            dock.setWidget(widget)
            dock.setWindowTitle(title)
            dock.setAccessibleName(title)
            if old is not None:
                old.deleteLater()
        self.case_list.case_selected.connect(self.open_case)
        self.case_list.case_deleted.connect(lambda cid: self.open_case(None) if cid == self.case_id else None)
        self.case_list.import_started.connect(self.track)
        self.editor.case_changed.connect(self._case_changed)
        self.editor.file_activated.connect(lambda f: self.viewer.show_file(f))
        self.editor.files_removed.connect(self.viewer.drop_files)
        self.editor.pasted_nothing.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.editor.open_rights_library.connect(self.show_rights_library)
        self.editor.busy.connect(self.track)
        self.editor.start_page.action_requested.connect(self._start_action)
        self.checks.finding_activated.connect(self.show_finding)
        self.checks.confirm_requested.connect(lambda _finding: self.show_rights_library())
        self.checks.located_activated.connect(self.show_located)
        self.checks.report_ready.connect(self._report_ready)
        self.editor.add_certificate.connect(lambda path: self.show_rights_library(certificate=path or ""))
        self.checks.run_started.connect(self.track)
        self._build_status_bar()
        self._build_menus()

    def _default_layout(self) -> None:
        """First start: a comfortable split between the list, the editor and the right-hand panels."""
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        width, height = self.width(), self.height()
        self.resizeDocks(
            [self.list_dock, self.checks_dock], [int(width * 0.23), int(width * 0.34)], horizontal
        )
        self.resizeDocks(
            [self.checks_dock, self.viewer_dock], [int(height * 0.38), int(height * 0.55)], vertical
        )

    def _dock(self, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        if not hasattr(self, "task_label"):  # created once; only its texts change with the language
            self.task_label = QLabel(bar)
            self.task_progress = QProgressBar(bar)
            self.task_progress.setRange(0, 1000)
            self.task_progress.setMaximumWidth(220)
            self.task_cancel = QPushButton(bar)
            self.task_cancel.clicked.connect(self.runner.cancel_all)
            for w in (self.task_label, self.task_progress, self.task_cancel):
                bar.addPermanentWidget(w)
                w.setVisible(False)
            self.last_run_label = QLabel(bar)
            self.last_run_label.setObjectName("last_checks_run")
            bar.addPermanentWidget(self.last_run_label)
        self.task_progress.setAccessibleName(self.tr("Background work progress"))
        self.task_progress.setFormat(self.tr("%p%"))
        self.task_cancel.setText(self.tr("Cancel"))
        self.task_cancel.setAccessibleName(self.tr("Cancel background work"))

    def _action(
        self,
        text: str,
        slot,
        shortcut: QKeySequence | str | None = None,  # noqa: ANN001
        enabled: bool = True,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setEnabled(enabled)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _build_menus(self) -> None:
        self.menuBar().clear()
        unavailable = self.tr("Not installed in this build")
        a = self.actions_by_name = {
            "new": self._action(self.tr("&New case"), self.case_list.new_case, QKeySequence.StandardKey.New),
            "import": self._action(
                self.tr("&Import case folders…"), lambda: self.case_list.import_folders(), "Ctrl+I"
            ),
            "duplicate": self._action(self.tr("D&uplicate case"), self.case_list.duplicate_case, "Ctrl+D"),
            "delete": self._action(
                self.tr("&Delete case…"), lambda: self.case_list.delete_case(), "Ctrl+Del"
            ),
            "export": self._action(
                self.tr("&Export package…"),
                self.show_export,
                "Ctrl+E",
                has_feature("export"),
                "" if has_feature("export") else unavailable,
            ),
            "verify": self._action(
                self.tr("&Verify package…"),
                self.show_verify,
                "Ctrl+Shift+Y",
                has_feature("verify"),
                "" if has_feature("verify") else unavailable,
            ),
            "settings": self._action(
                self.tr("&Settings…"), self.show_settings, QKeySequence.StandardKey.Preferences
            ),
            "quit": self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit),
            "checks": self._action(self.tr("&Run checks"), self.checks.run, "F5"),
            "cancel": self._action(self.tr("&Cancel background work"), self.runner.cancel_all, "Esc"),
            "submitted": self._action(
                self.tr("Mark &submitted…"), lambda: self.show_outcome("submitted"), "Ctrl+M"
            ),
            "decided": self._action(
                self.tr("Record &decision…"), lambda: self.show_outcome("decided"), "Ctrl+Shift+M"
            ),
            "filing": self._action(self.tr("&Filing sheet…"), self.show_filing_sheet, "Ctrl+Shift+F"),
            "rights": self._action(self.tr("&Rights library…"), self.show_rights_library, "Ctrl+R"),
            "dashboard": self._action(self.tr("&Outcomes dashboard…"), self.show_dashboard, "Ctrl+B"),
            "find": self._action(self.tr("&Find case"), self._focus_search, QKeySequence.StandardKey.Find),
            "about": self._action(self.tr("&About"), self.show_about),
            "guide": self._action(
                self.tr("&User guide"), self.show_guide, QKeySequence.StandardKey.HelpContents
            ),
            "demo": self._action(self.tr("Open the &demo case"), lambda: self.open_initial_case(demo=True)),
        }
        a["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for key in ("new", "import", None, "export", "verify", None, "settings", None, "quit"):
            file_menu.addSeparator() if key is None else file_menu.addAction(a[key])
        case_menu = self.menuBar().addMenu(self.tr("&Case"))
        for key in (
            "checks",
            "cancel",
            None,
            "filing",
            None,
            "duplicate",
            "delete",
            None,
            "submitted",
            "decided",
        ):
            case_menu.addSeparator() if key is None else case_menu.addAction(a[key])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(a["find"])
        view_menu.addAction(a["rights"])
        view_menu.addAction(a["dashboard"])
        view_menu.addSeparator()
        for dock in (self.list_dock, self.checks_dock, self.viewer_dock):
            view_menu.addAction(dock.toggleViewAction())
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        for code, name in LANGUAGES.items():
            act = lang_menu.addAction(name)
            act.setCheckable(True)
            act.setChecked(code == self.languages.language)
            act.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(a["guide"])
        help_menu.addAction(a["demo"])
        help_menu.addSeparator()
        help_menu.addAction(a["about"])
        tools = self.findChild(QWidget, "main_toolbar")
        if tools is not None:
            self.removeToolBar(tools)
            tools.deleteLater()
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        for key in ("new", "import", "checks", "export", "verify", "rights", "dashboard"):
            toolbar.addAction(a[key])
        self._update_case_actions()

    def _update_case_actions(self) -> None:
        has_case = self.case_id is not None
        for key in ("duplicate", "delete", "submitted", "decided"):
            self.actions_by_name[key].setEnabled(has_case)
        self.actions_by_name["export"].setEnabled(has_case and has_feature("export"))
        self.actions_by_name["checks"].setEnabled(has_case and self.checks.available)

    # -- cases -----------------------------------------------------------------------------------

    def open_case(self, case_id: int | None) -> None:
        try:
            self.editor.load(case_id)
        except NotFoundError as exc:
            self.statusBar().showMessage(error_text(exc), 8000)
            case_id = None
            self.editor.load(None)
        self.case_id = case_id
        self.ctx.prefs.last_case = case_id
        self.checks.set_case(case_id)
        self.viewer.clear()
        if case_id is not None:
            self.case_list.select_case(case_id, emit=False)
            self.setWindowTitle(
                f"{self.editor.case.reference} — {APP_NAME}" if self.editor.case else APP_NAME
            )
            self.checks.schedule(case_id)
            self._show_first_file()
            self.case_opened.emit(case_id)
        else:
            self.setWindowTitle(APP_NAME)
        self._update_case_actions()

    def _show_first_file(self) -> None:
        """Opening a case shows its first listing screenshot (else its first file) in the viewer."""
        case = self.editor.case
        if case is None:
            return
        shots = [f for listing in case.listings for f in listing.screenshots]
        files = shots or [f for _kind, f in case.evidence_files()]
        if files:
            self.viewer.show_file(files[0])

    def _report_ready(self, report) -> None:  # noqa: ANN001 - CheckReport
        import datetime as dt

        self.case_list.refresh()
        self.editor.set_report(report)
        self.last_run_label.setText(
            self.tr("Checks last ran at %1").replace("%1", dt.datetime.now().strftime("%H:%M:%S"))
        )

    def _start_action(self, key: str) -> None:
        """A button of the start page (shown while no case is open)."""
        if key == "demo":
            self.open_initial_case(demo=True)
        elif key == "new":
            self.case_list.new_case()
        elif key == "import":
            self.case_list.import_folders()
        elif key == "guide":
            self.show_guide()

    def _case_changed(self, case_id: int) -> None:
        self.case_list.refresh()
        self.checks.schedule(case_id)

    def open_initial_case(self, demo: bool) -> Task | None:
        """First launch (or --demo) opens the demo case; otherwise the case open last time."""
        if not demo:
            last = self.ctx.prefs.last_case
            if last is not None and self.case_list.model.row_of(last) >= 0:
                self.open_case(last)
            return None
        ctx = self.ctx

        def work(progress: ProgressFn, cancel: CancelToken) -> int:
            from desktop_app.core.demo import ensure_demo_case

            with ctx.worker_store() as store:
                return ensure_demo_case(store, progress=progress, cancel=cancel)

        task = self.runner.start(work, self.tr("Opening the demo case"))
        task.signals.succeeded.connect(self._demo_ready)
        bind(task, "failed", self, lambda text: self.statusBar().showMessage(text, 15000))
        self.track(task)
        return task

    def _demo_ready(self, case_id: int) -> None:
        self.ctx.prefs.first_launch_done = True
        self.case_list.refresh()
        self.open_case(case_id)

    # -- background work indicator ---------------------------------------------------------------

    def track(self, task: Task) -> None:
        """Show ``task`` in the status bar (progress and a working Cancel) until it ends."""
        self._tracked.append(task)
        task.signals.progress.connect(self._task_progress)
        task.signals.finished.connect(self._task_finished)
        bind(task, "failed", self, lambda text: self.statusBar().showMessage(text, 15000))
        self.task_label.setText(task.name)
        self.task_progress.setValue(0)
        for w in (self.task_label, self.task_progress, self.task_cancel):
            w.setVisible(True)

    def _task_progress(self, fraction: float, label: str) -> None:
        self.task_progress.setValue(int(fraction * 1000))
        self.task_label.setText(label[:60])

    def _task_finished(self) -> None:
        self._tracked = [t for t in self._tracked if not t.done]
        if not self._tracked:
            for w in (self.task_label, self.task_progress, self.task_cancel):
                w.setVisible(False)

    # -- findings → evidence and fields ------------------------------------------------------------

    def _show_ref(self, ref: EvidenceRef, label: str, colour: str) -> None:
        if not ref.sha256:
            return
        try:
            f = self.ctx.store.files.get(ref.sha256, ref.file)
        except UserError as exc:
            self.statusBar().showMessage(error_text(exc), 8000)
            return
        highlights = [Highlight(ref.box, label, colour)] if ref.box else []
        self.viewer_dock.show()
        self.viewer_dock.raise_()
        self.viewer.show_file(f, ref.page or 1, highlights)

    def show_finding(self, finding: Finding) -> None:
        """Show the finding's evidence with its region highlighted, and focus the field to fix."""
        if finding.evidence:
            from desktop_app.gui.messages import finding_text

            self._show_ref(finding.evidence[0], finding_text(finding), "#e53935")
        if finding.field:
            self.editor.focus_field(finding.field)

    def show_located(self, located: Located) -> None:
        self._show_ref(located.evidence, located.value, "#43a047")

    # -- dialogs ---------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.list_dock.show()
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()

    def show_rights_library(self, certificate: str | None = None) -> None:
        """The rights library; with ``certificate`` ("" to choose the file) it opens on reading that
        certificate for the open case: confirm the fields, and Save adds the right to this case too."""
        from desktop_app.gui.rights_library import RightsLibraryDialog

        case = self.editor.case if self.case_id is not None else None
        dialog = RightsLibraryDialog(
            self.ctx, self, case_reference=case.reference if case else None, for_case=certificate is not None
        )
        self.rights_dialog = dialog
        dialog.right_chosen.connect(self.editor.add_right)
        if certificate is not None:
            dialog.start_reading(certificate)
        dialog.exec()
        self.rights_dialog = None
        self.editor.load(self.case_id)
        if self.case_id is not None:  # a confirmation by hand changes the verdict
            self.checks.schedule(self.case_id)

    def show_guide(self) -> None:
        from desktop_app.gui.guide import GuideDialog

        self.guide = GuideDialog(self.languages.language, self)
        self.guide.show()

    def show_export(self) -> None:
        if self.case_id is None:
            return
        from desktop_app.gui.export_dialog import ExportDialog

        self.editor.flush()
        dialog = ExportDialog(self.ctx, self.case_id, self)
        dialog.exported.connect(lambda _p: (self.case_list.refresh(), self.editor.records.refresh()))
        dialog.exec()

    def show_filing_sheet(self) -> None:
        """The marketplace form's fields for this case, from a check of the case as it is now."""
        if self.case_id is None:
            return
        self.editor.flush()
        case_id = self.case_id

        def open_sheet(report) -> None:  # noqa: ANN001 - CheckReport
            if self.case_id != case_id:
                return
            from desktop_app.gui.filing_dialog import FilingSheetDialog

            case = self.ctx.store.cases.get(case_id)
            self.filing_dialog = FilingSheetDialog(
                self.ctx.store, case, report, self.languages.language, self, prefs=self.ctx.prefs
            )
            self.filing_dialog.show()

        task = self.checks.run()
        if task is not None:  # a failed or cancelled check opens nothing; the checks panel says why
            bind(task, "succeeded", self, open_sheet)

    def show_verify(self) -> None:
        from desktop_app.gui.verify_dialog import VerifyDialog

        VerifyDialog(self.ctx, self).exec()

    def show_outcome(self, kind: str) -> None:
        if self.case_id is None:
            return
        from desktop_app.gui.outcomes_view import OutcomeDialog

        self.editor.flush()
        dialog = OutcomeDialog(self.ctx, self.case_id, kind, self)
        try:  # built fresh each time and deleted after: nothing of the last one stays behind
            recorded = dialog.exec()
        finally:
            dialog.deleteLater()
        if recorded:
            self.case_list.refresh()
            self.editor.load(self.case_id)

    def show_dashboard(self) -> None:
        from desktop_app.gui.outcomes_view import DashboardDialog

        dialog = DashboardDialog(self.ctx, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def show_settings(self) -> None:
        from desktop_app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self.languages.language, self)
        if dialog.exec():
            if dialog.language() != self.languages.language:
                self.set_language(dialog.language())

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About %1").replace("%1", APP_NAME),
            self.tr(
                "%1 %2\nOffline evidence checks and signed submission packages for IP takedown complaints."
            )
            .replace("%1", APP_NAME)
            .replace("%2", __version__),
        )

    # -- language --------------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch the interface language now: panels are rebuilt in the new language inside the same
        docks (their sizes stay as the user left them); the case stays open and scrolled where it was."""
        self.editor.flush()
        self.languages.apply(language)
        self.ctx.prefs.language = self.languages.language
        case_id = self.case_id
        scroll = self.editor.verticalScrollBar().value()
        state = self.saveState()
        self.checks.cancel()
        self._build()
        self.restoreState(state)  # the same docks: the split the user chose, exactly
        if case_id is not None:
            self.open_case(case_id)
            self.editor.verticalScrollBar().setValue(scroll)
        self.language_changed.emit(self.languages.language)

    # -- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Save pending edits and window state; cancel background work and wait for it to stop cleanly."""
        try:
            self.editor.flush()
        except UserError as exc:
            log.warning("could not save the last edit: %s", exc)
        self.ctx.prefs.save_window_state(self.saveGeometry(), self.saveState())
        self.checks.cancel()  # also stops a scheduled automatic run
        if self.runner.active:
            self.statusBar().showMessage(self.tr("Cancelling background work…"))
            QApplication.processEvents()
        self.runner.shutdown()
        event.accept()
