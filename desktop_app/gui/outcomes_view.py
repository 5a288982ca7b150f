"""Outcomes: record a submission or a decision, and the dashboard (success rate vs 90%, decline reasons)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import UserError
from desktop_app.gui.context import AppContext


class OutcomeDialog(QDialog):
    """``kind`` "submitted" asks for the complaint number; "decided" for accepted/declined and the reason."""

    def __init__(self, ctx: AppContext, case_id: int, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id, self.kind = ctx, case_id, kind
        case = ctx.store.cases.get(case_id)
        form = QFormLayout(self)
        self.number = QLineEdit(case.outcome.complaint_number, self)
        self.number.setAccessibleName(self.tr("Complaint number"))
        self.accepted = QRadioButton(self.tr("Accepted"), self)
        self.declined = QRadioButton(self.tr("Declined"), self)
        group = QButtonGroup(self)
        group.addButton(self.accepted)
        group.addButton(self.declined)
        self.accepted.setChecked(case.status != "declined")
        self.declined.setChecked(case.status == "declined")
        self.reason = QLineEdit(case.outcome.decline_reason, self)
        self.reason.setAccessibleName(self.tr("Decline reason"))
        self.reason.setPlaceholderText(self.tr("The reason the marketplace gave"))
        self.declined.toggled.connect(self.reason.setEnabled)
        self.reason.setEnabled(self.declined.isChecked())
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        if kind == "submitted":
            self.setWindowTitle(self.tr("Mark %1 submitted").replace("%1", case.reference))
            form.addRow(self.tr("Complaint number"), self.number)
        else:
            self.setWindowTitle(self.tr("Decision on %1").replace("%1", case.reference))
            form.addRow(self.tr("Decision"), self.accepted)
            form.addRow("", self.declined)
            form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def submit(self) -> bool:
        from desktop_app.core.outcomes import record_decision, record_submission

        try:
            if self.kind == "submitted":
                record_submission(self.ctx.store, self.case_id, self.number.text())
            else:
                record_decision(self.ctx.store, self.case_id, self.accepted.isChecked(), self.reason.text())
        except UserError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True


class DashboardDialog(QDialog):
    """Success rate per marketplace by month against the good-faith threshold; commonest decline reasons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop_app.core.outcomes import (
            GOOD_FAITH_THRESHOLD,
            decline_reasons,
            overall_rates,
            success_rates,
        )

        self.setWindowTitle(self.tr("Outcomes dashboard"))
        self.resize(900, 600)
        rows = ctx.store.cases.outcomes()
        self.points = success_rates(rows)
        self.reasons = decline_reasons(rows)
        overall = overall_rates(rows)
        tabs = QTabWidget(self)
        self.rate_chart = self._rate_chart(GOOD_FAITH_THRESHOLD)
        self.reason_chart = self._reason_chart()
        tabs.addTab(self.rate_chart, self.tr("Success rate"))
        tabs.addTab(self.reason_chart, self.tr("Decline reasons"))
        summary = QLabel(self)
        summary.setWordWrap(True)
        if overall:
            parts = [
                f"{m}: {p.rate:.0%} ({p.accepted}/{p.decided})" + (" ⚠" if p.below_threshold else "")
                for m, p in overall.items()
            ]
            summary.setText(
                self.tr("All-time success rate — %1. Alibaba IPP expects at least %2.")
                .replace("%1", "; ".join(parts))
                .replace("%2", f"{GOOD_FAITH_THRESHOLD:.0%}")
            )
        else:
            summary.setText(
                self.tr("No decided complaints yet: mark cases submitted, then record the decision.")
            )
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(tabs, 1)

    def _rate_chart(self, threshold: float) -> QWidget:
        from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis

        chart = QChart()
        chart.setTitle(self.tr("Success rate per marketplace (cumulative)"))
        months = sorted({p.period for p in self.points})
        axis_x = QCategoryAxis()  # one category per month, labelled YYYY-MM
        axis_x.setStartValue(-0.5)
        for i, month in enumerate(months):
            axis_x.append(month, i + 0.5)
        axis_x.setRange(-0.5, max(len(months), 1) - 0.5)
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%d%%")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for marketplace in sorted({p.marketplace for p in self.points}):
            series = QLineSeries()
            series.setName(marketplace)
            series.setPointsVisible(True)
            for p in (p for p in self.points if p.marketplace == marketplace):
                series.append(months.index(p.period), p.rate * 100)
            chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        if months:
            line = QLineSeries()
            line.setName(self.tr("Good-faith threshold %1").replace("%1", f"{threshold:.0%}"))
            line.append(-0.5, threshold * 100)
            line.append(len(months) - 0.5, threshold * 100)
            line.setPen(QPen(QColor("#c62828"), 2, Qt.PenStyle.DashLine))
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        view = QChartView(chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setAccessibleName(self.tr("Success rate chart"))
        self.rate_series_count = len(chart.series())
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
        axis_y.append([r[:50] for r, _ in reasons] or [""])
        axis_x = QValueAxis()
        axis_x.setRange(0, max([c for _, c in reasons] or [1]))
        axis_x.setLabelFormat("%d")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().setVisible(False)
        view = QChartView(chart, self)
        view.setAccessibleName(self.tr("Decline reasons chart"))
        return view
