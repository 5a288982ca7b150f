"""Previews for the rendered PDFs: bounded size, the picture kept in every image mode, boxes still map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.model import EvidenceFile
from desktop_app.core.package.images import MAX_PX, preview


def _file(path: Path, mime: str = "image/png") -> EvidenceFile:
    return EvidenceFile("x", path.name, path.stat().st_size, mime, "2026-01-01T00:00:00Z")


def _halves(mode: str, size: tuple[int, int]) -> Image.Image:
    """Left half red, right half blue (or dark/light for grey modes), a white band at the top."""
    w, h = size
    img = Image.new("RGB", size, (200, 20, 20))
    img.paste((20, 20, 200), (w // 2, 0, w, h))
    img.paste((255, 255, 255), (0, 0, w, h // 10))
    if mode == "RGBA":
        img = img.convert("RGBA")
        img.putalpha(128)  # half transparent: the preview drops alpha, as before
    elif mode in ("L", "LA", "P", "1", "I;16"):
        img = img.convert("L" if mode != "P" else "P")
        if mode in ("LA", "1", "I;16"):
            img = img.convert(mode)
    return img


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "LA", "P", "1", "I;16"])
@pytest.mark.parametrize("size", [(6000, 1600), (900, 700)])
def test_preview_keeps_the_picture_and_its_scale(tmp_path: Path, mode: str, size: tuple[int, int]) -> None:
    path = tmp_path / f"shot-{mode.replace(';', '')}.png"
    _halves(mode, size).save(path)
    p = preview(path, _file(path))
    assert p is not None and max(p.width, p.height) == min(MAX_PX, max(size))
    assert p.scale == pytest.approx(p.width / size[0], rel=0.01)
    with Image.open(__import__("io").BytesIO(p.jpeg)) as im:
        assert im.mode == "RGB"
        left = im.getpixel((p.width // 4, p.height // 2))
        right = im.getpixel((3 * p.width // 4, p.height // 2))
        top = im.getpixel((p.width // 2, 1))
    if mode in ("RGB", "RGBA", "P"):
        assert left[0] > 150 and left[2] < 80 and right[2] > 150 and right[0] < 80, (left, right)
    elif mode != "1":  # grey: the two halves differ (red and blue map to different greys)
        assert abs(left[0] - right[0]) > 10, (left, right)
    assert min(top) > 200 or mode == "1"  # the white band survives the reduction
