"""Run-time hook of the console executable, replacing PyInstaller's PySide6 hook there.

PyInstaller's hook imports PySide6.QtCore at start-up (to register a qt.conf, which PySide6's PyPI
wheels already embed), costing every command-line call a third of a second for Qt it never uses. This
hook sets the same plugin path and leaves the import to the one command that opens the window.
"""

import os
import sys


def _pyi_rthook() -> None:
    base = sys._MEIPASS  # type: ignore[attr-defined]  # set by the PyInstaller bootloader
    if sys.platform.startswith("win"):
        qt_dir = os.path.join(base, "PySide6")
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")
    else:
        qt_dir = os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")


_pyi_rthook()
del _pyi_rthook
