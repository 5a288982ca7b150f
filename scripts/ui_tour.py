"""A scripted tour of the real window: the main workflow, a named PNG per step, layout checked at each.

    python scripts/ui_tour.py OUT [--lang en,zh_CN] [--size 1280x800,1920x1080]

Steps: empty start, the demo case checked, a new case, its certificate read in the rights library, a
screenshot added and checked, the deliberate mistake in the listing address caught (finding clicked) and
corrected, the filing sheet, export, verify, outcomes, settings. Each language and
size gets its own data folder and settings, and its pictures in OUT/<lang>-<w>x<h>/NN-step.png (an open
dialog is drawn over the window where Qt placed it, so the pictures look the same on a real X server and
offscreen). At each step the tour looks for what a user would see as broken: a dialog widget that no
layout manages or that overlaps another, a panel squashed below its minimum, a button cut short; in
Chinese, finding text left in English. It prints them and exits 1 when there is any.

Run it on a real X server (``../shared/tools/xshot`` or ``xvfb-run``) or with QT_QPA_PLATFORM=offscreen;
the tests run it offscreen.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QRect, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QDialog,
    QDockWidget,
    QWidget,
)

PASSPHRASE = "tour passphrase 42"
RIGHT_ID, WRONG_ID = "1005006123456789", "1005006123456780"  # the demo listing's id, and a typo of it
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


# -- what a user would see as broken -------------------------------------------------------------------


def overlapping_children(dialog: QWidget) -> list[tuple[str, str]]:
    """Pairs of visible direct children of ``dialog`` whose rectangles overlap (a stray widget shows
    through another), compared in the dialog's coordinates."""
    kids = dialog.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    shown = [w for w in kids if w.isVisible() and not w.isWindow() and w.width() > 0 and w.height() > 0]
    pairs = []
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            if QRect(a.geometry()).intersects(QRect(b.geometry())):
                pairs.append((_name(a), _name(b)))
    return pairs


def unmanaged_children(dialog: QWidget) -> list[str]:
    """Visible direct children no layout manages: they float at (0, 0) over the form."""
    layout = dialog.layout()
    managed: set[int] = set()

    def walk(lay) -> None:  # noqa: ANN001
        for i in range(lay.count()):
            item = lay.itemAt(i)
            if item.widget() is not None:
                managed.add(id(item.widget()))
            elif item.layout() is not None:
                walk(item.layout())

    if layout is not None:
        walk(layout)
    return [
        type(w).__name__
        for w in dialog.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if w.isVisible() and not w.isWindow() and id(w) not in managed
    ]


def _name(w: QWidget) -> str:
    return f"{type(w).__name__}:{w.objectName() or w.accessibleName()}"


def squashed(top: QWidget) -> list[str]:
    """Panels (docks and the central widget) narrower or shorter than their minimum size hint, and
    buttons too narrow for their own text."""
    out = []
    panels = [w for w in top.findChildren(QDockWidget) if w.isVisible()]
    central = getattr(top, "centralWidget", lambda: None)()
    if central is not None and central.isVisible():
        panels.append(central)
    for w in panels:
        hint = w.minimumSizeHint()
        if w.width() + 1 < min(hint.width(), 240) or w.height() + 1 < min(hint.height(), 80):
            out.append(f"{_name(w)} is {w.width()}x{w.height()}, needs {hint.width()}x{hint.height()}")
    for b in top.findChildren(QAbstractButton):
        if not b.isVisible() or not b.text() or b.width() <= 0:
            continue
        need = b.fontMetrics().horizontalAdvance(b.text().replace("&", "")) + 8
        if b.width() < need and b.sizeHint().width() > b.width() + 2:
            out.append(f'button "{b.text()}" is {b.width()} px wide, its text needs {need}')
    return out


def english_findings(window) -> list[str]:  # noqa: ANN001
    """Finding rows in the checks panel that read as English (no CJK character, Latin words)."""
    model = window.checks.model
    rows = []
    for g in range(model.rowCount()):
        group = model.item(g)
        for r in range(group.rowCount()):
            text = group.child(r).text()
            if not CJK.search(text) and LATIN_WORD.search(text):
                rows.append(text[:80])
    return rows


# -- driving the event loop --------------------------------------------------------------------------


