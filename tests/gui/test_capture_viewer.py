"""The evidence viewer shows a web capture as the text read from it, then the pictures inside it."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.reading.captures import WACZ
from desktop_app.gui.evidence_viewer import render_evidence
from tests.factories.captures import CaptureSpec, make_capture


def test_render_a_capture(qtbot, tmp_path: Path) -> None:  # noqa: ARG001 - qtbot: a QApplication exists
    path = make_capture("wacz", CaptureSpec(), tmp_path)
    text = render_evidence(str(path), False, "ab" * 32, 1, WACZ)
    assert text.pages == 2 and not text.image.isNull() and text.image.width() == 1200
    photo = render_evidence(str(path), False, "ab" * 32, 2, WACZ)
    assert photo.page == 2 and (photo.image.width(), photo.image.height()) == (640, 640)
    text.image.save(str(tmp_path / "page1.png"))
