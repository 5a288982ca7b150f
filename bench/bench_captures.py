#!/usr/bin/env python3
"""Reading a web capture of a listing versus OCR of a screenshot of the same page.

    python bench/bench_captures.py [--quick] [--json OUT]

For each listing (AliExpress, eBay, Amazon pages with the same title, price, seller, id and product
photo) the factories write an MHTML, a SingleFile HTML, a WARC.gz and a WACZ of the page, and a
1440 x 900 screenshot of it. Prints, per format, the median seconds to

  * read the capture's own text exactly (URL, time, title, text with locators: ``read_capture`` +
    ``capture_document`` without pictures) -- the reading that replaces OCR of the page;
  * read the capture as the checks do (the same, plus OCR of the pictures inside it, here one
    640 x 640 product photo, so a mark printed only on the product is found);
  * OCR the screenshot of the same page (``read_path`` on the PNG),

and the ratios screenshot OCR / capture read (goal for the exact text: >= 10x). The OCR engine is
loaded before timing starts; every read is uncached.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.core.reading import captures, ocr  # noqa: E402
from desktop_app.core.reading.service import read_path  # noqa: E402
from tests.factories.captures import CAPTURE_KINDS, CaptureSpec, make_capture, page_screenshot  # noqa: E402

LISTINGS = [
    CaptureSpec(),
    CaptureSpec(url="https://www.ebay.com/itm/256123456789", shown_id="256123456789"),
    CaptureSpec(url="https://www.amazon.com/dp/B0C1234567", shown_id="B0C1234567"),
]


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one listing, one repetition")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    listings = LISTINGS[:1] if args.quick else LISTINGS
    repeat = 1 if args.quick else 3
    ocr.get_engine().loaded()  # model loading is not part of any figure
    rows: dict[str, dict[str, list[float]]] = {k: {"text": [], "full": [], "shot": []} for k in CAPTURE_KINDS}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n, spec in enumerate(listings):
            shot = folder / f"shot-{n}.png"
            shot.write_bytes(page_screenshot(spec))
            shot_s = timed(lambda shot=shot: read_path(shot), repeat)
            for kind in CAPTURE_KINDS:
                path = make_capture(kind, spec, folder, stem=f"page-{n}-{kind.replace('.', '-')}")
                text_s = timed(
                    lambda path=path: captures.capture_document(
                        captures.read_capture(path), "0" * 64, ocr_images=False
                    ),
                    repeat,
                )
                full_s = timed(lambda path=path: read_path(path), repeat)
                doc = read_path(path)
                assert doc.ok and any("KESTRELINE" in ln.text for ln in doc.lines()), kind
                rows[kind]["text"].append(text_s)
                rows[kind]["full"].append(full_s)
                rows[kind]["shot"].append(shot_s)
    out: dict[str, dict[str, float]] = {}
    print(
        f"{'format':<9} {'exact text':>11} {'with pictures':>14} {'screenshot OCR':>15} "
        f"{'ratio text':>11} {'ratio full':>11}"
    )
    for kind, r in rows.items():
        text, full, shot = (statistics.median(r[k]) for k in ("text", "full", "shot"))
        out[kind] = {
            "capture_text_s": round(text, 4),
            "capture_with_pictures_s": round(full, 3),
            "screenshot_ocr_s": round(shot, 3),
            "ratio_text": round(shot / text, 1),
            "ratio_with_pictures": round(shot / full, 2),
        }
        print(
            f"{kind:<9} {text * 1000:>9.1f}ms {full:>13.2f}s {shot:>14.2f}s "
            f"{shot / text:>10.0f}x {shot / full:>10.1f}x"
        )
    worst = min(v["ratio_text"] for v in out.values())
    print(
        f"exact text of a capture vs OCR of a screenshot of the same page: >= {worst:.0f}x faster "
        "(goal >= 10x)"
    )
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0 if worst >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
