#!/usr/bin/env python3
"""Speed and memory of the reading layer on generated evidence.

    python bench/bench_reading.py [--quick] [--json OUT]

Generates >= 50 listing screenshots and >= 20 certificates (text and scanned PDFs) in a temporary
folder, then prints:
  * seconds per file by kind (our read_path, uncached),
  * overhead of read_path versus calling RapidOCR directly on the same files in the same run
    (same engine instance, runs interleaved file by file; goal <= 10%),
  * time of a cached read_document (goal < 5 ms),
  * peak memory (tracemalloc: Python allocations; ru_maxrss: the whole process incl. ONNX),
  * the orientation step (turned scans): an upright scan read with it versus without it (goal: the
    decision costs <= 10% of the read, and the page is recognised once), a scan turned 90 degrees,
    and the decision's share of a listing screenshot's read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.reading import ocr  # noqa: E402
from desktop_app.core.reading.service import read_document, read_path  # noqa: E402
from desktop_app.core.store import Store  # noqa: E402
from tests.factories import (  # noqa: E402
    CertificateSpec,
    ScreenshotSpec,
    make_certificate_pdf,
    make_listing_screenshot,
)

OFFICES = [
    ("USPTO", "6,{:03d},{:03d}"),
    ("EUIPO", "018{:03d}{:03d}"),
    ("UKIPO", "UK00003{:03d}{:03d}"),
    ("CNIPA", "12{:03d}{:03d}"),
    ("WIPO", "16{:02d}{:03d}"),
]
MARKETS = [
    ("https://www.aliexpress.com/item/10050061{:08d}.html", "en"),
    ("https://www.amazon.com/dp/B0C{:07d}", "en"),
    ("https://www.ebay.com/itm/2{:011d}", "en"),
    ("https://item.taobao.com/item.htm?id=67{:010d}", "zh"),
    ("https://detail.tmall.com/item.htm?id=68{:010d}", "zh"),
]


def generate(out: Path, screenshots: int, certificates: int, seed: int = 7) -> list[tuple[str, Path]]:
    rnd = random.Random(seed)
    files: list[tuple[str, Path]] = []
    for i in range(screenshots):
        pattern, lang = MARKETS[i % len(MARKETS)]
        url = pattern.format(rnd.randrange(10**7))
        mobile = i % 5 == 4
        fmt = ("png", "jpeg", "webp")[i % 3]
        title = (
            "KESTRELINE 男士防水连帽夹克 户外冲锋衣外套"
            if lang == "zh"
            else "KESTRELINE Men's Waterproof Hooded Jacket Windbreaker Outdoor Coat"
        )
        spec = ScreenshotSpec(
            url=url,
            title=title,
            seller="潮流服饰旗舰店" if lang == "zh" else "Fashion Outlet",
            price="¥ 168.00" if lang == "zh" else "US $23.99",
            mobile=mobile,
            product=("jacket", "box", "shoe")[i % 3],
        )
        kind = "screenshot-mobile" if mobile else "screenshot"
        files.append((kind, make_listing_screenshot(spec, out / f"shot{i:03d}", fmt=fmt)))
    for i in range(certificates):
        office, pattern = OFFICES[i % len(OFFICES)]
        number = pattern.format(rnd.randrange(100), rnd.randrange(1000))
        spec = CertificateSpec(
            office=office,
            registration_number=number,
            expiry_date=dt.date(2031, 3, 14) if office != "USPTO" else None,
        )
        if office == "CNIPA":
            spec.owner, spec.owner_address, spec.goods = (
                "凯斯特琳服饰有限公司",
                "上海市浦东新区世纪大道100号",
                {25: "夹克；大衣"},
            )
        scanned = i % 2 == 1
        path = make_certificate_pdf(
            spec,
            out / f"cert{i:03d}.pdf",
            scanned=scanned,
            rotate_deg=rnd.uniform(-1.2, 1.2) if scanned else 0.0,
            blur=0.4 if scanned else 0.0,
        )
        files.append(("certificate-scanned" if scanned else "certificate-text", path))
    return files


def direct_ocr(path: Path, engine: Any) -> int:
    """The baseline: RapidOCR on the file as it stands (for a scanned PDF, on its embedded page image)."""
    import numpy as np

    if path.suffix == ".pdf":
        import pypdf

        image = pypdf.PdfReader(path).pages[0].images[0].image.convert("RGB")
        result, _ = engine(np.asarray(image)[:, :, ::-1])
    else:
        result, _ = engine(str(path))
    return len(result or [])


def orientation_figures(out: Path, reps: int) -> dict[str, Any]:
    """Seconds to read an upright scan with and without the orientation decision, a turned scan, and a
    screenshot; runs interleaved so CPU noise hits every side alike."""
    from tests.factories.certificates import make_certificate_image

    spec = CertificateSpec()
    upright = ocr.load_image_pages(make_certificate_image(spec, out / "upright.png"))[0]
    turned = ocr.load_image_pages(make_certificate_image(spec, out / "turned90.png", turn=90))[0]
    shot = ocr.load_image_pages(make_listing_screenshot(ScreenshotSpec(), out / "shot.png"))[0]
    engine = ocr.get_engine()
    times: dict[str, list[float]] = {}
    turns: set[int] = set()

    def timed(name: str, fn: Any) -> Any:
        t = time.perf_counter()
        result = fn()
        times.setdefault(name, []).append(time.perf_counter() - t)
        return result

    for _ in range(reps):
        calls = engine.calls
        timed("upright_without", lambda: ocr.ocr_page(upright, orient=False))
        page = timed("upright_with", lambda: ocr.ocr_page(upright))
        assert page.rotation == 0 and engine.calls - calls == 2, "an upright scan is recognised once per read"
        timed("decision", lambda: engine.orientation(upright))
        turns.add(timed("turned_with", lambda: ocr.ocr_page(turned)).rotation)
        timed("shot_without", lambda: ocr.ocr_page(shot, orient=False))
        timed("shot_decision", lambda: engine.orientation(shot))
    m = {k: statistics.median(v) for k, v in times.items()}
    return {
        "reps": reps,
        "upright_scan_without_s": round(m["upright_without"], 3),
        "upright_scan_with_s": round(m["upright_with"], 3),
        "upright_ratio": round(m["upright_with"] / m["upright_without"], 3),
        "decision_s": round(m["decision"], 3),
        "decision_pct_of_read": round(m["decision"] / m["upright_without"] * 100, 1),
        "turned90_scan_s": round(m["turned_with"], 3),
        "turned90_ratio": round(m["turned_with"] / m["upright_without"], 3),
        "turned90_read_as": sorted(turns),
        "screenshot_read_s": round(m["shot_without"], 3),
        "screenshot_decision_pct": round(m["shot_decision"] / m["shot_without"] * 100, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="8 screenshots and 6 certificates")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument(
        "--orientation-only", action="store_true", help="only the orientation figures (turned scans)"
    )
    args = parser.parse_args(argv)
    if args.orientation_only:
        with tempfile.TemporaryDirectory(prefix="bench-orient-") as tmp:
            ocr.get_engine().loaded()
            report = {"orientation": orientation_figures(Path(tmp), 2 if args.quick else 5)}
        print_orientation(report["orientation"])
        if args.json:
            args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
        return 0
    n_shots, n_certs = (8, 6) if args.quick else (50, 20)

    with tempfile.TemporaryDirectory(prefix="bench-reading-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        files = generate(work / "files", n_shots, n_certs)
        gen_s = time.perf_counter() - t0
        print(
            f"generated {len(files)} files in {gen_s:.1f} s ({n_shots} screenshots, {n_certs} certificates)"
        )

        wrapper = ocr.get_engine()
        engine = wrapper.loaded()
        direct_ocr(files[0][1], engine)  # warm-up: model load and first-run allocations
        tracemalloc.start()
        ours: dict[str, list[float]] = {}
        base: dict[str, list[float]] = {}
        for i, (kind, path) in enumerate(files):
            order = (0, 1) if i % 2 == 0 else (1, 0)  # interleave so CPU noise hits both sides alike
            for side in order:
                t = time.perf_counter()
                if side == 0:
                    doc = read_path(path)
                    ours.setdefault(kind, []).append(time.perf_counter() - t)
                    assert doc.status == "ok", (path, doc.status, doc.message)
                elif kind != "certificate-text":  # a text PDF needs no OCR: no baseline
                    direct_ocr(path, engine)
                    base.setdefault(kind, []).append(time.perf_counter() - t)
        _cur, py_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        with Store(work / "data") as store:
            evidence = [store.files.add(p) for _k, p in files[: min(10, len(files))]]
            for ef in evidence:
                read_document(store, ef)
            cached: list[float] = []
            for _ in range(20):
                for ef in evidence:
                    t = time.perf_counter()
                    read_document(store, ef)
                    cached.append(time.perf_counter() - t)
        orientation = orientation_figures(work, 2 if args.quick else 5)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report: dict[str, Any] = {"files": len(files), "per_kind": {}, "engine_calls": wrapper.calls}
    print(f"\n{'kind':<22}{'files':>6}{'ours s/file':>13}{'RapidOCR s/file':>17}{'overhead':>10}")
    total_ours = total_base = 0.0
    for kind in sorted(ours):
        o = ours[kind]
        b = base.get(kind, [])
        mean_o = statistics.mean(o)
        mean_b = statistics.mean(b) if b else float("nan")
        over = (sum(o) / sum(b) - 1) * 100 if b else float("nan")
        if b:
            total_ours += sum(o)
            total_base += sum(b)
        report["per_kind"][kind] = {
            "files": len(o),
            "ours_s": round(mean_o, 4),
            "rapidocr_s": round(mean_b, 4) if b else None,
            "overhead_pct": round(over, 1) if b else None,
        }
        b_txt = f"{mean_b:.3f}" if b else "-"
        o_txt = f"{over:+.1f}%" if b else "-"
        print(f"{kind:<22}{len(o):>6}{mean_o:>13.3f}{b_txt:>17}{o_txt:>10}")
    overall = (total_ours / total_base - 1) * 100
    cached_med, cached_p95 = statistics.median(cached), sorted(cached)[int(len(cached) * 0.95) - 1]
    report.update(
        overhead_pct=round(overall, 1),
        cached_median_ms=round(cached_med * 1000, 3),
        cached_p95_ms=round(cached_p95 * 1000, 3),
        tracemalloc_peak_mb=round(py_peak / 2**20, 1),
        ru_maxrss_mb=round(rss_mb, 1),
        orientation=orientation,
    )
    print(f"\noverhead vs RapidOCR on OCR'd files: {overall:+.1f}%   (goal <= 10%)")
    print(
        f"cached read_document: median {cached_med * 1000:.2f} ms, p95 {cached_p95 * 1000:.2f} ms"
        "   (goal < 5 ms)"
    )
    print(
        f"peak memory: tracemalloc {py_peak / 2**20:.1f} MB (Python objects), "
        f"ru_maxrss {rss_mb:.0f} MB (process)"
    )
    print_orientation(orientation)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


def print_orientation(o: dict[str, Any]) -> None:
    print(
        f"\norientation (median of {o['reps']}): upright scan "
        f"{o['upright_scan_without_s']:.2f} s without the step, {o['upright_scan_with_s']:.2f} s with it "
        f"(ratio {o['upright_ratio']:.3f}; the decision alone {o['decision_s'] * 1000:.0f} ms = "
        f"{o['decision_pct_of_read']:.1f}% of the read, goal <= 10%)"
    )
    print(
        f"  scan turned 90 degrees: {o['turned90_scan_s']:.2f} s (ratio {o['turned90_ratio']:.3f} to the "
        f"upright read without the step; read as turned {o['turned90_read_as']}); listing screenshot: "
        f"decision {o['screenshot_decision_pct']:.1f}% of its {o['screenshot_read_s']:.2f} s read"
    )


if __name__ == "__main__":
    raise SystemExit(main())
