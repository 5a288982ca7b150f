"""A photo stored turned and tagged with EXIF orientation (as phones save them) is previewed upright in
summary.pdf, the frame its text was read in, so outlines drawn on the preview land on the right pixels."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.model import EvidenceFile
from desktop_app.core.package.images import preview
from tests.factories.layout import save_image


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_exif_tagged_photo_is_previewed_upright_at_the_boxes_scale(tmp_path: Path, orientation: int) -> None:
    upright = Image.new("RGB", (1600, 900), (240, 240, 240))
    upright.paste((200, 20, 20), (100, 100, 500, 300))  # a red block near the top left, as shown
    path = tmp_path / "photo.jpg"
    save_image(upright, path, exif_orientation=orientation)  # pixels stored turned, tag turns them back
    with Image.open(path) as im:
        assert im.size == ((900, 1600) if orientation in (6, 8) else (1600, 900))
    p = preview(path, EvidenceFile("x", path.name, path.stat().st_size, "image/jpeg", "2026-01-01T00:00:00Z"))
    assert p is not None and p.width > p.height  # upright: landscape, as the picture is shown
    with Image.open(io.BytesIO(p.jpeg)) as im:
        # the block's centre (300, 200) in the shown picture's pixels, through the preview's scale
        r, g, b = im.getpixel((round(300 * p.scale), round(200 * p.scale)))
        far = im.getpixel((round(1300 * p.scale), round(700 * p.scale)))
    assert r > 150 and g < 90 and b < 90, (r, g, b)
    assert min(far) > 200
