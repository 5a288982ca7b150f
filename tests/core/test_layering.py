"""The core never loads Qt: every module under desktop_app.core imports in a process without PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop_app.core


def test_core_modules_do_not_load_pyside6() -> None:
    names = sorted(m.name for m in pkgutil.walk_packages(desktop_app.core.__path__, "desktop_app.core."))
    assert "desktop_app.core.store" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(','.join(bad))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "", f"Qt loaded by core: {r.stdout}"


def test_cli_modules_do_not_load_pyside6_until_the_window_opens() -> None:
    code = (
        "import sys, desktop_app.cli\n"
        "desktop_app.cli.build_parser()\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "False", r.stderr
