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
from PySide6.QtGui import QBrush, QColor

from desktop_app.core.model import CaseStatus, CaseSummary, Listing
from desktop_app.gui.names import marketplace_name

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
