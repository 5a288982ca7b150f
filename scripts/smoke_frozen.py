#!/usr/bin/env python3
"""Smoke test of the frozen build: the packaged app works on its own, CLI and window.

    .venv/bin/python scripts/smoke_frozen.py                  # tests dist/evidence-desk
    .venv/bin/python scripts/smoke_frozen.py --folder DIR     # another unpacked build
    .venv/bin/python scripts/smoke_frozen.py --source         # the same scenario from source

With a temporary data directory, HOME and XDG folders, a minimal PATH and no Python variables, the
console executable imports the bundled demo case, runs the checks (OCR included: the reading cache
must hold OCR'd pages), creates a signing identity, exports a signed package and verifies it; then the
windowed executable starts on a private Xvfb, must show its main window (while it is shown, none of
its mapped files may come from a Python installation outside the folder), and must quit with exit
code 0 and nothing on stderr when asked to close; the same for the console executable started without
a command (which opens the window too). Exit status 0 when every step passed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_installer import package_version  # noqa: E402
from x11_windows import Xvfb, run_gui_until_shown  # noqa: E402

APP_TITLE = "Evidence Desk"
PASSPHRASE = "smoke-test passphrase 7"
# stderr lines a healthy run may print (none known yet); anything else fails the GUI step.
ALLOWED_STDERR: tuple[re.Pattern[str], ...] = ()


@dataclass
class App:
    """How to start the two programs: the frozen executables or the source tree."""

    cli: list[str]
    gui: list[str]
    demo_case: Path
    folder: Path | None  # the frozen folder; None from source

    @classmethod
    def frozen(cls, folder: Path) -> App:
        folder = folder.resolve()
        return cls(
            [str(folder / "evidence-desk")],
            [str(folder / "evidence-desk-gui")],
            folder / "_internal" / "resources" / "demo_case",
            folder,
        )

    @classmethod
    def source(cls) -> App:
        py = str(ROOT / ".venv" / "bin" / "python")
        return cls(
            [py, "-m", "desktop_app"],
            [py, "-c", "from desktop_app.gui.app import main; raise SystemExit(main())"],
            ROOT / "resources" / "demo_case",
            None,
        )


@dataclass
class Report:
    steps: list[tuple[str, bool, str]] = field(default_factory=list)

    def step(self, name: str, ok: bool, detail: str = "") -> bool:
        self.steps.append((name, ok, detail))
        print(f"[smoke] {'PASS' if ok else 'FAIL'}  {name}" + (f"  ({detail})" if detail else ""), flush=True)
        return ok

    @property
    def ok(self) -> bool:
        return bool(self.steps) and all(ok for _n, ok, _d in self.steps)


def isolated_env(tmp: Path, source: bool) -> dict[str, str]:
    """A user with nothing but the app: fresh HOME/XDG folders, system PATH, no Python variables."""
    runtime = tmp / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    env = {
        "HOME": str(tmp / "home"),
        "XDG_CONFIG_HOME": str(tmp / "home" / ".config"),
        "XDG_DATA_HOME": str(tmp / "home" / ".local" / "share"),
        "XDG_CACHE_HOME": str(tmp / "home" / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "EVIDENCE_DESK_PASSPHRASE": PASSPHRASE,
        "QT_QPA_PLATFORM": "xcb",
    }
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "TZ"):  # machine settings, not Python ones
        if name in os.environ:
            env[name] = os.environ[name]
    if source:
        env["PYTHONPATH"] = str(ROOT)
    Path(env["HOME"]).mkdir()
    return env


def run(
    cmd: list[str], env: dict[str, str], cwd: Path, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )


def brief(proc: subprocess.CompletedProcess[str]) -> str:
    tail = (proc.stderr.strip() or proc.stdout.strip()).splitlines()[-3:]
    return f"exit {proc.returncode}: " + " | ".join(tail)


def bad_stderr(text: str) -> list[str]:
    return [
        line for line in text.splitlines() if line.strip() and not any(p.search(line) for p in ALLOWED_STDERR)
    ]


def ocr_pages(data_dir: Path) -> int:
    """How many pages in the reading cache were read by OCR and produced text."""
    db = sqlite3.connect(f"file:{data_dir / 'cases.db'}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT result FROM reading_cache").fetchall()
    finally:
        db.close()
    count = 0
    for (result,) in rows:
        for page in json.loads(result).get("pages", []):
            if page.get("source") == "ocr" and page.get("lines"):
                count += 1
    return count


def foreign_python_files(pid: int, folder: Path | None) -> list[str]:
    """Files mapped by ``pid`` that belong to a Python installation rather than the frozen folder."""
    markers = {str(Path(sys.base_prefix).resolve()), str(Path(sys.prefix).resolve()), str(ROOT / ".venv")}
    found = set()
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(None, 5)
        path = parts[5] if len(parts) == 6 else ""
        if not path.startswith("/") or (folder and path.startswith(str(folder) + "/")):
            continue
        if any(path.startswith(m + "/") for m in markers) or "site-packages" in path:
            found.add(path)
    return sorted(found)


def cli_steps(app: App, env: dict[str, str], data: Path, work: Path, report: Report) -> None:
    cli = [*app.cli, "--data-dir", str(data)]
    proc = run([*app.cli, "--version"], env, work)
    if not report.step(
        "console executable starts and reports the package version",
        proc.returncode == 0 and package_version() in proc.stdout,
        proc.stdout.strip() or brief(proc),
    ):
        return
    if not report.step("bundled demo case present", app.demo_case.is_dir(), str(app.demo_case)):
        return
    proc = run([*cli, "import", str(app.demo_case)], env, work)
    ids = re.findall(r"^\s*(\d+)\s*$", proc.stdout, re.M)
    if not report.step("import the demo case", proc.returncode == 0 and bool(ids), brief(proc)):
        return
    case_id = ids[-1]
    started = time.monotonic()
    proc = run([*cli, "check", case_id, "--format", "json"], env, work)
    try:
        verdict = json.loads(proc.stdout).get("verdict", "?")
    except json.JSONDecodeError:
        verdict = ""
    # The demo case is built to pass: anything but "ready" means the frozen app reads evidence differently.
    report.step(
        "run the checks: the demo case is ready",
        proc.returncode == 0 and verdict == "ready" and not bad_stderr(proc.stderr),
        f"verdict {verdict or '?'}, exit {proc.returncode}, {time.monotonic() - started:.1f} s"
        + (f"; stderr: {proc.stderr.strip()[-300:]}" if proc.stderr.strip() else ""),
    )
    pages = ocr_pages(data)
    report.step(
        "OCR ran inside the frozen app (reading cache holds OCR'd pages with text)",
        pages > 0,
        f"{pages} page(s)",
    )
    proc = run([*cli, "identity", "create", "--name", "Smoke Signer", "--org", "Evidence Desk QA"], env, work)
    fingerprint = re.search(r"fingerprint:\s*([0-9A-Fa-f:]{64,})", proc.stdout)
    if not report.step("create a signing identity", proc.returncode == 0 and bool(fingerprint), brief(proc)):
        return
    assert fingerprint is not None
    package = work / "smoke-package.zip"
    proc = run([*cli, "export", case_id, "--out", str(package), "--identity", "Smoke Signer"], env, work)
    if not report.step("export a signed package", proc.returncode == 0 and package.is_file(), brief(proc)):
        return
    # Verified as a recipient would: no data folder, the signer pinned by its certificate fingerprint.
    proc = run([*app.cli, "verify", str(package), "--fingerprint", fingerprint.group(1)], env, work)
    report.step(
        "verify the package, signer pinned",
        proc.returncode == 0 and re.search(r"\bVALID\b", proc.stdout) is not None,
        brief(proc),
    )


def gui_step(
    app: App, program: list[str], label: str, env: dict[str, str], data: Path, work: Path, report: Report
) -> None:
    inspect: Callable[[int], list[str]] = lambda pid: foreign_python_files(pid, app.folder)  # noqa: E731
    with Xvfb() as xvfb:
        result = run_gui_until_shown(
            [*program, "--data-dir", str(data)],
            env,
            xvfb.display,
            title=APP_TITLE,
            timeout=180,
            cwd=str(work),
            inspect=inspect,
        )
    if not report.step(
        f"{label} shows the main window",
        result.window is not None,
        f"{result.seconds_to_window:.2f} s, '{result.window.title}' "
        f"{result.window.width}x{result.window.height}"
        if result.window
        else f"exit {result.returncode}; stderr: {result.stderr.strip()[-400:]}",
    ):
        return
    if app.folder is not None:
        report.step(
            f"{label}: no file from a Python installation is loaded",
            not result.inspected,
            ", ".join(result.inspected[:3]) if result.inspected else "",
        )
    report.step(
        f"{label} quits when its window is closed, exit code 0",
        result.returncode == 0,
        f"exit {result.returncode}",
    )
    unexpected = bad_stderr(result.stderr)
    report.step(f"{label}: nothing unexpected on stderr", not unexpected, " | ".join(unexpected[:5]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / "evidence-desk")
    parser.add_argument("--source", action="store_true", help="run the same scenario from the source tree")
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args(argv)

    app = App.source() if args.source else App.frozen(args.folder)
    report = Report()
    missing = [c[0] for c in (app.cli, app.gui) if not Path(c[0]).is_file()]
    if missing:
        report.step("executables exist", False, ", ".join(missing) + " (run scripts/build_installer.py)")
        return 1
    with tempfile.TemporaryDirectory(prefix="evidence-desk-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        env = isolated_env(tmp, args.source)
        data, work = tmp / "data", tmp / "work"
        work.mkdir()
        started = time.monotonic()
        if not args.skip_cli:
            cli_steps(app, env, data, work, report)
        if not args.skip_gui:
            gui_step(app, app.gui, "windowed executable", env, data, work, report)
            gui_step(app, app.cli, "console executable without a command", env, data, work, report)
        elapsed = time.monotonic() - started
    passed = sum(ok for _n, ok, _d in report.steps)
    print(f"[smoke] {'frozen build ' + str(app.folder) if app.folder else 'source tree'}, {elapsed:.1f} s")
    print(f"smoke: {passed} passed, {len(report.steps) - passed} failed", flush=True)  # CI-readable summary
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
