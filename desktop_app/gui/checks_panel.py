"""The checks panel: run the case's checks with progress and Cancel; findings grouped by severity.

Checks re-run by themselves (debounced) when the case changes; a newer run cancels an older one.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.checks.findings import CheckReport, Finding, Located, Severity
from desktop_app.core.progress import CancelToken, ProgressFn
from desktop_app.gui.context import AppContext, has_feature
from desktop_app.gui.messages import finding_text
from desktop_app.gui.workers import bind

ItemRole = Qt.ItemDataRole.UserRole + 10
_URL_RE = re.compile(r"https?://|www\.|\.(?:com|cn|net|co\.\w+|de|fr|br|mx|sg|my|ph|th|vn|id)/", re.I)
# Findings a confirmation by hand against the certificate can resolve (docs/findings.md).
CONFIRMABLE_CODES = ("evidence.certificate_unreadable", "right.not_established", "right.confirmation_stale")
_COLOURS = {Severity.BLOCKER: "#c62828", Severity.WARNING: "#ef6c00", Severity.INFO: "#1565c0"}


class FindingsModel(QStandardItemModel):
    """Findings under one parent row per severity, then where the mark and listing ids were found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Code")])

    def set_report(self, report: CheckReport | None) -> None:
        self.removeRows(0, self.rowCount())  # keeps the columns, and so the view's header layout
        if report is None:
            return
        titles = {
            Severity.BLOCKER: self.tr("Blockers"),
            Severity.WARNING: self.tr("Warnings"),
            Severity.INFO: self.tr("Notes"),
        }
        for severity in (Severity.BLOCKER, Severity.WARNING, Severity.INFO):
            findings = [f for f in report.sorted_findings() if f.severity == severity]
            if not findings:
                continue
            group = QStandardItem(f"{titles[severity]} ({len(findings)})")
            group.setForeground(QBrush(QColor(_COLOURS[severity])))
            group.setEditable(False)
            for finding in findings:
                text = finding_text(finding)
                item = QStandardItem(text)
                item.setData(finding, ItemRole)
                item.setToolTip(text)
                item.setEditable(False)
                code = QStandardItem(finding.code)
                code.setEditable(False)
                group.appendRow([item, code])
            self.appendRow([group, self._blank()])
        if report.located:
            found = self.tr("Found in the evidence")
            group = QStandardItem(f"{found} ({len(report.located)})")
            group.setForeground(QBrush(QColor("#2e7d32")))
            group.setEditable(False)
            for loc in report.located:
                item = QStandardItem(self.located_text(loc))
                item.setData(loc, ItemRole)
                item.setToolTip(f"“{loc.evidence.text}”")
                item.setEditable(False)
                group.appendRow([item, self._blank(loc.what)])  # the Code column: mark / listing_id
            self.appendRow([group, self._blank()])

    def located_text(self, loc: Located) -> str:
        """What was found and where, so identical finds in one file can be told apart: the address bar,
        or the line of text it was read in."""
        what = {"mark": self.tr("Mark"), "capture_time": self.tr("Captured at")}.get(
            loc.what, self.tr("Listing id")
        )
        page = f" p.{loc.evidence.page}" if loc.evidence.page and loc.evidence.page > 1 else ""
        line = " ".join(loc.evidence.text.split())
        locator = loc.evidence.locator
        if locator and not loc.evidence.box:  # a web capture: the header or element it was read from
            where = self.tr("from %1").replace("%1", locator if len(locator) <= 60 else "…" + locator[-59:])
        elif _URL_RE.search(line):
            where = self.tr("in the address bar")
        elif line and line.casefold() != loc.value.casefold():
            where = self.tr("in “%1”").replace("%1", line if len(line) <= 48 else line[:47] + "…")
        elif loc.evidence.box:
            where = self.tr("alone, at %1 px from the top").replace("%1", str(round(loc.evidence.box[1])))
        else:
            where = ""
        return f"{what} “{loc.value}” — {loc.evidence.file}{page} {where} ({loc.score:.0%})".replace(
            "  ", " "
        )

    @staticmethod
    def _blank(text: str = "") -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        return item


