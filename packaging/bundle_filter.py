"""What the frozen build leaves out: unused Qt modules, plugins and translations, and other dead weight.

Imported by ``build_installer.spec`` (PyInstaller runs the spec with its own interpreter) and by the
build script's post-build audit, so the two agree on what must never be in the folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

# Python modules never needed at run time. Qt modules the app does not use are listed so that even an
# indirect import cannot drag them (and their multi-megabyte libraries, plugins and QML) into the folder.
UNUSED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDataVisualization", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPositioning",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)

EXCLUDED_MODULES = (
    *(f"PySide6.{name}" for name in UNUSED_QT_MODULES),
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "matplotlib", "IPython", "jupyter_client",
    "pytest", "pytestqt", "pytest_socket", "pytest_timeout", "_pytest", "sympy", "scipy", "pandas",
    "torch", "tensorflow", "PyInstaller", "setuptools", "pip", "docutils", "pydoc_data",
    # pyHanko's requests-based fetchers: validation here is offline (allow_fetching=False). aiohttp stays:
    # pyhanko.sign.timestamps imports it unconditionally (the smoke test's export step fails without it).
    "requests",
    # onnxruntime's developer tooling (model conversion/quantisation), never used for inference.
    "onnxruntime.transformers", "onnxruntime.quantization", "onnxruntime.tools", "onnxruntime.training",
)

# Qt shared libraries that must never reach the folder, whatever pulled them in.
_FORBIDDEN_QT_LIB = re.compile(
    r"libQt6(WebEngine|WebView|Quick|Qml|3D|Multimedia|Bluetooth|Nfc|Positioning|Location|Sensors|"
    r"SerialPort|SerialBus|WebSockets|WebChannel|Designer|Help|Test|Sql|DataVisualization|Graphs|"
    r"RemoteObjects|Scxml|TextToSpeech|SpatialAudio|HttpServer|ShaderTools|Charts3D)"
    r"|Qt6(WebEngine|Quick|Qml|3D|Multimedia)\w*\.dll|Qt(WebEngine|Quick|Qml|3D|Multimedia)\w*\.framework"
)

# Plugin folders kept, and within platforms/ the platform integrations kept (X11, Wayland, offscreen
# for headless use, and the Windows/macOS ones for those builds).
KEPT_PLUGIN_TYPES = frozenset({
    "platforms", "platformthemes", "platforminputcontexts", "imageformats", "iconengines", "styles",
    "xcbglintegrations", "wayland-shell-integration", "wayland-decoration-client",
    "wayland-graphics-integration-client",
})
KEPT_PLATFORMS = re.compile(r"(lib)?q(xcb|offscreen|wayland(-egl|-generic)?|windows|cocoa)\.(so|dll|dylib)$")
# Within kept plugin types, plugins that only make sense with libraries the folder does not carry: the
# GTK theme (needs GTK itself, half of which would otherwise be copied from the build machine) and the
# virtual keyboard (QML/Quick).
DROPPED_PLUGINS = re.compile(r"(lib)?q(gtk3|tvirtualkeyboardplugin)\.(so|dll|dylib)$")


def app_languages(resources_dir: Path) -> frozenset[str]:
    """The interface languages the app ships translations for (``evidence_desk_<lang>.ts``/``.qm``)."""
    folder = resources_dir / "translations"
    langs = {p.stem.removeprefix("evidence_desk_") for p in folder.glob("evidence_desk_*.*")}
    return frozenset(langs | {"zh_CN"})


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def keep(dest: str, languages: Iterable[str]) -> bool:
    """Whether a file that PyInstaller collected (by destination path in the folder) belongs in it."""
    parts = _parts(dest)
    name = parts[-1]
    if _FORBIDDEN_QT_LIB.search(name):
        return False
    if parts[0] == "cv2" and "qt" in parts[1:-1]:  # opencv-python's own Qt plugins and fonts
        return False
    if "plugins" in parts and "Qt" in parts:
        plugin_type = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) - 1 else ""
        if plugin_type not in KEPT_PLUGIN_TYPES:
            return False
        if plugin_type == "platforms" and not KEPT_PLATFORMS.search(name):
            return False
        if DROPPED_PLUGINS.search(name):
            return False
    if "translations" in parts and "Qt" in parts and name.endswith(".qm"):
        return any(name in (f"qt_{lang}.qm", f"qtbase_{lang}.qm") for lang in languages)
    return True


def prune(toc: list[tuple[str, str, str]], languages: Iterable[str]) -> list[tuple[str, str, str]]:
    """The TOC without the entries :func:`keep` refuses."""
    langs = tuple(languages)
    return [entry for entry in toc if keep(entry[0], langs)]


def _is_gc_candidate(dest: str, typecode: str) -> bool:
    """Shared libraries collected only because something links them (not modules, plugins or ctypes libs)."""
    if typecode != "BINARY" or _parts(dest)[-1].startswith(("libpython", "python3")):
        return False
    parts = _parts(dest)
    return len(parts) == 1 or parts[:3] == ["PySide6", "Qt", "lib"]


def drop_unreferenced(binaries: list[tuple[str, str, str]], datas: list[tuple[str, str, str]],
                      imports: Callable[[str], Iterable[str | None]]
                      ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Remove linked-only libraries that no kept binary links to any more, and symlinks to them.

    PyInstaller resolves library dependencies before the spec can prune plugins, so the libraries that
    only a dropped plugin needed (EGLFS, virtual keyboard, GTK) are still listed; ``imports(path)``
    gives the resolved paths a binary links to. Returns the new (binaries, datas).
    """
    real = {os.path.realpath(src): dest for dest, src, code in binaries if code in ("BINARY", "EXTENSION")}
    stack = [os.path.realpath(src) for dest, src, code in binaries
             if code in ("BINARY", "EXTENSION") and not _is_gc_candidate(dest, code)]
    reached: set[str] = set()
    while stack:
        path = stack.pop()
        if path in reached:
            continue
        reached.add(path)
        stack.extend(r for r in (os.path.realpath(p) for p in imports(path) if p) if r in real)
    dropped = {dest.replace("\\", "/") for dest, src, code in binaries
               if _is_gc_candidate(dest, code) and os.path.realpath(src) not in reached}

    def kept(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
        return [(dest, src, code) for dest, src, code in toc
                if dest.replace("\\", "/") not in dropped
                and not (code == "SYMLINK" and src.replace("\\", "/") in dropped)]

    return kept(binaries), kept(datas)


def forbidden_files(folder: Path) -> list[Path]:
    """Files in a built folder that should have been left out (the build's post-build audit)."""
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and _FORBIDDEN_QT_LIB.search(p.name)]
