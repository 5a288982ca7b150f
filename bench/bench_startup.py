#!/usr/bin/env python3
"""Start-up time to a shown main window: the frozen build beside the same from source.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--folder dist/evidence-desk] [--json OUT]

Each variant runs on its own private Xvfb with its own HOME and data folder. The clock starts just
before the process is spawned and stops when the X server reports the main window viewable (polled
every 10 ms through libX11), so interpreter start, imports, the bootloader and Qt set-up all count, the
same way for both. A first, unmeasured run per variant does the first-launch work (demo case import)
and warms the disk cache; runs alternate between the variants so background load hits both alike.
The window is then closed as a user would (WM_DELETE_WINDOW) and must exit cleanly.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from smoke_frozen import APP_TITLE, App, isolated_env  # noqa: E402
from x11_windows import Xvfb, run_gui_until_shown  # noqa: E402


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) the process has used so far, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(app: App, env: dict[str, str], data: Path, display: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) from spawning the program to its main window being shown."""
    result = run_gui_until_shown(
        [*app.gui, "--data-dir", str(data)], env, display, title=APP_TITLE, timeout=180, inspect=cpu_seconds
    )
    if result.seconds_to_window is None or result.returncode != 0:
        raise SystemExit(f"{app.gui[0]}: no clean start (exit {result.returncode}): {result.stderr[-500:]}")
    return result.seconds_to_window, float(result.inspected)  # type: ignore[arg-type]


def summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    wall = [w for w, _c in samples]
    cpu = [c for _w, c in samples]
    return {
        "median_s": round(statistics.median(wall), 3),
        "min_s": round(min(wall), 3),
        "max_s": round(max(wall), 3),
        "cpu_median_s": round(statistics.median(cpu), 3),
        "runs": len(wall),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / "evidence-desk")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    variants = {"source": App.source()}
    if (args.folder / "evidence-desk-gui").is_file():
        variants["frozen"] = App.frozen(args.folder)
    else:
        print(
            f"[bench] no frozen build in {args.folder} (scripts/build_installer.py); source only",
            file=sys.stderr,
        )
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory(prefix="evidence-desk-bench-") as tmp_name, Xvfb() as xvfb:
        setups = {}
        for name, app in variants.items():
            base = Path(tmp_name) / name
            base.mkdir()
            setups[name] = (app, isolated_env(base, app.folder is None), base / "data")
            measure(*setups[name], xvfb.display)  # warm-up: first launch, disk cache
        for _ in range(args.runs):
            for name, (app, env, data) in setups.items():
                times[name].append(measure(app, env, data, xvfb.display))
    results = {name: summary(values) for name, values in times.items()}
    for name, res in results.items():
        print(
            f"start-up to shown main window, {name:<6}: median {res['median_s']:.3f} s "
            f"(min {res['min_s']:.3f}, max {res['max_s']:.3f}, {res['runs']} runs); "
            f"CPU used by then {res['cpu_median_s']:.3f} s"
        )
    if "frozen" in results:
        ratio = results["frozen"]["median_s"] / results["source"]["median_s"]
        cpu_ratio = results["frozen"]["cpu_median_s"] / results["source"]["cpu_median_s"]
        print(f"frozen / source: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU")
        results["frozen_over_source"] = {"wall": round(ratio, 3), "cpu": round(cpu_ratio, 3)}  # type: ignore[assignment]
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
