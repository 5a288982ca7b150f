"""Hostile corpus: per input, what the app made of it, how long it took and the peak memory it used.

    python bench/bench_hostile.py [--small] [--timeout 120]

Each input runs through the real command line in a child process with a fresh data folder (evidence:
imported in a case folder, then checked; case folders: imported, then checked; packages: verified).
Peak RSS is the child's own (os.wait4's rusage), the ratio compares seconds with the clean input of
the same type. Outcome: refused (exit 2, one sentence), handled (exit 0/1; findings about unread
pages or hidden characters named), TRACEBACK (exit 70 or a traceback on stderr) or HANG (killed past
the timeout). Exit status 1 when any input hangs, uses over 2 GB or ends in a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile.corpus import CASE_TOML, Item, build  # noqa: E402

NOTED = (
    "evidence.pages_not_read",
    "evidence.hidden_characters",
    "case.hidden_characters",
    "evidence.unreadable",
)


def _run(args: list[str], data: Path, timeout: float) -> tuple[int, str, str, float, int]:
    """exit code (or -9 when killed), stdout, stderr, seconds, peak RSS in bytes."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.monotonic()
        p = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--data-dir", str(data), *args],
            stdout=out,
            stderr=err,
            env=env,
            cwd=ROOT,
        )
        killed = False
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > timeout and not killed:
                p.kill()
                killed = True
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
        secs = time.monotonic() - t0
        out.seek(0)
        err.seek(0)
        rc = -9 if killed else p.returncode
        return (
            rc,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
            secs,
            usage.ru_maxrss * 1024,
        )


def run_item(item: Item, work: Path, timeout: float) -> dict:
    data = work / "data"
    if data.exists():
        shutil.rmtree(data)
    steps: list[tuple[int, str, str, float, int]] = []
    if item.how == "package":
        steps.append(_run(["verify", str(item.path)], data, timeout))
    else:
        folder = item.path
        if item.how == "evidence":
            folder = work / "case"
            if folder.exists():
                shutil.rmtree(folder)
            (folder / "files").mkdir(parents=True)
            shutil.copyfile(item.path, folder / "files" / item.name)
            (folder / "case.toml").write_text(CASE_TOML.format(shot=item.name), encoding="utf-8")
        steps.append(_run(["import", str(folder)], data, timeout))
        if steps[-1][0] == 0:
            case_id = steps[-1][1].strip()
            steps.append(_run(["check", case_id, "--format", "json"], data, timeout))
    rc = steps[-1][0]
    stderr = "".join(s[2] for s in steps)
    secs = sum(s[3] for s in steps)
    rss = max(s[4] for s in steps)
    if rc == -9:
        outcome = "HANG"
    elif rc == 70 or "Traceback" in stderr:
        outcome = "TRACEBACK"
    elif rc == 2:
        outcome = "refused"
    else:
        outcome = "handled"
    note = stderr.strip().splitlines()[-1][:140] if rc == 2 and stderr.strip() else ""
    if item.how != "package" and len(steps) == 2 and rc in (0, 1):
        try:
            codes = sorted({f["code"] for f in json.loads(steps[-1][1])["findings"] if f["code"] in NOTED})
        except (ValueError, KeyError):
            codes = []
        note = ", ".join(codes)
    elif item.how == "package" and rc in (0, 1):
        note = (steps[-1][1].strip().splitlines() or [""])[0][:140]
    ok_expect = item.expect == "either" or item.expect == outcome
    return {
        "name": item.name,
        "how": item.how,
        "outcome": outcome,
        "expected": item.expect,
        "as_expected": ok_expect,
        "seconds": secs,
        "peak_rss": rss,
        "clean": item.clean,
        "note": note,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="smaller bombs and page counts (faster)")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        work = Path(tmp)
        items = build(work / "corpus", large=not args.small)
        rows = [run_item(it, work, args.timeout) for it in items]
    clean = {r["name"]: r["seconds"] for r in rows}
    print(f"{'input':28} {'kind':8} {'outcome':9} {'s':>7} {'peak MB':>8} {'x clean':>8}  note")
    for r in rows:
        r["ratio"] = r["seconds"] / max(clean.get(r["clean"], r["seconds"]), 1e-6)
        flag = "" if r["as_expected"] else f"  (expected {r['expected']})"
        print(
            f"{r['name']:28} {r['how']:8} {r['outcome']:9} {r['seconds']:7.2f} {r['peak_rss'] / 2**20:8.0f}"
            f" {r['ratio']:8.2f}  {r['note']}{flag}"
        )
    bad = [r for r in rows if r["outcome"] in ("HANG", "TRACEBACK") or r["peak_rss"] > 2 << 30]
    unexpected = [r for r in rows if not r["as_expected"]]
    print(
        f"\n{len(rows)} inputs: {sum(r['outcome'] == 'refused' for r in rows)} refused, "
        f"{sum(r['outcome'] == 'handled' for r in rows)} handled, "
        f"{sum(r['outcome'] == 'HANG' for r in rows)} hangs, "
        f"{sum(r['outcome'] == 'TRACEBACK' for r in rows)} tracebacks, "
        f"{sum(r['peak_rss'] > 2 << 30 for r in rows)} over 2 GB, {len(unexpected)} unexpected; "
        f"slowest {max(r['seconds'] for r in rows):.1f} s, "
        f"highest peak {max(r['peak_rss'] for r in rows) / 2**20:.0f} MB"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
