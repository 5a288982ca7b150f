#!/usr/bin/env python3
"""Build the packaged application: PyInstaller one-folder build, audit, then a distributable archive.

    .venv/bin/python scripts/build_installer.py              # build + archive (Linux: tar.gz)
    .venv/bin/python scripts/build_installer.py --no-build   # archive an existing dist/evidence-desk

Outputs (all under dist/, which is git-ignored):
    dist/evidence-desk/                               the folder: evidence-desk (CLI), evidence-desk-gui
    dist/evidence-desk-<version>-linux-<arch>.tar.gz  the archive, with a .sha256 beside it
    dist/build-report.json                            version, folder size, archive size and digest

Debug info is stripped from the shared libraries patchelf did not rewrite (libpython: 15 MiB).
The tar.gz is reproducible for the same folder: members sorted, owners and times fixed (mtime from
SOURCE_DATE_EPOCH or the last commit), gzip header without name or time. An AppImage is made only when
``appimagetool`` is on PATH: neither PyPI nor Debian 12 ships it (the PyPI AppImage builders download
it from the internet at build time), so on a machine limited to those registries the tar.gz is the
Linux deliverable. Windows and macOS steps: docs/installer.md.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
FOLDER = DIST / "evidence-desk"
EXECUTABLES = ("evidence-desk", "evidence-desk-gui")

sys.path.insert(0, str(ROOT / "packaging"))
import bundle_filter  # noqa: E402


def say(msg: str) -> None:
    print(f"[build] {msg}", file=sys.stderr, flush=True)


def package_version() -> str:
    """desktop_app.__version__, read from the source (same rule as the spec)."""
    tree = ast.parse((ROOT / "desktop_app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__version__" for t in node.targets):
            return str(ast.literal_eval(node.value))
    raise SystemExit("desktop_app.__version__ not found")


def check_environment() -> None:
    """Refuse to build from an environment whose packages would produce a broken folder."""
    try:
        importlib.metadata.version("opencv-python")
    except importlib.metadata.PackageNotFoundError:
        pass
    else:
        raise SystemExit(
            "opencv-python is installed: its bundled Qt plugins break PySide6; uninstall it and "
            "keep opencv-python-headless (scripts/dev.py setup does this)"
        )
    importlib.metadata.version("pyinstaller")  # raises with a clear name when missing


def run_pyinstaller(nice: int) -> float:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--workpath",
        str(WORK),
        "--distpath",
        str(DIST),
        str(SPEC),
    ]
    if nice and shutil.which("nice"):
        cmd = ["nice", "-n", str(nice), *cmd]
    say("running " + " ".join(cmd[-8:]))
    started = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True)
    return time.monotonic() - started


def _is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def _patched_by_auditwheel(path: Path, readelf: str) -> bool:
    """Vendored wheel libraries and the modules linking them were rewritten by patchelf (they carry an
    RPATH/RUNPATH); strip breaks their segment layout ("ELF load command ... not page-aligned")."""
    if any(part.endswith(".libs") for part in path.parts):
        return True
    dynamic = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True).stdout
    return "RPATH" in dynamic or "RUNPATH" in dynamic


def strip_debug_info(folder: Path) -> int:
    """Remove debug sections from shared libraries that are safe to strip (Linux); returns bytes saved.

    The Python library (15 MiB of DWARF) and some extension modules ship with debug info.
    ``--strip-debug`` keeps every symbol. Left alone: the two executables (PyInstaller appends its
    archive to them) and anything patchelf rewrote (see :func:`_patched_by_auditwheel`).
    """
    strip, readelf = shutil.which("strip"), shutil.which("readelf")
    if not sys.platform.startswith("linux") or not strip or not readelf:
        return 0
    libs = [
        p
        for p in sorted(folder.rglob("*.so*"))
        if p.is_file() and not p.is_symlink() and _is_elf(p) and not _patched_by_auditwheel(p, readelf)
    ]
    before = sum(p.stat().st_size for p in libs)
    for i in range(0, len(libs), 64):
        subprocess.run([strip, "--strip-debug", *map(str, libs[i : i + 64])], check=True)
    return before - sum(p.stat().st_size for p in libs)


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a folder, symlinks counted as links (as the archive stores them)."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or path.is_file():
            total += path.lstat().st_size
            count += 1
    return total, count


def largest_parts(folder: Path, top: int = 8) -> list[tuple[str, int]]:
    internal = folder / "_internal"
    sizes = []
    for child in internal.iterdir():
        size = child.lstat().st_size if child.is_symlink() or child.is_file() else folder_size(child)[0]
        sizes.append((child.name, size))
    return sorted(sizes, key=lambda item: -item[1])[:top]


def audit(folder: Path) -> None:
    """Fail the build when the folder lacks what the app needs or carries what was excluded."""
    problems = []
    for exe in EXECUTABLES:
        name = exe + (".exe" if sys.platform == "win32" else "")
        if not (folder / name).is_file():
            problems.append(f"missing executable {name}")
    internal = folder / "_internal"
    for src in sorted((ROOT / "resources").rglob("*")):
        if src.is_file() and src.suffix != ".ts" and "__pycache__" not in src.parts:
            if not (internal / src.relative_to(ROOT)).is_file():
                problems.append(f"missing resource {src.relative_to(ROOT)}")
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        if not (internal / "resources" / "translations" / ts.with_suffix(".qm").name).is_file():
            problems.append(f"missing compiled translation {ts.with_suffix('.qm').name}")
    if not list(internal.glob("rapidocr_onnxruntime/models/*.onnx")):
        problems.append("missing OCR models (rapidocr_onnxruntime/models/*.onnx)")
    for bad in bundle_filter.forbidden_files(folder):
        problems.append(f"excluded Qt library present: {bad.relative_to(folder)}")
    for link in folder.rglob("*"):
        if link.is_symlink() and not link.exists():
            problems.append(f"dangling symlink {link.relative_to(folder)}")
    if problems:
        raise SystemExit("build audit failed:\n  " + "\n  ".join(problems))


def source_date_epoch() -> int:
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return int(out.stdout.strip()) if out.returncode == 0 and out.stdout.strip().isdigit() else 0


def make_tarball(folder: Path, out: Path, top: str, mtime: int, extras: dict[str, Path]) -> None:
    """Sorted members, fixed owner/time, normalised modes, gzip header without name or time."""

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        info.mtime = mtime
        if info.isdir() or info.mode & 0o111:
            info.mode = 0o755
        elif not info.issym():
            info.mode = 0o644
        return info

    tmp = out.with_name(out.name + ".part")
    with (
        open(tmp, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as gz,
    ):
        with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
            tar.add(folder, arcname=top, recursive=False, filter=normalise)
            for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
                arcname = f"{top}/{path.relative_to(folder).as_posix()}"
                tar.add(path, arcname=arcname, recursive=False, filter=normalise)
            for arcname, path in sorted(extras.items()):
                tar.add(path, arcname=f"{top}/{arcname}", recursive=False, filter=normalise)
    tmp.replace(out)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def make_appimage(folder: Path, version: str, arch: str) -> Path | None:
    """An AppImage when appimagetool is available; None (with the reason on stderr) otherwise."""
    tool = shutil.which("appimagetool")
    if not tool:
        say(
            "AppImage skipped: appimagetool is not installed, and neither PyPI nor Debian 12 ships it "
            "(see docs/installer.md); the tar.gz is the Linux deliverable"
        )
        return None
    appdir = WORK / "EvidenceDesk.AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(folder, appdir / "usr" / "lib" / "evidence-desk", symlinks=True)
    (appdir / "AppRun").symlink_to("usr/lib/evidence-desk/evidence-desk-gui")
    shutil.copy2(ROOT / "packaging" / "linux" / "evidence-desk.desktop", appdir / "evidence-desk.desktop")
    shutil.copy2(ROOT / "packaging" / "linux" / "evidence-desk.svg", appdir / "evidence-desk.svg")
    out = DIST / f"evidence-desk-{version}-linux-{arch}.AppImage"
    subprocess.run(
        [tool, "--no-appstream", str(appdir), str(out)], check=True, env=dict(os.environ, ARCH=arch)
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="archive the existing dist/evidence-desk")
    parser.add_argument("--nice", type=int, default=10, help="CPU niceness of the PyInstaller run (0: none)")
    parser.add_argument("--no-archive", action="store_true", help="build and audit the folder only")
    parser.add_argument("--no-strip", action="store_true", help="keep debug info in the shared libraries")
    args = parser.parse_args(argv)

    version = package_version()
    arch = platform.machine().lower() or "unknown"
    report: dict[str, object] = {"version": version, "platform": sys.platform, "arch": arch}
    if not args.no_build:
        check_environment()
        report["build_seconds"] = round(run_pyinstaller(args.nice), 1)
        if not args.no_strip:
            saved = strip_debug_info(FOLDER)
            report["debug_info_stripped_bytes"] = saved
            say(f"stripped debug info from the shared libraries: {saved / 2**20:.1f} MiB saved")
    if not FOLDER.is_dir():
        raise SystemExit(f"{FOLDER} does not exist: run without --no-build first")
    audit(FOLDER)
    size, files = folder_size(FOLDER)
    report.update(
        folder=str(FOLDER.relative_to(ROOT)),
        folder_bytes=size,
        folder_files=files,
        largest=dict(largest_parts(FOLDER)),
    )
    say(f"folder {FOLDER.relative_to(ROOT)}: {size / 2**20:.1f} MiB in {files} files")

    if not args.no_archive and sys.platform.startswith("linux"):
        out = DIST / f"evidence-desk-{version}-linux-{arch}.tar.gz"
        extras = {
            "evidence-desk.desktop": ROOT / "packaging" / "linux" / "evidence-desk.desktop",
            "evidence-desk.svg": ROOT / "packaging" / "linux" / "evidence-desk.svg",
            "INSTALL.txt": ROOT / "packaging" / "linux" / "INSTALL.txt",
        }
        say(f"writing {out.relative_to(ROOT)}")
        make_tarball(FOLDER, out, f"evidence-desk-{version}", source_date_epoch(), extras)
        digest = sha256(out)
        out.with_name(out.name + ".sha256").write_text(f"{digest}  {out.name}\n", encoding="utf-8")
        report.update(
            archive=str(out.relative_to(ROOT)), archive_bytes=out.stat().st_size, archive_sha256=digest
        )
        say(f"archive {out.name}: {out.stat().st_size / 2**20:.1f} MiB, sha256 {digest[:16]}…")
        appimage = make_appimage(FOLDER, version, arch)
        report["appimage"] = str(appimage.relative_to(ROOT)) if appimage else None
    elif not args.no_archive:
        say("not Linux: make the installer with the platform's steps in docs/installer.md")

    (DIST / "build-report.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
