"""What the frozen build keeps and leaves out (packaging/bundle_filter.py, used by build_installer.spec)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_filter  # noqa: E402

LANGS = ("zh_CN",)
QT = "PySide6/Qt"


@pytest.mark.parametrize(
    "dest",
    [
        f"{QT}/lib/libQt6WebEngineCore.so.6",
        f"{QT}/lib/libQt6Quick.so.6",
        f"{QT}/lib/libQt6Qml.so.6",
        f"{QT}/lib/libQt63DCore.so.6",
        f"{QT}/lib/libQt6Multimedia.so.6",
        f"{QT}/lib/libQt6Test.so.6",
        "PySide6/Qt6WebEngineCore.dll",
        "PySide6/Qt6Quick.dll",
        f"{QT}/plugins/platforms/libqeglfs.so",
        f"{QT}/plugins/platforms/libqvnc.so",
        f"{QT}/plugins/platforms/libqlinuxfb.so",
        f"{QT}/plugins/generic/libqevdevmouseplugin.so",
        f"{QT}/plugins/platformthemes/libqgtk3.so",
        f"{QT}/plugins/sqldrivers/libqsqlite.so",
        f"{QT}/plugins/multimedia/libffmpegmediaplugin.so",
        f"{QT}/plugins/tls/libqopensslbackend.so",
        f"{QT}/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{QT}/translations/qtbase_de.qm",
        f"{QT}/translations/qt_help_zh_CN.qm",
        "cv2/qt/plugins/platforms/libqxcb.so",
        "cv2/qt/fonts/DejaVuSans.ttf",
    ],
)
def test_left_out(dest: str) -> None:
    assert not bundle_filter.keep(dest, LANGS)


@pytest.mark.parametrize(
    "dest",
    [
        f"{QT}/lib/libQt6Core.so.6",
        f"{QT}/lib/libQt6Charts.so.6",
        f"{QT}/lib/libQt6Pdf.so.6",
        f"{QT}/lib/libQt6PdfWidgets.so.6",
        f"{QT}/lib/libQt6Svg.so.6",
        f"{QT}/lib/libQt6XcbQpa.so.6",
        f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/plugins/platforms/libqwayland.so",
        f"{QT}/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so",
        f"{QT}/plugins/imageformats/libqjpeg.so",
        f"{QT}/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        f"{QT}/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        f"{QT}/translations/qtbase_zh_CN.qm",
        f"{QT}/translations/qt_zh_CN.qm",
        "resources/demo_case/case.toml",
        "rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx",
        "onnxruntime/capi/libonnxruntime_providers_shared.so",
        "cv2/cv2.abi3.so",
    ],
)
def test_kept(dest: str) -> None:
    assert bundle_filter.keep(dest, LANGS)


def test_no_qt_module_the_app_imports_is_excluded() -> None:
    """Fails as soon as the GUI starts using a Qt module the build would leave out."""
    used = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "the app imports no Qt module: the scan is broken"
    assert not used & set(bundle_filter.UNUSED_QT_MODULES)
    excluded = set(bundle_filter.EXCLUDED_MODULES)
    for name in ("QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia", "QtBluetooth", "QtTest"):
        assert f"PySide6.{name}" in excluded
    assert {"tkinter", "matplotlib"} <= excluded


def test_app_languages_come_from_resources(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "evidence_desk_ja_JP.ts").write_text("<TS/>", encoding="utf-8")
    assert bundle_filter.app_languages(tmp_path) == {"ja_JP", "zh_CN"}
    assert bundle_filter.keep(f"{QT}/translations/qtbase_ja_JP.qm", bundle_filter.app_languages(tmp_path))


def test_libraries_only_a_dropped_plugin_linked_are_removed_with_their_symlinks(tmp_path: Path) -> None:
    def lib(name: str) -> str:
        path = tmp_path / name
        path.write_bytes(b"\x7fELF")
        return str(path)

    links = {  # who links what, as the dynamic linker would resolve it
        lib("QtCore.abi3.so"): [lib("libQt6Core.so.6")],
        lib("libqxcb.so"): [lib("libQt6XcbQpa.so.6")],
        lib("libQt6XcbQpa.so.6"): [lib("libxcb-cursor.so.0"), lib("libQt6Core.so.6")],
        lib("libQt6EglFSDeviceIntegration.so.6"): [lib("libdrm.so.2")],
        lib("libcairo.so.2"): [],
        lib("libpython3.11.so.1.0"): [],
    }
    binaries = [
        ("PySide6/QtCore.abi3.so", str(tmp_path / "QtCore.abi3.so"), "EXTENSION"),
        (f"{QT}/plugins/platforms/libqxcb.so", str(tmp_path / "libqxcb.so"), "BINARY"),
        (f"{QT}/lib/libQt6Core.so.6", str(tmp_path / "libQt6Core.so.6"), "BINARY"),
        (f"{QT}/lib/libQt6XcbQpa.so.6", str(tmp_path / "libQt6XcbQpa.so.6"), "BINARY"),
        (
            f"{QT}/lib/libQt6EglFSDeviceIntegration.so.6",
            str(tmp_path / "libQt6EglFSDeviceIntegration.so.6"),
            "BINARY",
        ),
        ("libxcb-cursor.so.0", str(tmp_path / "libxcb-cursor.so.0"), "BINARY"),
        ("libdrm.so.2", str(tmp_path / "libdrm.so.2"), "BINARY"),
        ("libcairo.so.2", str(tmp_path / "libcairo.so.2"), "BINARY"),
        ("libpython3.11.so.1.0", str(tmp_path / "libpython3.11.so.1.0"), "BINARY"),
    ]
    datas = [
        ("libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6EglFSDeviceIntegration.so.6", f"{QT}/lib/libQt6EglFSDeviceIntegration.so.6", "SYMLINK"),
        ("resources/nice/classes.json", str(ROOT / "resources" / "nice" / "classes.json"), "DATA"),
    ]
    kept_bins, kept_datas = bundle_filter.drop_unreferenced(binaries, datas, lambda p: links.get(p, []))
    assert {d for d, _s, _c in kept_bins} == {
        "PySide6/QtCore.abi3.so",
        f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/lib/libQt6Core.so.6",
        f"{QT}/lib/libQt6XcbQpa.so.6",
        "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
    }
    assert [d for d, _s, _c in kept_datas] == ["libQt6Core.so.6", "resources/nice/classes.json"]


def test_forbidden_files_finds_excluded_libraries_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "_internal").mkdir()
    (tmp_path / "_internal" / "libQt6Core.so.6").write_bytes(b"x")
    (tmp_path / "_internal" / "libQt6QuickWidgets.so.6").write_bytes(b"x")
    assert [p.name for p in bundle_filter.forbidden_files(tmp_path)] == ["libQt6QuickWidgets.so.6"]
