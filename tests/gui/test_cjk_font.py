"""A workstation without any Chinese font still shows the Chinese interface: the app falls back to the
font it ships. Run in a child process whose fontconfig knows only one Latin font."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from desktop_app.core.resources import resource_path

PROBE = """
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QLabel
from desktop_app.gui.app import create_application
app = create_application([])
label = QLabel("商标注册号")
print("HAN", ",".join(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)))
print("GLYPHS", all(QFontMetrics(label.font()).inFont(c) for c in "商标注册号"))
"""


def _run(tmp_path: Path, with_han_font: bool) -> str:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(resource_path("fonts", "DejaVuSans.ttf"), fonts)
    if with_han_font:
        shutil.copy(resource_path("fonts", "DroidSansFallbackFull.ttf"), fonts / "SystemHan.ttf")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_without_a_chinese_font_the_bundled_one_is_used(tmp_path: Path) -> None:
    out = _run(tmp_path, with_han_font=False)
    assert "HAN Droid Sans Fallback" in out and "GLYPHS True" in out


def test_with_a_chinese_font_installed_it_is_used(tmp_path: Path) -> None:
    out = _run(tmp_path, with_han_font=True)
    han = out.split("HAN ", 1)[1].splitlines()[0].split(",")
    assert han == ["Droid Sans Fallback"] and "GLYPHS True" in out
