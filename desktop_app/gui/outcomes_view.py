"""Outcomes: record a submission or a decision, and the dashboard (success rate vs 90%, decline reasons)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.decline_reasons import decline_reason_choices
from desktop_app.core.errors import UserError
from desktop_app.core.filing import batches
from desktop_app.core.model import Case
from desktop_app.core.outcomes import FiledComplaint, filed_complaints
from desktop_app.gui.context import AppContext
from desktop_app.gui.messages import error_text
from desktop_app.gui.models import ListingDecisionModel
from desktop_app.gui.names import current_language, marketplace_name


class OutcomeDialog(QDialog):
    """``kind`` "submitted" asks for the complaint number; "decided" for accepted/declined and the reason."""

    def __init__(self, ctx: AppContext, case_id: int, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id, self.kind = ctx, case_id, kind
        case = ctx.store.cases.get(case_id)
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        # Only this kind's widgets are created, so nothing from the other kind shows through.
        self.number: QLineEdit | None = None
        self.accepted: QRadioButton | None = None
        self.declined: QRadioButton | None = None
        self.reason: QComboBox | None = None
        self.complaint: QComboBox | None = None  # a case filed in batches: its complaints' listings
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        if kind == "submitted":
            self.setWindowTitle(self.tr("Mark %1 submitted").replace("%1", case.reference))
            self.number = QLineEdit(case.outcome.complaint_number, self)
            self.number.setAccessibleName(self.tr("Complaint number"))
            form.addRow(self.tr("Complaint number"), self.number)
            self.marketplace = QLineEdit(", ".join(case.marketplaces), self)
            self.marketplace.setAccessibleName(self.tr("Marketplace"))
            form.addRow(self.tr("Filed with"), self.marketplace)
            # which package version was sent: part of the submission record
            self.package = QComboBox(self)
            self.package.setAccessibleName(self.tr("Package sent"))
            exports = ctx.store.exports.for_case(case_id)
            for e in reversed(exports):
                self.package.addItem(
                    self.tr("v%1 — exported %2, SHA-256 %3…")
                    .replace("%1", str(e["version"]))
                    .replace("%2", e["exported_at"])
                    .replace("%3", e["package_sha256"][:16]),
                    e["version"],
                )
            if not exports:
                self.package.addItem(self.tr("(no package exported)"), None)
            form.addRow(self.tr("Package sent"), self.package)
            # one complaint for every listing, or one batch of the filing sheets (its own complaint number)
            self.batch = QComboBox(self)
            self.batch.setAccessibleName(self.tr("Listings in this complaint"))
            self.batch.addItem(self.tr("All the case's listings"), None)
            filed = {(s["marketplace"], s["batch"]) for s in ctx.store.submissions.open_all(case_id)}
            for market, chunks in batches(case).items():
                for n, chunk in enumerate(chunks, 1):
                    if len(chunks) > 1 or filed:
                        label = (
                            self.tr("%1 — batch %2 of %3 (%4 listings)")
                            .replace("%1", marketplace_name(market))
                            .replace("%2", str(n))
                            .replace("%3", str(len(chunks)))
                            .replace("%4", str(len(chunk)))
                        )
                        if (market, n) in filed:
                            label += " — " + self.tr("filed")
                        self.batch.addItem(label, (market, n))
            if self.batch.count() > 1 and filed:
                self.batch.removeItem(0)  # a case filed in batches goes on in batches
                unfiled = next(
                    (i for i in range(self.batch.count()) if tuple(self.batch.itemData(i)) not in filed), 0
                )
                self.batch.setCurrentIndex(unfiled)
            form.addRow(self.tr("Complaint covers"), self.batch)
            form.addRow(
                QLabel(self.tr("The case becomes read-only until it is reopened with a reason."), self)
            )
        else:
            self.setWindowTitle(self.tr("Decision on %1").replace("%1", case.reference))
            complaints = filed_complaints(ctx.store, case_id)
            if complaints:  # filed in batches: the marketplace decides listing by listing
                self._listing_decisions(form, case, complaints)
            else:
                self._case_decision(form, case)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _case_decision(self, form: QFormLayout, case: Case) -> None:
        """Accepted or declined, and the reason, for a case filed as one complaint."""
        self.accepted = QRadioButton(self.tr("Accepted"), self)
        self.declined = QRadioButton(self.tr("Declined"), self)
        group = QButtonGroup(self)
        group.addButton(self.accepted)
        group.addButton(self.declined)
        self.accepted.setChecked(case.status != "declined")
        self.declined.setChecked(case.status == "declined")
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(self.tr("Decline reason"))
        marketplaces = sorted({x.marketplace for x in case.listings if x.marketplace})
        self.reason.addItem(self.tr("Choose the reason the marketplace gave…"), "")
        for code, label in decline_reason_choices(marketplaces, current_language()):
            self.reason.addItem(label, code)
        previous = case.outcome.decline_reason
        if previous and self.reason.findData(previous) < 0:
            self.reason.addItem(previous, previous)  # a reason recorded before the fixed lists
        self.reason.setCurrentIndex(max(0, self.reason.findData(previous)) if previous else 0)
        self.declined.toggled.connect(self.reason.setEnabled)
        self.reason.setEnabled(self.declined.isChecked())
        form.addRow(self.tr("Decision"), self.accepted)
        form.addRow("", self.declined)
        form.addRow(self.tr("Reason"), self.reason)

    def _listing_decisions(self, form: QFormLayout, case: Case, complaints: list[FiledComplaint]) -> None:
        """A table of the listings each complaint carried (a model, no widget per row: a complaint may
        carry 300), marked accepted or declined in bulk; recorded per complaint in one core call."""
        self.setMinimumWidth(860)
        self.complaints = complaints
        self._marks: dict[int, dict[str, tuple[bool, str]]] = {}  # per complaint, kept while switching
        self.complaint = QComboBox(self)
        self.complaint.setAccessibleName(self.tr("Complaint"))
        for c in complaints:
            self.complaint.addItem(self._complaint_label(c), c.submission_id)
        form.addRow(self.tr("Complaint"), self.complaint)
        self.complaint_info = QLabel(self)
        self.complaint_info.setObjectName("complaint_info")
        self.complaint_info.setWordWrap(True)
        form.addRow(self.complaint_info)
        self.listing_model = ListingDecisionModel(self)
        self.listings = QTableView(self)
        self.listings.setObjectName("listing_decisions")
        self.listings.setAccessibleName(self.tr("Listings of the complaint"))
        self.listings.setModel(self.listing_model)
        self.listings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.listings.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.listings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.listings.setWordWrap(False)
        self.listings.verticalHeader().hide()
        rows = self.listings.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.listings.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.listings.setColumnWidth(0, 150)
        self.listings.setColumnWidth(2, 200)
        self.listings.setColumnWidth(3, 220)
        self.listings.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a URL's id is at its end
        self.listings.setMinimumHeight(260)
        form.addRow(self.listings)
        self.select_all = QPushButton(self.tr("Select all"), self)
        self.select_all.clicked.connect(self.listings.selectAll)
        self.select_undecided = QPushButton(self.tr("Select undecided"), self)
        self.select_undecided.clicked.connect(self._select_undecided)
        self.unmark_selected = QPushButton(self.tr("Clear marks of selected"), self)
        self.unmark_selected.clicked.connect(lambda: self.mark_selected(None))
        selection_row = QHBoxLayout()
        for button in (self.select_all, self.select_undecided, self.unmark_selected):
            selection_row.addWidget(button)
        selection_row.addStretch(1)
        form.addRow(selection_row)
        self.accept_selected = QPushButton(self.tr("Mark selected accepted"), self)
        self.accept_selected.clicked.connect(lambda: self.mark_selected(True))
        self.decline_selected = QPushButton(self.tr("Mark selected declined"), self)
        self.decline_selected.clicked.connect(lambda: self.mark_selected(False))
        self.mark_reason = QComboBox(self)
        self.mark_reason.setAccessibleName(self.tr("Decline reason"))
        self.mark_reason.addItem(self.tr("Choose the reason the marketplace gave…"), "")
        markets = sorted({c.marketplace for c in complaints})
        for code, label in decline_reason_choices(markets, current_language()):
            self.mark_reason.addItem(label, code)
        mark_row = QHBoxLayout()
        mark_row.addWidget(self.accept_selected)
        mark_row.addWidget(self.decline_selected)
        mark_row.addWidget(QLabel(self.tr("with the reason"), self))
        mark_row.addWidget(self.mark_reason, 1)
        form.addRow(mark_row)
        self.tally = QLabel(self)
        self.tally.setObjectName("listing_tally")
        self.tally.setWordWrap(True)
        form.addRow(self.tally)
        self._shown: int | None = None
        self.complaint.currentIndexChanged.connect(self._show_complaint)
        self.listing_model.dataChanged.connect(self._show_tally)
        self._show_complaint()

    def _complaint_label(self, c: FiledComplaint) -> str:
        return (
            self.tr("%1 — %2, batch %3 of %4 (%5 listings, %6 undecided)")
            .replace("%1", c.complaint_number)
            .replace("%2", marketplace_name(c.marketplace))
            .replace("%3", str(c.batch))
            .replace("%4", str(c.batches))
            .replace("%5", str(len(c.listings)))
            .replace("%6", str(c.undecided))
        )

    def _complaint(self) -> FiledComplaint:
        return self.complaints[max(0, self.complaint.currentIndex())]

    def _show_complaint(self) -> None:
        if self._shown is not None:  # keep what was marked on the complaint shown before
            self._marks[self._shown] = self.listing_model.pending
        c = self._complaint()
        self._shown = c.submission_id
        self.listing_model.set_listings(c.listings, self._marks.get(c.submission_id))
        self.complaint_info.setText(
            self.tr("Complaint %1, filed %2 with %3: batch %4 of %5.")
            .replace("%1", c.complaint_number)
            .replace("%2", c.submitted_at)
            .replace("%3", marketplace_name(c.marketplace))
            .replace("%4", str(c.batch))
            .replace("%5", str(c.batches))
        )
        self._show_tally()

    def _show_tally(self) -> None:
        n = self.listing_model.counts()
        self.tally.setText(
            self.tr(
                "%1 listings: %2 accepted and %3 declined recorded; %4 marked accepted and %5 marked "
                "declined, to record; %6 undecided."
            )
            .replace("%1", str(self.listing_model.rowCount()))
            .replace("%2", str(n["accepted"]))
            .replace("%3", str(n["declined"]))
            .replace("%4", str(n["marked_accepted"]))
            .replace("%5", str(n["marked_declined"]))
            .replace("%6", str(n["undecided"]))
        )

    def _select_undecided(self) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        model, selection = self.listing_model, QItemSelection()
        last = model.columnCount() - 1
        for row in range(model.rowCount()):
            if not model.listing_at(row).decision and model.listing_at(row).listing_id not in model.pending:
                selection.select(model.index(row, 0), model.index(row, last))
        self.listings.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def mark_selected(self, accepted: bool | None) -> int:
        """Mark the selected listings accepted, declined (with the chosen reason) or unmarked."""
        rows = sorted({i.row() for i in self.listings.selectionModel().selectedRows()})
        reason = str(self.mark_reason.currentData() or "")
        if not rows:
            self.error.setText(self.tr("Select the listings first (Select all, or click and Shift-click)."))
            return 0
        if accepted is False and not reason:
            self.error.setText(self.tr("Choose the reason the marketplace gave for declining them."))
            return 0
        self.error.clear()
        return self.listing_model.mark(rows, accepted, reason)

    def _record_listings(self) -> bool:
        from desktop_app.core.outcomes import record_listing_decisions

        self._marks[self._complaint().submission_id] = self.listing_model.pending
        todo = [c for c in self.complaints if self._marks.get(c.submission_id)]
        if not todo:
            self.error.setText(
                self.tr("Mark listings accepted or declined first: select them, then use the buttons.")
            )
            return False
        for c in todo:  # one core call (one transaction) per complaint
            marks = self._marks[c.submission_id]
            record_listing_decisions(self.ctx.store, self.case_id, c.complaint_number, marks)
            del self._marks[c.submission_id]
        return True

    def submit(self) -> bool:
        from desktop_app.core.outcomes import record_decision, record_submission

        try:
            if self.complaint is not None:
                if not self._record_listings():
                    return False
            elif self.number is not None:
                chosen = self.batch.currentData()
                market, batch = (chosen[0], chosen[1]) if chosen else (self.marketplace.text(), None)
                record_submission(
                    self.ctx.store,
                    self.case_id,
                    self.number.text(),
                    marketplace=market,
                    export_version=self.package.currentData(),
                    batch=batch,
                )
            else:
                assert self.accepted is not None and self.reason is not None
                accepted = self.accepted.isChecked()
                reason = "" if accepted else str(self.reason.currentData() or "")
                record_decision(self.ctx.store, self.case_id, accepted, reason)
        except UserError as exc:
            if self.complaint is not None:  # complaints recorded before the error are shown recorded
                self._refresh_complaints()
            self.error.setText(error_text(exc))
            return False
        self.accept()
        return True

    def _refresh_complaints(self) -> None:
        assert self.complaint is not None
        self.complaints = filed_complaints(self.ctx.store, self.case_id)
        for i, c in enumerate(self.complaints):
            self.complaint.setItemText(i, self._complaint_label(c))
        self._shown = None  # the marks of the complaint shown are already in self._marks
        self._show_complaint()


class DashboardDialog(QDialog):
    """Success rate per marketplace by month (with the counts behind it; Alibaba IPP's good-faith line
    only where it applies) and the commonest decline reasons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop_app.core.decline_reasons import uses_good_faith_threshold
        from desktop_app.core.outcomes import (
            GOOD_FAITH_THRESHOLD,
            decision_rows,
            decline_reasons,
            listing_tally,
            overall_rates,
            success_rates,
        )

        self.setWindowTitle(self.tr("Outcomes dashboard"))
        self.resize(960, 640)
        rows = decision_rows(ctx.store)  # listing by listing where the marketplace decided that way
        self.points = success_rates(rows)
        self.reasons = decline_reasons(rows)
        overall = overall_rates(rows)
        self.threshold_applies = any(uses_good_faith_threshold(p.marketplace) for p in self.points)
        tabs = QTabWidget(self)
        rate_tab = QWidget(self)
        rate_layout = QVBoxLayout(rate_tab)
        self.rate_chart = self._rate_chart(GOOD_FAITH_THRESHOLD)
        self.rate_table = self._rate_table()
        rate_layout.addWidget(self.rate_chart, 3)
        rate_layout.addWidget(self.rate_table, 1)
        self.reason_chart = self._reason_chart()
        tabs.addTab(rate_tab, self.tr("Success rate"))
        tabs.addTab(self.reason_chart, self.tr("Decline reasons"))
        summary = QLabel(self)
        summary.setObjectName("outcomes_summary")
        summary.setWordWrap(True)
        if overall:
            parts = []
            for m, p in overall.items():
                text = (
                    self.tr("%1: %2 of %3 accepted (%4)")
                    .replace("%1", marketplace_name(m))
                    .replace("%2", str(p.accepted))
                    .replace("%3", str(p.decided))
                    .replace("%4", f"{p.rate:.0%}")
                )
                if uses_good_faith_threshold(m) and p.below_threshold:
                    text += " ⚠"
                parts.append(text)
            text = self.tr("All-time decisions — %1.").replace("%1", "; ".join(parts))
            if self.threshold_applies:
                text += " " + self.tr("Alibaba IPP expects at least %1 of complaints to succeed.").replace(
                    "%1", f"{GOOD_FAITH_THRESHOLD:.0%}"
                )
            summary.setText(text)
        else:
            summary.setText(
                self.tr("No decided complaints yet: mark cases submitted, then record the decision.")
            )
        self.summary = summary
        # complaints decided listing by listing count once per listing above; here the listings alone
        self.listing_tally = listing_tally(ctx.store)
        tally = QLabel(self)
        tally.setObjectName("listing_tally")
        tally.setWordWrap(True)
        t = self.listing_tally
        tally.setText(
            self.tr(
                "Listings decided one by one: %1 accepted, %2 declined of %3 decided; %4 not decided yet."
            )
            .replace("%1", str(t.accepted))
            .replace("%2", str(t.declined))
            .replace("%3", str(t.decided))
            .replace("%4", str(t.undecided))
        )
        tally.setVisible(bool(t.decided or t.undecided))
        self.tally = tally
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(tally)
        layout.addWidget(tabs, 1)

    def _rate_table(self) -> QWidget:
        table = QTableWidget(len(self.points), 5, self)
        table.setObjectName("rate_table")
        table.setAccessibleName(self.tr("Decisions per marketplace and month"))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Month"),
                self.tr("Marketplace"),
                self.tr("Accepted"),
                self.tr("Declined"),
                self.tr("Rate"),
            ]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for i, p in enumerate(self.points):
            cells = (
                p.period,
                marketplace_name(p.marketplace),
                str(p.accepted),
                str(p.declined),
                f"{p.rate:.0%}",
            )
            for j, value in enumerate(cells):
                table.setItem(i, j, QTableWidgetItem(value))
        return table

    def _rate_chart(self, threshold: float) -> QWidget:
        from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis

        chart = QChart()
        chart.setTitle(self.tr("Success rate per marketplace (cumulative; label: accepted of decided)"))
        months = sorted({p.period for p in self.points})
        axis_x = QCategoryAxis()  # one category per month, labelled YYYY-MM
        axis_x.setStartValue(-0.5)
        for i, month in enumerate(months):
            axis_x.append(month, i + 0.5)
        axis_x.setRange(-0.5, max(len(months), 1) - 0.5)
        axis_y = QValueAxis()
        axis_y.setRange(0, 105)
        axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_y.setTickAnchor(0)
        axis_y.setTickInterval(20)
        axis_y.setLabelFormat("%d%%")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        self.point_labels: list[str] = []
        for marketplace in sorted({p.marketplace for p in self.points}):
            series = QLineSeries()
            mine = [p for p in self.points if p.marketplace == marketplace]
            last = mine[-1]
            series.setName(
                self.tr("%1 (%2 decided)")
                .replace("%1", marketplace_name(marketplace))
                .replace("%2", str(last.decided))
            )
            series.setPointsVisible(True)
            for p in mine:
                series.append(months.index(p.period), p.rate * 100)
            chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
            for p in mine:  # the counts behind each dot, so one decision is not read as a trend
                label = QLineSeries()
                label.append(months.index(p.period), p.rate * 100)
                label.setPointLabelsVisible(True)
                text = f"{p.accepted}/{p.decided}"
                label.setPointLabelsFormat(text)
                label.setPointLabelsClipping(False)
                label.setPen(QPen(Qt.PenStyle.NoPen))
                chart.addSeries(label)
                label.attachAxis(axis_x)
                label.attachAxis(axis_y)
                self.point_labels.append(text)
                for marker in chart.legend().markers(label):
                    marker.setVisible(False)
        if months and self.threshold_applies:
            line = QLineSeries()
            line.setName(self.tr("Alibaba IPP good-faith threshold %1").replace("%1", f"{threshold:.0%}"))
            line.append(-0.5, threshold * 100)
            line.append(len(months) - 0.5, threshold * 100)
            line.setPen(QPen(QColor("#c62828"), 2, Qt.PenStyle.DashLine))
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        self.has_threshold_line = bool(months and self.threshold_applies)
        view = QChartView(chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setAccessibleName(self.tr("Success rate chart"))
        # the marketplaces' lines and the threshold line (the count labels are not series a reader sees)
        self.rate_series_count = len({p.marketplace for p in self.points}) + int(self.has_threshold_line)
        return view

    def _reason_chart(self) -> QWidget:
        from PySide6.QtCharts import (
            QBarCategoryAxis,
            QBarSet,
            QChart,
            QChartView,
            QHorizontalBarSeries,
            QValueAxis,
        )

        from desktop_app.core.decline_reasons import reason_label

        chart = QChart()
        chart.setTitle(self.tr("Commonest decline reasons"))
        bars = QBarSet(self.tr("Declines"))
        reasons = list(reversed(self.reasons))  # most frequent at the top
        for _reason, count in reasons:
            bars.append(count)
        series = QHorizontalBarSeries()
        series.append(bars)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        language = current_language()
        self.reason_labels = [reason_label(r, language)[:60] for r, _ in reasons]
        axis_y.append(self.reason_labels or [""])
        axis_x = QValueAxis()
        top = max([c for _, c in reasons] or [1])
        step = max(1, -(-top // 8))  # whole numbers only: a count of declines has no fractions
        axis_x.setRange(0, step * -(-top // step))
        axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_x.setTickAnchor(0)
        axis_x.setTickInterval(step)
        axis_x.setLabelFormat("%d")
        self.reason_axis = axis_x
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().setVisible(False)
        view = QChartView(chart, self)
        view.setAccessibleName(self.tr("Decline reasons chart"))
        return view
