"""Evidence files as bounded-size JPEG previews for the rendered PDFs (the originals travel untouched).

Previews keep memory flat whatever the evidence size: each image is decoded, scaled down to at most
``MAX_PX`` on its long side and re-encoded once; a PDF screenshot is rendered page by page.
"""

from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from desktop_app.core.model import EvidenceFile

MAX_PX = 1200
JPEG_QUALITY = 80


@dataclass(frozen=True)
class Preview:
    jpeg: bytes
    width: int  # preview pixels
    height: int
    scale: float  # preview pixels per source unit (image pixel or PDF point)
    page: int  # 1-based
    pages: int


# Modes that resize as they are; others (palette, 1-bit, 16/32-bit, CMYK…) are converted first.
_RESIZABLE = {"RGB", "RGBA", "L", "LA", "RGBX"}


# EXIF orientation -> the transpose that shows the picture upright (the frame OCR boxes are read in)
_EXIF_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _encode(img: Image.Image, unit_scale: float, page: int, pages: int, orientation: int = 1) -> Preview:
    # Scale down before converting, and by an integer box reduction before the LANCZOS pass
    # (``Image.reduce``): an 80-megapixel PNG then needs its decoded pixels and a small copy, not a
    # second full-size copy and a full-size filter pass (80 Mpx RGBA PNG: 727 -> ~420 MB peak).
    if img.mode not in _RESIZABLE:
        img = img.convert("RGB")
    factor = min(1.0, MAX_PX / max(img.size))
    if factor < 1.0:
        target = (max(1, round(img.width * factor)), max(1, round(img.height * factor)))
        box = int(1 / factor) // 2  # a box reduction leaves >= 2x the target for LANCZOS to finish
        if box >= 2:
            # band by band: one full-size band at a time (Pillow's RGBA reduce would first make a
            # premultiplied full-size copy); alpha is dropped anyway, as convert("RGB") does
            colour = img.mode.startswith("RGB")
            bands = [img.getchannel(i).reduce(box) for i in range(3 if colour else 1)]
            img = Image.merge("RGB" if colour else "L", bands)
        img = img.convert("RGB").resize(target, Image.Resampling.LANCZOS)
    else:
        img = img.convert("RGB")
    if orientation in _EXIF_UPRIGHT:  # turned once small, not at full size
        img = img.transpose(_EXIF_UPRIGHT[orientation])
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=JPEG_QUALITY)
    return Preview(buf.getvalue(), img.width, img.height, unit_scale * factor, page, pages)


def preview(path: Path, f: EvidenceFile, page: int = 1) -> Preview | None:
    """A preview of ``page`` of the evidence file, or None when it cannot be rendered."""
    try:
        if f.is_pdf:
            import pypdfium2 as pdfium

            doc = pdfium.PdfDocument(str(path))
            try:
                pages = len(doc)
                if not 1 <= page <= pages:
                    return None
                pdf_page = doc[page - 1]
                w, h = pdf_page.get_size()
                scale = min(3.0, MAX_PX / max(w, h, 1))
                img = pdf_page.render(scale=scale).to_pil()
                pdf_page.close()
                return _encode(img, scale, page, pages)
            finally:
                doc.close()
        with Image.open(path) as im:
            pages = getattr(im, "n_frames", 1)
            if page > 1:
                im.seek(page - 1)
            full_width = im.size[0]
            try:
                orientation = int(im.getexif().get(0x0112, 1) or 1)
            except Exception:  # noqa: BLE001 - a broken EXIF block: show the pixels as stored
                orientation = 1
            im.draft("RGB", (MAX_PX, MAX_PX))  # JPEG: decode at reduced size directly
            # Located boxes are in the picture as shown, EXIF orientation applied (as OCR reads it and
            # the viewer shows it); the same scale holds in both axes, turned or not.
            return _encode(im, im.size[0] / max(full_width, 1), page, pages, orientation)
    except Exception:  # a preview is best effort; the original file is still in the package
        return None


class PreviewCache:
    """Previews made once per export and shared by the summary and the comparison."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, int], Preview | None] = {}

    def get(self, path: Path, f: EvidenceFile, page: int = 1) -> Preview | None:
        key = (f.sha256, page)
        if key not in self._done:
            self._done[key] = preview(path, f, page)
        return self._done[key]

    def prefetch(self, wanted: list[tuple[Path, EvidenceFile, int]], workers: int = 0) -> None:
        """Make image previews on all cores (Pillow releases the GIL while decoding and encoding).

        PDFs are left for :meth:`get`, in the calling thread: pdfium must not be used concurrently.
        """
        todo: dict[tuple[str, int], tuple[Path, EvidenceFile, int]] = {}
        for path, f, page in wanted:
            if not f.is_pdf and (f.sha256, page) not in self._done:
                todo.setdefault((f.sha256, page), (path, f, page))
        if not todo:
            return
        workers = workers or min(len(todo), os.cpu_count() or 1, 4)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for key, pv in zip(todo, pool.map(lambda a: preview(*a), todo.values()), strict=True):
                self._done[key] = pv
