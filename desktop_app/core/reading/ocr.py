"""OCR through RapidOCR (PP-OCRv4 detection + recognition, English and Chinese in one model).

Importing this module is cheap: rapidocr, onnxruntime and cv2 load on the first recognition only.
One engine per process, behind a lock (ONNX sessions are heavy and the CPU is the bottleneck).
Boxes come back in the pixels of the image as given (after EXIF orientation), top-left origin.

A page stored turned (90/180/270 degrees: a scan fed in sideways, a photo taken upside down) is found
cheaply before it is read, so an upright page is still recognised once: text detection alone on a
small copy says whether the lines run across or down the page, and the direction classifier on a few
of those lines says which way up they are. The page is then turned once and read once (``ocr_page``).
"""

from __future__ import annotations

import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from desktop_app.core.errors import UserError
from desktop_app.core.messages import said
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from desktop_app.core.reading.text import TextLine

# Bump when the pre/post-processing here changes what comes out, so cached reads are redone.
PIPELINE_VERSION = "4"  # 2: char positions (word boxes); 3: turned pages; 4: margin, no line classifier
MAX_SIDE = 2000  # RapidOCR shrinks anything larger before detection; we tile long images instead
UPSCALE_BELOW = 1000  # small images are enlarged before OCR (thin text survives better)
MAX_UPSCALE = 2.5
TILE_OVERLAP = 120
MAX_TILES = 40
# The detector misses thin text touching an image's edge (the URL band on top of a full-page screenshot,
# 7 px from the top, was not found in a 1280 x 1920 tile yet was found with a margin): every piece is read
# with this margin of its own border colour around it.
MARGIN = 32
MIN_OCR_SIDE = 8  # pixels: below this on the short side an image holds no legible line
MAX_FRAMES = 50  # pages read from one multi-frame image (TIFF/WebP)
MAX_PIXELS = 80_000_000  # same limit as intake: above this an image is refused, not decoded
# Orientation: text detection on a copy this long (a retry on a larger one when it finds too few
# lines), then the direction classifier on this many of the longest lines.
ORIENT_SIDE = 640
ORIENT_RETRY_SIDE = 1024
ORIENT_MIN_LINES = 4  # elongated boxes needed to decide anything; fewer and the page is left as it is
ORIENT_SAMPLE = 8
ORIENT_ELONGATED = 2.0  # a box this many times longer than thick is a line of text, not a character


@lru_cache(maxsize=1)
def engine_version() -> str:
    """Identifies the OCR engine and models, for cache keys. Does not import the engine."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        rapid = version("rapidocr-onnxruntime")
    except PackageNotFoundError:
        rapid = "missing"
    try:
        ort = version("onnxruntime")
    except PackageNotFoundError:
        ort = "missing"
    return (
        f"rapidocr-onnxruntime {rapid} (PP-OCRv4 ch det/rec); onnxruntime {ort}; pipeline {PIPELINE_VERSION}"
    )


class OcrUnavailable(UserError):
    """The OCR engine cannot be loaded (missing package or model): a fault of this installation, not of
    any file, so it stops the operation with one clear sentence and nothing is cached."""


class OcrEngine:
    """The process-wide RapidOCR instance. ``calls`` counts real engine invocations (one per image tile);
    ``orientation_calls`` the cheap orientation decisions (detection on a small copy, no recognition)."""

    def __init__(self) -> None:
        self._engine: Any = None
        self._lock = threading.Lock()
        self.calls = 0
        self.orientation_calls = 0

    def _load(self) -> Any:
        if self._engine is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except Exception as exc:  # ImportError, or a broken onnxruntime/cv2 install
                raise OcrUnavailable(
                    f"the OCR engine cannot be loaded ({type(exc).__name__}: {exc}); screenshots and scans "
                    "cannot be read until Evidence Desk is reinstalled"
                ) from None
            threads = _engine_threads()
            self._engine = (
                RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1) if threads else RapidOCR()
            )
        return self._engine

    def loaded(self) -> Any:
        """The underlying RapidOCR object (loading it if needed); for benchmarks comparing against it."""
        with self._lock:
            return self._load()

    def run(self, rgb: Image.Image) -> list[tuple[list[list[float]], str, float]]:
        """Raw RapidOCR results for one RGB image: (quad, text, score) in that image's pixels."""
        return [(quad, text, score) for quad, text, score, _centres in self.run_with_chars(rgb)]

    def run_with_chars(
        self, rgb: Image.Image
    ) -> list[tuple[list[list[float]], str, float, list[float] | None]]:
        """Like ``run``, plus the x centre of every character of the text (None when not given)."""
        import numpy as np

        bgr = np.ascontiguousarray(np.asarray(rgb.convert("RGB"))[:, :, ::-1])
        with self._lock:
            engine = self._load()
            self.calls += 1
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # no per-line direction classifier: pages are turned upright first (ocr_page), and on an
                # upright page it turned long thin lines (a 1000 x 20 px address bar) over, so they were
                # read as nothing and dropped
                result, _elapsed = engine(bgr, use_cls=False, return_word_box=True)
        out: list[tuple[list[list[float]], str, float, list[float] | None]] = []
        for item in result or []:
            quad, text, score = item[0], str(item[1]), float(item[2])
            cells = item[3] if len(item) > 3 else None
            centres: list[float] | None = None
            if cells and len(cells) == len(text):
                centres = sorted(sum(float(p[0]) for p in cell) / len(cell) for cell in cells)
            out.append((quad, text, score, centres))
        return out

    def orientation(self, rgb: Image.Image) -> int:
        """How many degrees clockwise the page in ``rgb`` is turned (0, 90, 180 or 270), decided without
        recognising any text. 0 when there is too little text to tell, or the engine's parts are not
        where this version of RapidOCR keeps them."""
        with self._lock:
            engine = self._load()
            self.orientation_calls += 1
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    turned = _orientation(engine, rgb, ORIENT_SIDE)
                    if turned is None:
                        turned = _orientation(engine, rgb, ORIENT_RETRY_SIDE)
            except Exception:  # noqa: BLE001 - deciding is an optimisation of reading, never a failure of it
                import logging

                logging.getLogger(__name__).info("orientation could not be decided", exc_info=True)
                return 0
        return turned or 0


