"""Issue 10: a page read upright from a file that holds it sideways is outlined on the file's own pixels,
in the OCR overlay and in the rights library's field boxes alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.reading.certificates import CertificateFields
from desktop_app.core.reading.certificates.fields import Field
from desktop_app.core.reading.text import DocumentText, PageText, TextLine

READ_AT = (233.0, 443.0, 369.0, 470.0)  # the line as read on the page turned upright (1240 x 1754)
STORED_AT = (1754 - 470.0, 233.0, 1754 - 443.0, 369.0)  # where it lies in the 1754 x 1240 file


@pytest.fixture
def sideways(store, tmp_path: Path):
    Image.new("RGB", (1754, 1240), "white").save(tmp_path / "sideways.png")
    f = store.files.add(tmp_path / "sideways.png")
    line = TextLine("Reg. No. 6,123,456", 1, READ_AT, 0.95, "ocr")
    return f, DocumentText(f.sha256, pages=[PageText(1, 1240.0, 1754.0, [line], "ocr", rotation=90)])


def test_ocr_overlay_of_a_sideways_page_lands_on_the_stored_pixels(qtbot, window, sideways) -> None:
    f, doc = sideways
    viewer = window.viewer
    with qtbot.waitSignal(viewer.loaded, timeout=30000):
        viewer.show_file(f, 1)
    viewer._draw_ocr(doc)
    [item] = viewer.ocr_items()
    s, r = viewer.scale_factor, item.rect()
    assert item.toolTip().startswith("Reg. No.")
    got = (r.left() / s, r.top() / s, r.right() / s, r.bottom() / s)
    assert all(abs(a - b) < 0.5 for a, b in zip(got, STORED_AT, strict=True))


def test_rights_library_boxes_fields_of_a_sideways_certificate_where_they_lie(
    qtbot, window, sideways
) -> None:
    from desktop_app.gui.rights_library import CertificateReading, RightsLibraryDialog

    f, doc = sideways
    dialog = RightsLibraryDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    fields = CertificateFields(registration_number=Field("6123456", page=1, box=(300.0, 443.0, 369.0, 470.0)))
    dialog.reading = CertificateReading(f, fields, "", doc)
    dialog._show_fields(focus="registration_number")
    [highlight] = dialog.viewer.highlights
    assert highlight.box == (1754 - 470.0, 300.0, 1754 - 443.0, 369.0)
