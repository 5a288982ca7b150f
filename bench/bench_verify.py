#!/usr/bin/env python3
"""Verify time against the number of entries in a package (linear, not quadratic).

    python bench/bench_verify.py [--max 100000]

Builds bags of N tiny files (N doubling up to --max) and prints seconds per verify and the time
ratio of each doubling: about 2.0 is linear; 4.0 would be quadratic.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> int:
    from desktop_app.core.package.verify import verify_package
    from tests.package.test_hostile_verify import _hundred_thousand

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max", type=int, default=99_990)
    args = ap.parse_args()
    sizes, n = [], 12_500
    while n < args.max:
        sizes.append(n)
        n *= 2
    sizes.append(args.max)
    previous = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = _hundred_thousand(Path(tmp), n)
            started = time.perf_counter()
            report = verify_package(path)
            seconds = time.perf_counter() - started
            assert report.intact
            ratio = f"{seconds / previous[1] / (n / previous[0]):.2f}" if previous else "-"
            print(
                f"entries {n:>7}  verify {seconds:6.2f} s  {n / seconds:8.0f} entries/s  "
                f"time ratio per doubling (normalised) {ratio}"
            )
            previous = (n, seconds)
            path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
