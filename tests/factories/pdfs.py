"""PDFs that are broken in the ways real uploads are: encrypted, corrupt, truncated, empty, text-free."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.factories.layout import Page, render_pdf


def _simple_page(text: str) -> Page:
    p = Page()
    p.text(20, 30, text, 14)
    return p


def make_text_pdf(path: str | Path, lines: list[str], *, size: float = 12.0) -> Path:
    """A plain one-page text PDF with the given lines, 8 mm apart."""
    p = Page()
    for i, line in enumerate(lines):
        p.text(20, 30 + i * 8, line, size)
    render_pdf([p], path)
    return Path(path)


def make_encrypted_pdf(
    path: str | Path,
    *,
    user_password: str = "s3cret",
    owner_password: str = "owner",
    text: str = "CONFIDENTIAL CERTIFICATE",
) -> Path:
    """Encrypted; with ``user_password=""`` it opens without a password (only permissions are restricted)."""
    render_pdf([_simple_page(text)], path, encrypt=(owner_password, user_password))
    return Path(path)


def make_blank_pdf(path: str | Path, pages: int = 1) -> Path:
    """Valid pages with nothing on them (no text layer, no image)."""
    render_pdf([Page() for _ in range(pages)], path)
    return Path(path)


def make_corrupt_pdf(path: str | Path) -> Path:
    """Starts like a PDF, ends like one, but the body is garbage."""
    Path(path).write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\nthis is not an object\n%%EOF\n")
    return Path(path)


def make_truncated_pdf(path: str | Path, source: str | Path | None = None) -> Path:
    """The first half of a real PDF (an interrupted download)."""
    path = Path(path)
    if source is None:
        with tempfile.TemporaryDirectory() as tmp:
            whole = Path(tmp) / "whole.pdf"
            render_pdf([_simple_page("This document was cut short")], whole)
            data = whole.read_bytes()
    else:
        data = Path(source).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path