def settle(ms: int = 150) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def wait_until(pred: Callable[[], bool], what: str, timeout: float = 180.0) -> None:
    end = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > end:
            raise TimeoutError(f"the tour waited {timeout:.0f} s for {what}")
        QApplication.processEvents()
        time.sleep(0.01)


def wait_task(task, what: str) -> None:  # noqa: ANN001
    if task is not None:
        wait_until(lambda: task.reaped, what)


# -- the tour ------------------------------------------------------------------------------------------


class Tour:
    def __init__(self, out: Path, work: Path, language: str, size: tuple[int, int]) -> None:
        self.out, self.work, self.language, self.size = out, work, language, size
        self.problems: list[str] = []
        self.shots: list[Path] = []

    def shot(self, name: str, dialog: QDialog | None = None) -> None:
        """Save the window (with ``dialog`` drawn where it sits) as NN-name.png; check the layout."""
        settle()
        picture = self.window.grab()
        if dialog is not None:
            overlay = dialog.grab()
            painter = QPainter(picture)
            pos = dialog.mapToGlobal(dialog.rect().topLeft()) - self.window.mapToGlobal(
                self.window.rect().topLeft()
            )
            x = min(max(pos.x(), 0), max(picture.width() - overlay.width(), 0))
            y = min(max(pos.y(), 0), max(picture.height() - overlay.height(), 0))
            painter.fillRect(
                QRect(x - 1, y - 1, overlay.width() + 2, overlay.height() + 2), Qt.GlobalColor.gray
            )
            painter.drawPixmap(x, y, overlay)
            painter.end()
            for kind, found in (
                ("not managed by a layout", unmanaged_children(dialog)),
                ("overlapping", overlapping_children(dialog)),
                ("squashed", squashed(dialog)),
            ):
                if found:
                    self.problems.append(f"{name}: {type(dialog).__name__} {kind}: {found}")
        found = squashed(self.window)
        if found:
            self.problems.append(f"{name}: window squashed: {found}")
        path = self.out / f"{len(self.shots) + 1:02d}-{name}.png"
        assert isinstance(picture, QPixmap)
        if not picture.save(str(path)):
            raise OSError(f"{path}: the picture could not be written")
        self.shots.append(path)

    def run(self) -> list[str]:
        from desktop_app.core.model import EvidenceKind
        from desktop_app.core.package.signing import create_identity
        from desktop_app.core.resources import demo_case_dir
        from desktop_app.core.store import Store
        from desktop_app.gui.i18n import LanguageSwitcher
        from desktop_app.gui.main_window import MainWindow
        from desktop_app.gui.settings import Preferences, open_settings

        self.out.mkdir(parents=True, exist_ok=True)
        data = self.work / "data"
        store = Store(data)
        prefs = Preferences(open_settings(str(self.work / "settings.ini")))
        prefs.first_launch_done = True  # the start page, not the demo, on the first picture
        prefs.language = self.language
        languages = LanguageSwitcher()
        languages.apply(self.language)
        create_identity(data, "Ann Lee", "Kestreline Apparel Inc.", PASSPHRASE)
        window = self.window = MainWindow(store, prefs, languages)
        window.resize(*self.size)
        window.show()
        demo = demo_case_dir()
        try:
            self.shot("start")

            wait_task(window.open_initial_case(demo=True), "the demo case to open")
            wait_until(lambda: window.checks.report is not None, "the demo's checks")
            self.shot("demo-checked")

            window.case_list.new_button.click()
            wait_until(lambda: window.case_id is not None and window.editor.case is not None, "a new case")
            case_id = window.case_id
            editor = window.editor
            QTest.keyClicks(editor.complainant_name, "Kestreline Apparel Inc.")  # typed, as a user does
            QTest.keyClicks(editor.title, "Jackets on AliExpress")
            # a deliberate mistake: the typed address names another listing than the screenshot shows
            editor.paste_box.setPlainText(f"https://www.aliexpress.com/item/{WRONG_ID}.html")
            editor.add_pasted_listings()
            editor.flush()
            self.shot("new-case")

            from desktop_app.gui.rights_library import RightsLibraryDialog

            library = RightsLibraryDialog(
                window.ctx, window, case_reference=editor.case.reference, for_case=True
            )
            library.right_chosen.connect(editor.add_right)
            library.resize(min(1100, self.size[0] - 40), min(720, self.size[1] - 40))
            library.show()
            wait_task(library.start_reading(str(demo / "files" / "certificate.pdf")), "the certificate")
            self.shot("certificate-read", library)
            library.save()
            library.close()
            editor.load(case_id)

            editor.listings_view.selectRow(0)
            wait_task(
                editor.add_files([str(demo / "files" / "listing.png")], EvidenceKind.SCREENSHOT), "a file"
            )
            wait_task(window.checks.run(), "the checks")
            self.shot("screenshot-checked")

            report = window.checks.report
            if report is not None and report.findings:
                first = report.sorted_findings()[0]
                index = window.checks.finding_index(first.code)
                window.checks.tree.setCurrentIndex(index)
                window.show_finding(first)
            self.shot("finding-clicked")
            if not (report and any(f.code == "listing.id_mismatch" for f in report.blockers)):
                self.problems.append("finding-clicked: the mistyped listing address was not caught")
            if self.language.startswith("zh"):
                english = english_findings(window)
                if english:
                    self.problems.append(
                        f"finding-clicked: {len(english)} finding(s) in English: {english[:3]}"
                    )

            def correct() -> None:  # the listing dialog runs its own event loop
                dialog = editor.listing_dialog
                dialog.url.setText(f"https://www.aliexpress.com/item/{RIGHT_ID}.html")
                self.shot("listing-corrected", dialog)
                dialog.accept()

            QTimer.singleShot(100, correct)
            editor.edit_listing(0)
            wait_task(window.checks.run(), "the checks")
            report = window.checks.report
            self.shot("fixed-and-ready")
            if report is None or report.verdict != "ready":
                self.problems.append("fixed-and-ready: the corrected case is not ready")

            window.filing_dialog = None
            window.show_filing_sheet()
            wait_until(lambda: window.filing_dialog is not None, "the filing sheet")
            sheet = window.filing_dialog
            sheet.resize(min(900, self.size[0] - 40), min(700, self.size[1] - 60))
            self.shot("filing-sheet", sheet)
            if not sheet.values:
                self.problems.append(f"filing-sheet: no sheet for the ready case ({sheet.message.text()})")
            sheet.close()

            from desktop_app.gui.export_dialog import ExportDialog

            export = ExportDialog(window.ctx, case_id, window)
            export.show()
            export.passphrase.setText(PASSPHRASE)
            (self.work / "out").mkdir()
            export.out_path.setText(str(self.work / "out"))
            export.allow_blockers.setChecked(bool(report and report.blockers))
            wait_task(export.start_export(), "the export")
            self.shot("exported", export)
            package = export.result.path if export.result is not None else None
            export.close()

            from desktop_app.gui.verify_dialog import VerifyDialog

            verify = VerifyDialog(window.ctx, window, str(package or ""))
            verify.show()
            if package is not None:
                wait_task(verify.start(), "verify")
            self.shot("verified", verify)
            verify.close()

            from desktop_app.gui.outcomes_view import DashboardDialog

            dashboard = DashboardDialog(window.ctx, window)
            dashboard.show()
            self.shot("outcomes", dashboard)
            dashboard.close()

            from desktop_app.gui.settings_dialog import SettingsDialog

            settings = SettingsDialog(window.ctx, self.language, window)
            settings.show()
            self.shot("settings", settings)
            settings.close()
        finally:
            window.close()
            window.runner.shutdown()
            store.close()
            languages.apply("en")
        return self.problems


def parse_size(text: str) -> tuple[int, int]:
    w, h = text.lower().split("x")
    return int(w), int(h)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="folder for the pictures")
    p.add_argument("--lang", default="en,zh_CN", help="languages, comma-separated (default en,zh_CN)")
    p.add_argument("--size", default="1280x800,1920x1080", help="window sizes (default 1280x800,1920x1080)")
    args = p.parse_args(argv)
    from desktop_app.gui.app import create_application

    app = create_application()  # as the app makes it: style, and the bundled Chinese font where none is
    app.setQuitOnLastWindowClosed(False)
    problems: list[str] = []
    for language in args.lang.split(","):
        for size in map(parse_size, args.size.split(",")):
            with tempfile.TemporaryDirectory(prefix="ui-tour-") as tmp:
                label = f"{language}-{size[0]}x{size[1]}"
                tour = Tour(args.out / label, Path(tmp), language, size)
                found = tour.run()
                print(f"{label}: {len(tour.shots)} pictures in {args.out / label}")
                problems += [f"{label}: {x}" for x in found]
    for line in problems:
        print("PROBLEM", line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
