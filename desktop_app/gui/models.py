"""Item models for the views: the case list (with its search/status filter), listings and URL previews."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core.decline_reasons import reason_label
from desktop_app.core.model import CaseStatus, CaseSummary, Listing
from desktop_app.gui.names import current_language, marketplace_name

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3


def status_label(status: CaseStatus | str) -> str:
    """The translated name of a case status."""
    labels = {
        "draft": QCoreApplication.translate("Status", "Draft"),
        "ready": QCoreApplication.translate("Status", "Ready"),
        "not_ready": QCoreApplication.translate("Status", "Not ready"),
        "exported": QCoreApplication.translate("Status", "Exported"),
        "submitted": QCoreApplication.translate("Status", "Submitted"),
        "accepted": QCoreApplication.translate("Status", "Accepted"),
        "declined": QCoreApplication.translate("Status", "Declined"),
    }
    return labels.get(str(status), str(status))


_STATUS_COLOURS = {
    "ready": "#2e7d32",
    "not_ready": "#c62828",
    "accepted": "#2e7d32",
    "declined": "#c62828",
    "exported": "#1565c0",
    "submitted": "#6a1b9a",
}


class CaseTableModel(QAbstractTableModel):
    """Every case with status, marketplace, mark and the counts of blockers and warnings."""

    COLUMNS = ("reference", "title", "status", "marketplace", "mark", "blockers", "warnings")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseSummary] = []

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("CaseTable", "Reference"),
            QCoreApplication.translate("CaseTable", "Title"),
            QCoreApplication.translate("CaseTable", "Status"),
            QCoreApplication.translate("CaseTable", "Marketplace"),
            QCoreApplication.translate("CaseTable", "Mark"),
            QCoreApplication.translate("CaseTable", "Blockers"),
            QCoreApplication.translate("CaseTable", "Warnings"),
        ]

    def set_cases(self, rows: Sequence[CaseSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def row_of(self, case_id: int) -> int:
        for i, summary in enumerate(self._rows):
            if summary.id == case_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == IdRole:
            return s.id
        if role == StatusRole:
            return str(s.status)
        if role in (Qt.ItemDataRole.DisplayRole, SortRole, Qt.ItemDataRole.ToolTipRole):
            values: dict[str, Any] = {
                "reference": s.reference,
                "title": s.title,
                "status": status_label(s.status),
                "marketplace": ", ".join(marketplace_name(m) for m in s.marketplaces),
                "mark": ", ".join(s.marks),
                "blockers": s.blockers,
                "warnings": s.warnings,
            }
            value = values[col]
            if role == SortRole:
                return -1 if value is None else value
            if col in ("blockers", "warnings"):
                return "–" if value is None else str(value)
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == "status" and str(s.status) in _STATUS_COLOURS:
                return QBrush(QColor(_STATUS_COLOURS[str(s.status)]))
            if col == "blockers" and s.blockers:
                return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("blockers", "warnings"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class CaseFilterProxy(QSortFilterProxyModel):
    """Free-text search over every column, and an optional status filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._status: str = ""
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_status_filter(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self._status and model.data(model.index(source_row, 0, source_parent), StatusRole) != self._status:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class ListingTableModel(QAbstractTableModel):
    """Listings (of a case, or parsed from pasted text): URL, marketplace, id and a status message.

    ``rows`` holds (url, marketplace, listing_id, ok, message); the model knows nothing of parsing.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, bool, str]] = []
        self._tips: dict[int, str] = {}

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ListingTable", "URL"),
            QCoreApplication.translate("ListingTable", "Marketplace"),
            QCoreApplication.translate("ListingTable", "Listing id"),
            QCoreApplication.translate("ListingTable", "Status"),
        ]

    def set_rows(self, rows: Sequence[tuple[str, str, str, bool, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._tips = {}
        self.endResetModel()

    def set_listings(self, listings: Sequence[Listing], problems: dict[int, list[str]] | None = None) -> None:
        """One row per listing; its status is red under a blocker from the last checks or with no
        screenshot (the listing cannot be proved), green otherwise."""
        problems = problems or {}
        rows, tips = [], {}
        for i, x in enumerate(listings):
            parsed = bool(x.marketplace and x.listing_id)
            if problems.get(i):
                status = QCoreApplication.translate("ListingTable", "%n blocker(s)", "", len(problems[i]))
                tips[i] = "\n".join(problems[i])
            elif not x.screenshots:
                status = QCoreApplication.translate("ListingTable", "No screenshot yet")
            else:
                status = QCoreApplication.translate(
                    "ListingTable", "%n screenshot(s)", "", len(x.screenshots)
                )
            ok = parsed and not problems.get(i) and bool(x.screenshots)
            rows.append((x.url, marketplace_name(x.marketplace), x.listing_id, ok, status))
        self.set_rows(rows)
        self._tips = tips

    def row(self, i: int) -> tuple[str, str, str, bool, str]:
        return self._rows[i]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 4
        ):
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        url, mkt, lid, ok, message = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3 and index.row() in self._tips:
            return self._tips[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (url, mkt, lid, message)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not ok:
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 3:
            return QColor("#2e7d32") if ok else QColor("#c62828")
        return None


class ListingDecisionModel(QAbstractTableModel):
    """The listings one complaint carried (core ``outcomes.ListingOutcome``): id, URL, decision, reason.

    A decision recorded in the store is shown as is and cannot be changed; the user marks the others
    accepted or declined (``mark``), and ``pending`` is what recording will send to core in one call.
    """

    COLUMNS = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []  # ListingOutcome
        self._pending: dict[str, tuple[bool, str]] = {}  # listing id -> (accepted, reason code)

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ListingDecisions", "Listing id"),
            QCoreApplication.translate("ListingDecisions", "URL"),
            QCoreApplication.translate("ListingDecisions", "Decision"),
            QCoreApplication.translate("ListingDecisions", "Reason"),
        ]

    def set_listings(self, rows: Sequence[Any], pending: dict[str, tuple[bool, str]] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        undecided = {r.listing_id for r in self._rows if not r.decision}
        self._pending = {k: v for k, v in (pending or {}).items() if k in undecided}
        self.endResetModel()

    @property
    def pending(self) -> dict[str, tuple[bool, str]]:
        return dict(self._pending)

    def listing_at(self, row: int) -> Any:
        return self._rows[row]

    def mark(self, rows: Sequence[int], accepted: bool | None, reason: str = "") -> int:
        """Mark the undecided listings among ``rows`` accepted, declined (with ``reason``), or unmarked
        (``accepted`` None); decisions already recorded are left alone. Returns how many changed."""
        changed = []
        for row in rows:
            item = self._rows[row]
            if item.decision:
                continue
            if accepted is None:
                if self._pending.pop(item.listing_id, None) is not None:
                    changed.append(row)
            else:
                self._pending[item.listing_id] = (accepted, "" if accepted else reason)
                changed.append(row)
        if changed:  # one signal for the whole span, not one per row
            self.dataChanged.emit(self.index(min(changed), 2), self.index(max(changed), 3))
        return len(changed)

    def counts(self) -> dict[str, int]:
        """Recorded and marked decisions of the listings shown, and those left undecided."""
        out = {"accepted": 0, "declined": 0, "marked_accepted": 0, "marked_declined": 0, "undecided": 0}
        for r in self._rows:
            if r.decision:
                out[r.decision] = out.get(r.decision, 0) + 1
            elif r.listing_id in self._pending:
                out["marked_accepted" if self._pending[r.listing_id][0] else "marked_declined"] += 1
            else:
                out["undecided"] += 1
        return out

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section] if 0 <= section < self.COLUMNS else None
        return None

    def _decision(self, item: Any) -> tuple[str, str, bool]:
        """(decision, reason code, recorded) of a listing: recorded, else marked, else ("", "", False)."""
        if item.decision:
            return item.decision, item.reason, True
        if item.listing_id in self._pending:
            accepted, reason = self._pending[item.listing_id]
            return ("accepted" if accepted else "declined"), reason, False
        return "", "", False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        decision, reason, recorded = self._decision(item)
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return item.listing_id
            if col == 1:
                return item.url
            if col == 2:
                if not decision:
                    return QCoreApplication.translate("ListingDecisions", "Undecided")
                if recorded:
                    return f"{status_label(decision)} {item.decided_at[:10]}".strip()
                return QCoreApplication.translate("ListingDecisions", "%1 (not recorded yet)").replace(
                    "%1", status_label(decision)
                )
            if col == 3:
                return reason_label(reason, current_language()) if reason else ""
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and decision:
            return QBrush(QColor(_STATUS_COLOURS.get(decision, "#000000")))
        if role == Qt.ItemDataRole.FontRole and col == 2 and decision and not recorded:
            font = QFont()
            font.setItalic(True)
            return font
        if role == IdRole:
            return item.listing_id
        return None
