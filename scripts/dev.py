#!/usr/bin/env python3
"""One entry point for developers and CI: set everything up, then run the app or the tests.

    python3 scripts/dev.py run      # launch Evidence Desk on the bundled demo case
    python3 scripts/dev.py test     # run the whole test suite (extra args go to pytest)
    python3 scripts/dev.py package  # build the installer folder + archive, then smoke-test the frozen app

Each run creates `.venv` and installs what is missing (Debian packages through apt when running as
root or with sudo, Python packages through pip). A stamp of the dependency files makes a second run
skip the installs, so it is fast.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".evidence-desk-deps"
DEP_FILES = [ROOT / "pyproject.toml", ROOT / "requirements" / "ocr.txt", Path(__file__).resolve()]

# Debian packages: the Qt xcb platform plugin's libraries, Xvfb for GUI smoke tests and screenshots,
# openssl and zip for the verifier round trips and benches.
DEBIAN_PACKAGES = [
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "xvfb",
    "xauth",
    "openssl",
    "zip",
    "poppler-utils",
    "sqlite3",  # tests edit a database as another tool would (audit chain tamper test)
]


def say(msg: str) -> None:
    print(f"[dev] {msg}", file=sys.stderr, flush=True)


def missing_debian_packages() -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for pkg in DEBIAN_PACKAGES:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
        if "install ok installed" not in r.stdout:
            missing.append(pkg)
    return missing


def ensure_system_packages() -> None:
    missing = missing_debian_packages()
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            say("missing Debian packages (install them, then re-run): " + " ".join(missing))
            return
        prefix = ["sudo", "-n"]
    say("installing Debian packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def deps_digest() -> str:
    h = hashlib.sha256()
    for f in DEP_FILES:
        h.update(f.read_bytes())
    h.update(sys.version.encode())
    return h.hexdigest()


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    py = venv_python()
    if not py.exists():
        say(f"creating virtual environment in {VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    digest = deps_digest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return py
    say("installing Python packages (first run, or dependencies changed)")
    pip = [str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run(pip + ["-e", f"{ROOT}[test,build]"], check=True)
    subprocess.run(pip + ["--no-deps", "-r", str(ROOT / "requirements" / "ocr.txt")], check=True)
    # opencv-python (non-headless) must never be present: its Qt plugins break PySide6 on X11.
    subprocess.run(
        [str(py), "-m", "pip", "uninstall", "-y", "-q", "opencv-python"], check=False, capture_output=True
    )
    STAMP.write_text(digest + "\n")
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "package", "setup"}:
        print(__doc__, file=sys.stderr)
        return 2
    cmd, rest = argv[0], argv[1:]
    ensure_system_packages()
    py = ensure_venv()
    if cmd == "setup":
        return 0
    if cmd == "run":
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            say(
                "no display: DISPLAY and WAYLAND_DISPLAY are unset. Run this from a desktop session, or on a "
                "virtual screen: xvfb-run -a python3 scripts/dev.py run"
            )
            return 2
        return subprocess.call([str(py), "-m", "desktop_app", "--demo", *rest], cwd=ROOT)
    if cmd == "package":
        built = subprocess.call([str(py), str(ROOT / "scripts" / "build_installer.py"), *rest], cwd=ROOT)
        if built != 0:
            return built
        return subprocess.call([str(py), str(ROOT / "scripts" / "smoke_frozen.py")], cwd=ROOT)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.call([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
