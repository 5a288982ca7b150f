"""A brand team's large complaint end to end: N listings (300 by default), N screenshots dropped at once.

    .venv/bin/python bench/bench_scale.py [--listings 300] [--gui] [--json OUT]

Figures, for a fresh data folder and a process started cold:
* attach: importing the N screenshots and attaching each to the listing whose id it shows (reading
  them with OCR on the isolated pool's workers, one per core);
* check (cold, OCR again: the reading cache emptied first), re-check (unchanged), export (the signed
  package, summary.pdf with every listing), the filing sheets and their upload attachments (evidence
  PDFs within the form's size limit);
* the check's OCR throughput against the same OCR engine called directly on the same screenshots in one
  process limited to one thread (a sample of them), and the goal >= 0.8 x cores x that throughput;
* peak RSS of this process and of the largest worker (goal: < 2 GB in all);
* with --gui: opening the case in the window (the call, and the GUI thread's longest stall while its
  lists are laid out and painted), and the longest stall while the case's checks run (cold).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


SINGLE_THREAD = """
import sys, time
from rapidocr_onnxruntime import RapidOCR
engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
paths = sys.argv[1:]
engine(paths[0])  # the engine's one-off load is not throughput
t = time.perf_counter()
for p in paths:
    engine(p)
print(len(paths) / (time.perf_counter() - t))
"""


def _screenshots(folder: Path, n: int) -> tuple[list[str], list[Path]]:
    from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot

    urls, shots = [], []
    for i in range(n):
        lid = f"100500{6_000_000_000 + i * 7919:010d}"
        url = f"https://www.aliexpress.com/item/{lid}.html"
        spec = ScreenshotSpec(url=url, shown_id=lid if i % 2 else "", price=f"US ${10 + i % 90}.99")
        urls.append(url)
        shots.append(make_listing_screenshot(spec, folder / f"listing-{i + 1:03d}.png"))
    return urls, shots


def _single_thread_rate(shots: list[Path]) -> float:
    env = dict(os.environ, OMP_NUM_THREADS="1", EVIDENCE_DESK_OCR_THREADS="1", PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-c", SINGLE_THREAD, *map(str, shots)], capture_output=True, text=True, env=env
    )
    if run.returncode != 0:
        raise SystemExit(f"single-thread OCR baseline failed: {run.stderr[-500:]}")
    return float(run.stdout.strip().splitlines()[-1])


class _Figures(dict):
    """The bench's figures, each printed as soon as it is measured (a long run shows where it is)."""

    def __setitem__(self, key: str, value: object) -> None:
        super().__setitem__(key, value)
        print(f"  .. {key}: {value}", flush=True)


def _timed(fn):  # noqa: ANN001, ANN202
    t = time.perf_counter()
    value = fn()
    return value, round(time.perf_counter() - t, 2)


