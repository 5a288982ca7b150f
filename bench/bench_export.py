"""Benchmark: export a case holding SIZE MB of evidence; wall time and peak memory.

Printed beside the time that ``bagit.py --sha256`` on a copy of the same files plus ``zip -0`` of
the bag take in the same run. Goal: export no slower than that pair, peak memory under 300 MB.

    .venv/bin/python bench/bench_export.py                 # 1024 MB in 200 images of ~5 MB
    .venv/bin/python bench/bench_export.py --quick         # 64 MB, for a quick look
    .venv/bin/python bench/bench_export.py --size-mb 4200  # crosses the ZIP64 limit

The evidence images are random noise (incompressible, the worst case for both sides). The case has
``--screenshots`` of them as listing screenshots (rendered into summary.pdf), one as a genuine photo
(comparison.pdf), the rest as other evidence. The checks are not run (that is bench_checks.py's job):
a fixed check report is passed in. Each export runs in a child process, whose peak RSS is measured
with wait4.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PASSPHRASE = "benchmark passphrase"


def make_evidence(folder: Path, count: int, size_mb: float) -> list[Path]:
    """``count`` distinct PNG files of about ``size_mb`` each (noise, stored uncompressed)."""
    from PIL import Image

    side = int((size_mb * 1024 * 1024 / 3) ** 0.5)
    paths = []
    for i in range(count):
        img = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        path = folder / f"evidence-{i:04d}.png"
        img.save(path, "PNG", compress_level=0)
        paths.append(path)
    return paths


def build(data_dir: Path, files: list[Path], screenshots: int) -> str:
    from desktop_app.core.model import Case, Complainant, Listing, Right
    from desktop_app.core.package.signing import create_identity
    from desktop_app.core.store import Store

    with Store(data_dir) as store:
        added = [store.files.add(p) for p in files]
        shots, rest = added[:screenshots], added[screenshots:]
        listings = [
            Listing(
                url=f"https://item.taobao.com/item.htm?id={610000000000 + i}",
                marketplace="Taobao",
                listing_id=str(610000000000 + i),
                screenshots=shots[i * 2 : i * 2 + 2],
            )
            for i in range((len(shots) + 1) // 2)
        ]
        case = Case(
            complainant=Complainant(name="Acme Brand Ltd.", email="legal@acme.test", contact_name="Li Wei"),
            title="Benchmark case",
            filing_date=dt.date(2026, 11, 20),
            rights=[
                Right(
                    office="CNIPA",
                    registration_number="12345678",
                    mark="ACME",
                    owner="Acme Brand Ltd.",
                    classes=[25],
                )
            ],
            listings=listings,
            genuine_photos=rest[:1],
            other_files=rest[1:],
        )
        store.cases.save(case)
        create_identity(data_dir, "Li Wei", "Acme Brand Ltd.", PASSPHRASE)
        return case.reference


def child_export(data_dir: str, out: str) -> None:
    """Runs in the measured child process."""
    from desktop_app.core.checks.findings import CheckReport
    from desktop_app.core.package.export import export_case
    from desktop_app.core.package.signing import load_identity
    from desktop_app.core.store import Store

    with Store(data_dir) as store:
        case = store.cases.get(1)
        identity = load_identity(data_dir, None, PASSPHRASE)
        start = time.perf_counter()
        result = export_case(store, case.id, out, identity, report=CheckReport(case=case.reference))
        print(f"{time.perf_counter() - start:.3f} {result.sha256}")


def measured(cmd: list[str], **kw: object) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB, stdout) of a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, **kw)  # type: ignore[call-overload]
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed with {proc.returncode}")
    return wall, usage.ru_maxrss / 1024, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=1024)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--screenshots", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="64 MB in 40 files")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--child-export", nargs=2, metavar=("DATA_DIR", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_export:
        child_export(*args.child_export)
        return
    if args.quick:
        args.size_mb, args.files, args.screenshots = 64, 40, 8
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        print(f"Preparing {args.files} files, {args.size_mb:.0f} MB in {tmp} ...", flush=True)
        src = tmp / "src"
        src.mkdir()
        files = make_evidence(src, args.files, args.size_mb / args.files)
        total = sum(p.stat().st_size for p in files)
        data_dir = tmp / "data"
        build(data_dir, files, min(args.screenshots, args.files - 1))
        out = tmp / "out" / "package.zip"
        out.parent.mkdir()

        py = sys.executable
        wall, rss, stdout = measured([py, __file__, "--child-export", str(data_dir), str(out)], cwd=ROOT)
        inner = float(stdout.split()[0])
        size = out.stat().st_size

        bag = tmp / "baseline" / "bag"
        bag.mkdir(parents=True)
        for p in files:  # the copy is preparation, not timed
            shutil.copyfile(p, bag / p.name)
        bagit_py = str(Path(py).parent / "bagit.py")
        b_wall, b_rss, _ = measured([py, bagit_py, "--quiet", "--sha256", str(bag)])
        z_wall, z_rss, _ = measured(
            ["zip", "-0", "-r", "-q", str(tmp / "baseline.zip"), "bag"], cwd=bag.parent
        )

        mb = total / 1024**2
        print(
            f"\nEvidence: {args.files} files, {mb:.0f} MB; package {size / 1024**2:.0f} MB "
            f"({args.screenshots} screenshots rendered into summary.pdf)"
        )
        print(f"{'':34}{'wall s':>9}{'MB/s':>9}{'peak RSS MB':>13}")
        print(f"{'evidence-desk export (process)':34}{wall:9.2f}{mb / wall:9.0f}{rss:13.0f}")
        print(f"{'  of which export_case()':34}{inner:9.2f}{mb / inner:9.0f}")
        print(f"{'bagit.py --sha256':34}{b_wall:9.2f}{mb / b_wall:9.0f}{b_rss:13.0f}")
        print(f"{'zip -0 -r':34}{z_wall:9.2f}{mb / z_wall:9.0f}{z_rss:13.0f}")
        print(f"{'bagit.py + zip -0':34}{b_wall + z_wall:9.2f}")
        verdict_time = "OK" if wall <= b_wall + z_wall else "SLOWER"
        verdict_mem = "OK" if rss < 300 else "OVER"
        print(
            f"\nexport vs baseline: {wall / (b_wall + z_wall):.2f}x ({verdict_time}); "
            f"peak memory {rss:.0f} MB of 300 ({verdict_mem})"
        )
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