EXPANDED_GROUP_MAX_ROWS = 100


class ChecksPanel(QWidget):
    finding_activated = Signal(object)  # Finding
    located_activated = Signal(object)  # Located
    report_ready = Signal(object)  # CheckReport
    run_started = Signal(object)  # Task
    confirm_requested = Signal(object)  # Finding: open the rights library to confirm a right by hand

    AUTO_RUN_DELAY_MS = 800

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: int | None = None
        self.report: CheckReport | None = None
        self.task = None
        self.available = has_feature("checks")
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.setInterval(self.AUTO_RUN_DELAY_MS)
        self._auto.timeout.connect(self.run)

        self.run_button = QPushButton(self.tr("Run checks"), self)
        self.run_button.setToolTip(self.tr("Run checks (F5)"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel checks"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Checks progress"))
        self.progress.setRange(0, 1000)
        self.progress.setFormat(self.tr("Checks %p%"))
        self.progress.setTextVisible(True)
        self.last_ran = ""
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = FindingsModel(self)
        self.tree = QTreeView(self)
        self.tree.setAccessibleName(self.tr("Findings"))
        self.tree.setModel(self.model)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.clicked.connect(self._clicked)
        self.tree.activated.connect(self._clicked)
        self.tree.selectionModel().currentChanged.connect(lambda current, _prev: self._show_detail(current))
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("finding_detail")
        self.detail.setAccessibleName(self.tr("Selected finding in full"))
        self.detail.setPlaceholderText(self.tr("Select a finding to read it in full here."))
        self.detail.setMaximumHeight(120)  # the list of findings keeps the room: at least five rows
        self.tree.setMinimumHeight(self.tree.fontMetrics().height() * 7)
        self.confirm_button = QPushButton(self.tr("Confirm by hand…"), self)
        self.confirm_button.setObjectName("checks_confirm_by_hand")
        self.confirm_button.setToolTip(
            self.tr("Check the right's fields against its certificate and confirm them (rights library).")
        )
        self.confirm_button.setVisible(False)
        self.confirm_button.clicked.connect(self._confirm)
        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.confirm_button)
        if not self.available:
            self.run_button.setEnabled(False)
            self.summary.setText(
                self.tr("The check engine is not installed in this build; checks are unavailable.")
            )
        self.set_case(None)

    def set_case(self, case_id: int | None) -> None:
        self.cancel()
        self.case_id = case_id
        self.report = None
        self.model.set_report(None)
        self.progress.setValue(0)
        if self.available:
            self.run_button.setEnabled(case_id is not None)
            self.summary.setText("" if case_id is not None else self.tr("No case open."))
            if case_id is not None:
                self._show_last(case_id)

    def _show_last(self, case_id: int) -> None:
        last = self.ctx.store.checks.last(case_id)
        if last:
            self.summary.setText(
                self.tr("Last run %1: %2 blocker(s), %3 warning(s). Re-running…")
                .replace("%1", last["ran_at"])
                .replace("%2", str(last["blockers"]))
                .replace("%3", str(last["warnings"]))
            )

    def schedule(self, case_id: int) -> None:
        """The case changed: re-run the checks shortly (edits in a burst cause one run)."""
        if self.available and case_id == self.case_id:
            self._auto.start()

    def run(self):  # noqa: ANN201 - returns the Task
        if not self.available or self.case_id is None:
            return None
        self._auto.stop()
        self.cancel()
        ctx, case_id = self.ctx, self.case_id

        def work(progress: ProgressFn, cancel: CancelToken) -> CheckReport:
            from desktop_app.core.checks.engine import check_case

            with ctx.worker_store() as store:
                return check_case(store, store.cases.get(case_id), progress=progress, cancel=cancel)

        task = ctx.runner.start(work, self.tr("Checks"))
        task.signals.progress.connect(self._progress)
        bind(task, "succeeded", self, lambda report: self._done(case_id, report))
        task.signals.failed.connect(self._failed)
        task.signals.cancelled.connect(self._cancelled)
        task.signals.finished.connect(self._finished)
        self.task = task
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.summary.setText(self.tr("Checking…"))
        self.run_started.emit(task)
        return task

    def cancel(self) -> None:
        self._auto.stop()
        if self.task is not None and not self.task.done:
            self.task.cancel()

    def _progress(self, fraction: float, label: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.summary.setText(label)

    def _done(self, case_id: int, report: CheckReport) -> None:
        if case_id != self.case_id:
            return
        self.report = report
        self.model.set_report(report)
        self._expand_groups()
        blockers, warnings = len(report.blockers), len(report.warnings)
        if blockers:
            text = self.tr("Not ready: %1 blocker(s), %2 warning(s).")
        else:
            text = self.tr("Ready to export: no blockers, %2 warning(s).")
        import datetime as dt

        self.last_ran = dt.datetime.now().strftime("%H:%M:%S")
        self.summary.setText(
            text.replace("%1", str(blockers)).replace("%2", str(warnings))
            + " "
            + self.tr("(checked at %1)").replace("%1", self.last_ran)
        )
        self.detail.clear()
        self.progress.setValue(1000)
        self.report_ready.emit(report)

    def _expand_groups(self) -> None:
        """Open every group, except one so long (hundreds of listings found in their screenshots) that
        laying its rows out would hold the window up; its title gives the count, a click opens it."""
        for row in range(self.model.rowCount()):
            group = self.model.item(row)
            if group.rowCount() <= EXPANDED_GROUP_MAX_ROWS:
                self.tree.expand(group.index())

    def _failed(self, message: str) -> None:
        self.summary.setText(message)

    def _cancelled(self) -> None:
        self.summary.setText(self.tr("Checks cancelled."))
        self.progress.setValue(0)

    def _finished(self) -> None:
        if self.task is not None and self.task.done:
            self.run_button.setEnabled(self.case_id is not None)
            self.cancel_button.setEnabled(False)

    def _clicked(self, index: QModelIndex) -> None:
        item = self.model.itemFromIndex(index.siblingAtColumn(0))
        value = item.data(ItemRole) if item is not None else None
        if isinstance(value, Finding):
            self.finding_activated.emit(value)
        elif isinstance(value, Located):
            self.located_activated.emit(value)

    def _show_detail(self, index: QModelIndex) -> None:
        """The selected finding in full: message, code, and each place of evidence with the text read."""
        item = self.model.itemFromIndex(index.siblingAtColumn(0)) if index.isValid() else None
        value = item.data(ItemRole) if item is not None else None
        self.selected_finding = value if isinstance(value, Finding) else None
        self.confirm_button.setVisible(
            isinstance(value, Finding) and value.code in CONFIRMABLE_CODES and value.severity != Severity.INFO
        )
        if isinstance(value, Finding):
            refs = value.evidence
            head = f"<p><b>{html.escape(finding_text(value))}</b></p><p><code>{value.code}</code></p>"
        elif isinstance(value, Located):
            refs = (value.evidence,)
            head = f"<p><b>{html.escape(self.model.located_text(value))}</b></p>"
        else:
            self.detail.clear()
            return
        lines = []
        for ref in refs:
            page = self.tr(", page %1").replace("%1", str(ref.page)) if ref.page and ref.page > 1 else ""
            read = self.tr(" — read: “%1”").replace("%1", ref.text) if ref.text else ""
            lines.append(f"<li>{html.escape(ref.file + page + read)}</li>")
        self.detail.setHtml(head + (f"<ul>{''.join(lines)}</ul>" if lines else ""))

    def _confirm(self) -> None:
        if getattr(self, "selected_finding", None) is not None:
            self.confirm_requested.emit(self.selected_finding)

    def finding_index(self, code: str) -> QModelIndex:
        """The model index of the first finding with ``code`` (tests and keyboard navigation)."""
        for g in range(self.model.rowCount()):
            group = self.model.item(g)
            for r in range(group.rowCount()):
                value = group.child(r).data(ItemRole)
                if isinstance(value, Finding) and value.code == code:
                    return group.child(r).index()
        return QModelIndex()
