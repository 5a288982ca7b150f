"""A report on a large case stays quick to show: a findings group of hundreds of rows (the mark and id
found in each of 300 listings' screenshots) opens on a click rather than being laid out at once; small
groups (blockers, warnings) open as before."""

from __future__ import annotations

from desktop_app.core.checks.findings import CheckReport, EvidenceRef, Finding, Located
from desktop_app.gui.checks_panel import EXPANDED_GROUP_MAX_ROWS


def _ref(i: int) -> EvidenceRef:
    return EvidenceRef(f"listing-{i}.png", f"{i:064x}", 1, (1, 2, 3, 4))


def test_a_group_of_hundreds_of_rows_stays_closed_and_small_groups_open(window) -> None:  # noqa: ANN001
    located = [
        Located(
            "listing_id",
            f"{1005006000000 + i}",
            EvidenceRef(f"listing-{i}.png", f"{i:064x}", 1, (1, 2, 3, 4)),
        )
        for i in range(EXPANDED_GROUP_MAX_ROWS + 50)
    ]
    report = CheckReport("ED-2026-00001", [Finding("mark.not_found", "The mark is not shown.")], located, [])
    panel = window.checks
    panel.case_id = 7
    panel._done(7, report)
    groups = {panel.model.item(r).text(): panel.model.item(r) for r in range(panel.model.rowCount())}
    big = next(g for title, g in groups.items() if title.endswith(f"({len(located)})"))
    small = next(g for g in groups.values() if g is not big)
    assert big.rowCount() == len(located)  # every row is there, one click away
    assert not panel.tree.isExpanded(big.index()) and panel.tree.isExpanded(small.index())
    panel.tree.expand(big.index())
    assert panel.tree.isExpanded(big.index())