_ENGINE = OcrEngine()


def _orientation(engine: Any, rgb: Image.Image, side: int) -> int | None:
    """One try at ``side`` pixels: the turn, or None when too few lines were found to tell."""
    import numpy as np
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    scale = min(1.0, side / max(rgb.width, rgb.height))
    small = rgb
    if scale < 1.0:
        small = rgb.resize(
            (max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale))), Image.Resampling.BILINEAR
        )
    bgr = np.ascontiguousarray(np.asarray(small)[:, :, ::-1])
    det = engine.text_det
    # RapidOCR's own detector preprocessing enlarges a page to 736 px on its short side; this keeps the
    # small copy small (its model accepts any size that is a multiple of 32).
    batch = DetPreProcess(side, "max", det.mean, det.std)(bgr)
    if batch is None:
        return None
    boxes, _scores = det.postprocess_op(det.infer(batch)[0], bgr.shape[:2])
    across: list[tuple[float, tuple[float, float, float, float]]] = []
    down: list[tuple[float, tuple[float, float, float, float]]] = []
    for quad in boxes:
        xs, ys = quad[:, 0], quad[:, 1]
        box = (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
        w, h = box[2] - box[0], box[3] - box[1]
        if w >= ORIENT_ELONGATED * h and h > 0:
            across.append((w, box))
        elif h >= ORIENT_ELONGATED * w and w > 0:
            down.append((h, box))
    if len(across) + len(down) < ORIENT_MIN_LINES:
        return None
    # Lines running down the page in the clear majority (by length): the page lies on its side.
    sideways = sum(n for n, _ in down) > 2 * sum(n for n, _ in across) and len(down) >= ORIENT_MIN_LINES // 2
    sample = sorted(down if sideways else across, key=lambda item: -item[0])[:ORIENT_SAMPLE]
    full = np.asarray(rgb)[:, :, ::-1]
    crops = []
    for _n, (x0, y0, x1, y1) in sample:
        crop = full[
            max(0, int(y0 / scale)) : min(full.shape[0], int(y1 / scale) + 1),
            max(0, int(x0 / scale)) : min(full.shape[1], int(x1 / scale) + 1),
        ]
        if crop.size == 0:
            continue
        # a page turned 90 degrees clockwise has its lines read upright once turned back (anticlockwise)
        crops.append(np.ascontiguousarray(np.rot90(crop, k=1) if sideways else crop))
    if not crops:
        return None
    _imgs, labels, _elapsed = engine.text_cls(crops)
    upright = sum(float(score) for label, score in labels if label == "0")
    flipped = sum(float(score) for label, score in labels if label == "180")
    if sideways:
        return 270 if flipped > upright else 90
    # an upright page is kept unless its lines are read upside down clearly more often than not
    return 180 if flipped > 1.5 * upright else 0


def _engine_threads() -> int:
    """Threads per OCR engine, set by the worker pool so that parallel workers do not fight over the
    cores (0: onnxruntime's default, one per core)."""
    import os

    try:
        return max(0, int(os.environ.get("EVIDENCE_DESK_OCR_THREADS", "0")))
    except ValueError:
        return 0


def get_engine() -> OcrEngine:
    return _ENGINE


def load_image_pages(path: str | Path) -> list[Image.Image]:
    """Decode an image file into upright RGB pages (one per TIFF frame), honouring EXIF orientation.

    Raises OSError/ValueError (from Pillow) or Image.DecompressionBombError for bad files.
    """
    pages: list[Image.Image] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Image.open(path) as im:
            if im.width * im.height > MAX_PIXELS:
                raise Image.DecompressionBombError(f"{im.width} x {im.height} pixels")
            for index in range(min(MAX_FRAMES, getattr(im, "n_frames", 1) or 1)):
                im.seek(index)
                frame = ImageOps.exif_transpose(im.copy()) or im.copy()
                pages.append(to_rgb(frame))
    return pages


def to_rgb(img: Image.Image) -> Image.Image:
    """RGB with transparency flattened onto white (transparent text areas OCR as black otherwise)."""
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        return img.point(lambda v: v / 256).convert("L").convert("RGB")
    return img.convert("RGB")


def _plan(width: int, height: int) -> tuple[float, list[tuple[int, int]], bool]:
    """Scale factor, the spans (start, end) to OCR along the long axis after scaling, and whether that
    axis is vertical. Long screenshots are cut into overlapping tiles so their text keeps its size."""
    long_side, short_side = max(width, height), min(width, height)
    tiled = long_side > MAX_SIDE * 1.3 and long_side / short_side > 2.2
    if long_side < UPSCALE_BELOW:
        scale = min(MAX_UPSCALE, UPSCALE_BELOW * 1.4 / long_side)
    elif tiled:
        scale = min(1.0, MAX_SIDE * 0.8 / short_side)
    else:
        scale = min(1.0, MAX_SIDE / long_side)  # one pass; RapidOCR would shrink it anyway
    long_scaled = max(1, round(long_side * scale))
    if not tiled:
        return scale, [(0, long_scaled)], height >= width
    # tiles at least four overlaps long (so the walk always advances) and at most MAX_TILES of them
    tile = max(min(MAX_SIDE, round(short_side * scale * 1.5)), 4 * TILE_OVERLAP)
    tile = max(tile, -(-long_scaled // MAX_TILES) + TILE_OVERLAP)
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        end = min(long_scaled, start + tile)
        spans.append((start, end))
        if end >= long_scaled:
            return scale, spans, height >= width
        start = end - TILE_OVERLAP


def ocr_image(
    image: Image.Image,
    *,
    page: int = 1,
    engine: OcrEngine | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> list[TextLine]:
    """OCR one image; lines in reading order with boxes in the image's own pixels."""
    engine = engine or _ENGINE
    if min(image.width, image.height) < MIN_OCR_SIDE:
        return []  # no line of text fits; a 1 x 60000 strip upscaled and tiled took 2.5 GB for nothing
    rgb = to_rgb(image)
    scale, spans, vertical = _plan(rgb.width, rgb.height)
    work = rgb
    if scale != 1.0:
        size = (max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale)))
        work = rgb.resize(size, Image.Resampling.LANCZOS)
    found: list[TextLine] = []
    for i, (start, end) in enumerate(spans):
        cancel.raise_if_cancelled()
        crop = work.crop((0, start, work.width, end) if vertical else (start, 0, end, work.height))
        keep_from = start + (TILE_OVERLAP / 2 if i > 0 else 0)
        keep_to = end - (TILE_OVERLAP / 2 if i < len(spans) - 1 else 0)
        with_chars = getattr(engine, "run_with_chars", None)
        framed = with_margin(crop)
        results = with_chars(framed) if with_chars else [(*r, None) for r in engine.run(framed)]
        for quad, raw_text, score, centres in results:
            quad = [[float(p[0]) - MARGIN, float(p[1]) - MARGIN] for p in quad]
            centres = [c - MARGIN for c in centres] if centres else centres
            text = raw_text.strip()
            if not text:
                continue
            lead = len(raw_text) - len(raw_text.lstrip())
            centres = centres[lead : lead + len(text)] if centres else None
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            if vertical:
                ys = [y + start for y in ys]
            else:
                xs = [x + start for x in xs]
            centre = (min(ys) + max(ys)) / 2 if vertical else (min(xs) + max(xs)) / 2
            if len(spans) > 1 and not keep_from <= centre < keep_to:
                continue  # this line belongs to the neighbouring tile
            box = (
                max(0.0, min(xs) / scale),
                max(0.0, min(ys) / scale),
                min(float(rgb.width), max(xs) / scale),
                min(float(rgb.height), max(ys) / scale),
            )
            if centres is not None:
                centres = [((c + (0 if vertical else start)) / scale) for c in centres]
            found.append(
                TextLine(
                    text=text,
                    page=page,
                    box=box,
                    confidence=round(score, 4),
                    source="ocr",
                    char_pos=char_boundaries(text, centres, box[0], box[2]) if centres else (),
                )
            )
    return reading_order(found)


@dataclass
class OcrPage:
    """One page read by OCR, upright: ``rotation`` degrees clockwise is how the page lies in the image,
    and the lines' boxes are in the pixels of the page turned back (``width`` x ``height``)."""

    lines: list[TextLine]
    rotation: int
    width: int
    height: int


# Image.transpose turns anticlockwise: what undoes a page turned clockwise by so many degrees
_UNDO = {
    90: Image.Transpose.ROTATE_90,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_270,
}


def ocr_page(
    image: Image.Image,
    *,
    page: int = 1,
    engine: OcrEngine | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
    orient: bool = True,
) -> OcrPage:
    """OCR one page in whatever orientation it lies: decide the turn cheaply, turn it once, read it once.

    Long strips (scrolling screenshots, read in tiles) are taken as they are: they are captured upright
    and a small copy of them shows no legible line."""
    engine = engine or _ENGINE
    rgb = to_rgb(image)
    turned = 0
    if orient and min(rgb.width, rgb.height) >= 32 and len(_plan(rgb.width, rgb.height)[1]) == 1:
        decide = getattr(engine, "orientation", None)
        turned = decide(rgb) if decide is not None else 0
    cancel.raise_if_cancelled()
    upright = rgb.transpose(_UNDO[turned]) if turned in _UNDO else rgb
    lines = ocr_image(upright, page=page, engine=engine, cancel=cancel)
    return OcrPage(lines, turned if turned in _UNDO else 0, upright.width, upright.height)


def with_margin(crop: Image.Image) -> Image.Image:
    """The piece with MARGIN pixels of its border colour (the median of its outermost pixels) around it."""
    import numpy as np

    a = np.asarray(crop.convert("RGB"))
    frame = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    fill = tuple(int(v) for v in np.median(frame, axis=0))
    return ImageOps.expand(crop, border=MARGIN, fill=fill)  # type: ignore[arg-type]


def char_boundaries(text: str, centres: list[float], x0: float, x1: float) -> tuple[float, ...]:
    """Where each character starts across [x0, x1] (fractions), from the recogniser's character centres.

    Inside a word the boundary is midway between neighbouring centres; next to a space the word is
    given up to three quarters of a character pitch, so an outline covers the whole first and last
    letter; the line's own edges bound the first and last character. () when the centres are unusable.
    """
    n = len(text)
    width = x1 - x0
    if (
        n == 0
        or len(centres) != n
        or width <= 0
        or any(b < a for a, b in zip(centres, centres[1:], strict=False))
    ):
        return ()
    solid = [i for i in range(n) if not text[i].isspace()]
    pitches = [
        (centres[b] - centres[a]) / (b - a) for a, b in zip(solid, solid[1:], strict=False) if b - a == 1
    ]
    pitch = sorted(pitches)[len(pitches) // 2] if pitches else width / n
    bounds = [x0] + [0.0] * (n - 1) + [x1]
    for j in range(1, n):
        left, right = text[j - 1].isspace(), text[j].isspace()
        mid = (centres[j - 1] + centres[j]) / 2
        if not left and not right:
            bounds[j] = mid
        elif not left:  # a word ends at j - 1
            bounds[j] = max(mid, min(centres[j - 1] + 0.75 * pitch, centres[j]))
        elif not right:  # a word starts at j
            bounds[j] = min(mid, max(centres[j] - 0.75 * pitch, centres[j - 1]))
        else:
            bounds[j] = mid
    for j in range(1, n + 1):  # never decreasing, inside the box
        bounds[j] = min(x1, max(bounds[j], bounds[j - 1]))
    return tuple((b - x0) / width for b in bounds)


def reading_order(lines: list[TextLine]) -> list[TextLine]:
    """Top to bottom, and left to right within a row (boxes whose vertical centres are close)."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
        centre = (line.box[1] + line.box[3]) / 2
        height = max(1.0, line.box[3] - line.box[1])
        if rows:
            last = rows[-1][-1]
            last_centre = (last.box[1] + last.box[3]) / 2
            if abs(centre - last_centre) < 0.5 * min(height, max(1.0, last.box[3] - last.box[1])):
                rows[-1].append(line)
                continue
        rows.append([line])
    return [ln for row in rows for ln in sorted(row, key=lambda ln: ln.box[0])]


def ocr_images(
    images: list[Image.Image], *, progress: ProgressFn = no_progress, cancel: CancelToken = NEVER_CANCELLED
) -> list[OcrPage]:
    """OCR several pages (each turned upright first), reporting progress and honouring cancellation."""
    out: list[OcrPage] = []
    for i, img in enumerate(images):
        cancel.raise_if_cancelled()
        progress(i / max(1, len(images)), said("progress.ocr_page", page=i + 1, pages=len(images)))
        out.append(ocr_page(img, page=i + 1, cancel=cancel))
    progress(1.0, said("progress.ocr_done"))
    return out
