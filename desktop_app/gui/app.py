"""Application start-up: the QApplication, its look, its language, the store and the main window.

Kept light on purpose: the OCR engine, PDF and signing libraries load only when first needed, so the
window appears quickly (bench/bench_gui.py measures it).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QWidget

from desktop_app import APP_ID, APP_NAME, __version__
from desktop_app.core.errors import UserError
from desktop_app.core.paths import resolve_data_dir
from desktop_app.gui.i18n import LanguageSwitcher, system_language
from desktop_app.gui.messages import error_text
from desktop_app.gui.settings import ORGANIZATION, Preferences, open_settings

log = logging.getLogger(__name__)

SCREENSHOT_ENV = "EVIDENCE_DESK_SCREENSHOT"  # save the window to this PNG after the first checks, then quit
SCREENSHOT_TIMEOUT_MS = 180_000


def _follow_system_palette(app: QApplication) -> None:
    """Light or dark, as the system says; Fusion's standard palette honours the colour scheme."""
    app.setPalette(app.style().standardPalette())


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")
    _ensure_cjk_font(app)
    _follow_system_palette(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow_system_palette(app))
    app.setWindowIcon(
        app.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        if not QIcon.hasThemeIcon(APP_ID)
        else QIcon.fromTheme(APP_ID)
    )
    return app


def _ensure_cjk_font(app: QApplication) -> None:
    """Chinese text needs a font with Han characters; a workstation without one gets the font the app
    ships (the one its PDFs embed), as the fallback for the interface font. With one, nothing is loaded."""
    from PySide6.QtGui import QFont, QFontDatabase

    from desktop_app.core.resources import cjk_font_path

    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return
    font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        QFont.insertSubstitutions(app.font().family(), families)
        log.info("no Chinese font installed: using the bundled %s", families[0])


def _screenshot_after_checks(window: QWidget, path: str) -> None:
    """Smoke-test and documentation hook: once the first checks finish, save the window and quit."""
    app = QApplication.instance()

    def capture(*_args: object) -> None:
        if not window.runner.idle:  # let the last signals (buttons, status bar) settle first
            QTimer.singleShot(20, capture)
            return
        window.grab().save(path)
        window.close()
        app.quit()

    window.checks.report_ready.connect(capture)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: app.exit(3))


def run_gui(data_dir: str | None = None, demo: bool = False, *, settings_path: str | None = None) -> int:
    """Open the main window on the store in ``data_dir`` (or the configured one); returns the exit code."""
    started = time.perf_counter()
    app = create_application()
    prefs = Preferences(open_settings(settings_path))
    languages = LanguageSwitcher()
    languages.apply(prefs.language or system_language())

    from desktop_app.core.app_log import configure_logging, install_excepthook
    from desktop_app.core.store import Store
    from desktop_app.gui.main_window import MainWindow

    directory = resolve_data_dir(data_dir or prefs.data_dir or None)
    configure_logging(directory)
    install_excepthook()
    try:
        store = Store(directory)
    except (UserError, OSError) as exc:
        QMessageBox.critical(None, APP_NAME, error_text(exc))
        return 2
    window = MainWindow(store, prefs, languages)
    window.show()
    log.info("main window shown after %.3f s", time.perf_counter() - started)
    shot = os.environ.get(SCREENSHOT_ENV)
    if shot:
        _screenshot_after_checks(window, shot)
    window.open_initial_case(demo=demo or not prefs.first_launch_done)
    try:
        return int(app.exec())
    finally:
        store.close()


def main() -> int:
    """Entry point of the ``evidence-desk-gui`` script."""
    import multiprocessing

    multiprocessing.freeze_support()
    data_dir = None
    demo = "--demo" in sys.argv[1:]
    for i, arg in enumerate(sys.argv[1:], start=1):
        if arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        elif arg == "--data-dir" and i + 1 < len(sys.argv):
            data_dir = sys.argv[i + 1]
    return run_gui(data_dir=data_dir, demo=demo)


if __name__ == "__main__":
    raise SystemExit(main())