def _gui_figures(data: Path, case_id: int) -> dict[str, float]:
    """Opening the case in the window (the call in seconds, the GUI thread's longest stall while it is laid
    out and painted), and the longest stall while its checks run
    (cold: reading cache emptied)."""
    from bench_gui import Heartbeat, _wait  # noqa: PLC0415 - beside this script
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.core.store import Store
    from desktop_app.gui.app import create_application
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.settings import Preferences, open_settings

    create_application()
    store = Store(data)
    store.db.execute("DELETE FROM reading_cache")
    store.db.execute("DELETE FROM check_runs")
    prefs = Preferences(open_settings(str(data.parent / "settings.ini")))
    prefs.first_launch_done = True
    window = MainWindow(store, prefs)
    window.show()
    beat = Heartbeat()
    beat.start()  # opening the case: its lists laid out and painted, its first screenshot shown
    t = time.perf_counter()
    window.open_case(case_id)
    opened = round(time.perf_counter() - t, 2)
    window.checks.cancel()
    settle = QEventLoop()
    QTimer.singleShot(1500, settle.quit)
    settle.exec()
    open_stall = beat.stop()
    beat.start()
    _wait(window.checks.run())
    worst = beat.stop()
    window.close()
    return {"gui_open_case_s": opened, "gui_open_max_stall_ms": open_stall, "gui_check_max_stall_ms": worst}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--listings", type=int, default=300)
    p.add_argument("--sample", type=int, default=12, help="screenshots in the single-thread baseline")
    p.add_argument("--gui", action="store_true", help="also the GUI thread's longest stall during the checks")
    p.add_argument("--json", metavar="OUT")
    args = p.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_gui import compile_like_the_installed_app  # noqa: PLC0415 - beside this script

    compile_like_the_installed_app()
    if args.gui and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from desktop_app.core.checks.engine import check_case
    from desktop_app.core.filing import build_sheets
    from desktop_app.core.model import Case, Complainant, Listing
    from desktop_app.core.package import signing
    from desktop_app.core.package.export import export_case
    from desktop_app.core.resources import demo_case_dir
    from desktop_app.core.screenshot_assignment import assign_screenshots
    from desktop_app.core.store import Store
    from desktop_app.core.worker_pool import default_pool, set_default_pool

    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    (tmp / "shots").mkdir()
    out = _Figures()
    out["listings"], out["cores"] = args.listings, os.cpu_count()
    (urls, shots), out["make_screenshots_s"] = _timed(lambda: _screenshots(tmp / "shots", args.listings))
    out["single_thread_files_per_s"] = round(_single_thread_rate(shots[: args.sample]), 3)

    store = Store(tmp / "data")
    demo = demo_case_dir() / "files" / "certificate.pdf"
    from desktop_app.core.case_folder import import_case_folder

    demo_id = import_case_folder(store, demo_case_dir())
    right = store.cases.get(demo_id).rights[0]
    case = Case(
        complainant=Complainant("Kestreline Apparel Inc."),
        title="A large complaint",
        rights=[right],
        listings=[Listing(u) for u in urls],
    )
    case_id = store.save_case(case)
    assert demo.is_file()
    result, out["attach_s"] = _timed(lambda: assign_screenshots(store, case_id, list(shots)))
    out["attached"] = len(result.attached)
    out["left_to_assign"] = len(result.unassigned)

    store.db.execute("DELETE FROM reading_cache")  # the check reads (OCR) again: cold
    store.db.execute("DELETE FROM check_runs")
    report, out["check_cold_s"] = _timed(lambda: check_case(store, case_id))
    out["verdict"] = report.verdict
    out["blockers"] = sorted({f.code for f in report.blockers})[:5]
    _again, out["recheck_s"] = _timed(lambda: check_case(store, case_id))
    pool = default_pool()
    rate = args.listings / max(float(out["check_cold_s"]), 1e-6)  # type: ignore[arg-type]
    out["check_files_per_s"] = round(rate, 3)
    out["pool_workers"] = pool.size
    goal = 0.8 * (os.cpu_count() or 1) * float(out["single_thread_files_per_s"])  # type: ignore[arg-type]
    out["throughput_goal_files_per_s"] = round(goal, 3)
    out["throughput_vs_goal"] = round(rate / goal, 2) if goal else None

    signing.create_identity(store.data_dir, "Bench Signer", "Bench Org", "bench passphrase 1")
    identity = signing.load_identity(store.data_dir, None, "bench passphrase 1")
    (tmp / "out").mkdir()
    exported, out["export_s"] = _timed(
        lambda: export_case(store, case_id, tmp / "out", identity, report=report, allow_blockers=True)
    )
    out["package_mb"] = round(exported.path.stat().st_size / 1e6, 1)
    try:
        sheets, out["filing_sheets_s"] = _timed(lambda: build_sheets(store.cases.get(case_id), report))
        out["filing_batches"] = len(sheets)
        from desktop_app.core.package.attachments import write_attachments

        case_now = store.cases.get(case_id)
        attached, out["attachments_s"] = _timed(
            lambda: write_attachments(store, case_now, report, tmp / "upload")
        )
        out["attachment_files"] = len(attached.files)
        out["largest_attachment_mb"] = round(max(a.size for a in attached.files) / 1024**2, 2)
    except Exception as exc:  # a case that is not ready gets no sheet: said, not hidden
        out["filing_sheets"] = f"none: {exc}"
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    pool.close()  # the workers end and are waited for: their peak counts in RUSAGE_CHILDREN
    set_default_pool(None)
    out["largest_worker_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    store.close()
    if args.gui:
        sys.path.insert(0, str(ROOT / "bench"))
        for key, value in _gui_figures(tmp / "data", case_id).items():
            out[key] = value
    for k, v in out.items():
        print(f"{k:>28}: {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
