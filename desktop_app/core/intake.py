"""Type sniffing and refusal of bad evidence files, before anything is stored.

Every refusal is an :class:`EvidenceError` naming the file and the problem in one sentence.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core import pdf_streams
from desktop_app.core.errors import EvidenceError
from desktop_app.core.messages import msg
from desktop_app.core.reading import captures
from desktop_app.core.user_files import (
    display_path,
    invisible_characters,
    open_user_file,
    stat_regular,
    too_large,
)

MAX_NAME_CHARS = 200
# Evidence is a certificate, a scan or a screenshot: anything bigger is refused before it is copied.
MAX_FILE_BYTES = 512 * 1024 * 1024
# Above this many pixels an image is treated as a decompression bomb (a 10000 x 8000 screenshot fits).
MAX_IMAGE_PIXELS = 80_000_000

_EXTENSIONS = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".bmp": "image/bmp",
    **captures.EXTENSIONS,  # web captures: MHTML, saved/SingleFile HTML, WARC, WACZ
}
_PIL_FORMATS = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
    "BMP": "image/bmp",
    "MPO": "image/jpeg",
}
SUPPORTED_EXTENSIONS = tuple(sorted(_EXTENSIONS))


@dataclass(frozen=True)
class Sniffed:
    media_type: str
    size: int


def sniff_bytes(head: bytes) -> str | None:
    """The media type the first bytes of a file announce, or None."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head[:2] == b"BM":
        return "image/bmp"
    capture = captures.sniff_capture(head)
    if capture is not None:
        return capture
    if b"%PDF-" in head[:1024]:  # a PDF behind a few bytes of junk
        return "application/pdf"
    return None


_KIND_KEYS = {
    None: "unknown",
    "application/pdf": "pdf",
    captures.WACZ: "zip",
    captures.MHTML: "mhtml",
    captures.HTML: "html",
    captures.WARC: "warc",
}


def _describe(media_type: str | None) -> dict[str, Any]:
    """What sniffed content is ("a PDF", "a PNG image"), as a catalogue message."""
    key = _KIND_KEYS.get(media_type)
    if key is not None:
        return msg("intake.kind." + key)
    return msg("intake.kind.image", format=str(media_type).split("/")[-1].upper())


def check_name(path: Path) -> None:
    """Refuse a file name that cannot be stored, shown or signed as it is: not UTF-8, too long, or
    holding control or invisible characters (a name that looks like another one)."""
    name = path.name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise EvidenceError(display_path(path), msg("intake.name_not_utf8")) from None
    if len(name) > MAX_NAME_CHARS:
        raise EvidenceError(
            display_path(path),
            msg("intake.name_too_long", length=len(name), limit=MAX_NAME_CHARS),
        )
    hidden = [c for c in invisible_characters(name) if not c.startswith(_JOINERS)]
    if hidden:
        key = "intake.name_hidden." + ("one" if len(hidden) == 1 else "many")
        exists = msg("intake.name_exists") if path.exists() else ""
        raise EvidenceError(display_path(path), msg(key, chars=", ".join(hidden), exists=exists))


# Zero-width (non-)joiners are part of correct spelling in Persian, Indic scripts and emoji.
_JOINERS = ("U+200C", "U+200D")


def inspect_file(path: str | Path) -> Sniffed:
    """Check that ``path`` is a usable evidence file and return its sniffed type.

    Raises EvidenceError for a missing or empty file, a name that cannot be stored, content that does
    not match the extension, an unsupported type, a corrupt/truncated/encrypted PDF, a corrupt image
    or a decompression bomb.
    """
    path = Path(path)
    check_name(path)
    size = stat_regular(path, error=EvidenceError).st_size
    if size == 0:
        raise EvidenceError(path, msg("intake.empty"))
    if size > MAX_FILE_BYTES:
        raise too_large(path, size, MAX_FILE_BYTES, error=EvidenceError)
    ext = captures.extension_of(path) or path.suffix.lower()
    expected = _EXTENSIONS.get(ext)
    if expected is None:
        raise EvidenceError(
            path,
            msg(
                "intake.unsupported_type",
                ext=ext or msg("intake.no_extension"),
                supported=", ".join(SUPPORTED_EXTENSIONS),
            ),
        )
    with open_user_file(path, error=EvidenceError) as fh:
        head = fh.read(2048)
    actual = sniff_bytes(head)
    if actual != expected:
        raise EvidenceError(path, msg("intake.content_mismatch", kind=_describe(actual), ext=ext))
    if actual == "application/pdf":
        _check_pdf(path, size)
    elif actual in captures.MEDIA_TYPES:
        _check_capture(path, actual)
    else:
        _check_image(path, actual)
    return Sniffed(actual, size)


def _check_capture(path: Path, media_type: str) -> None:
    """A web capture must open safely and hold a page; its text is read later, exactly."""
    try:
        captures.read_capture(path, media_type)
    except captures.CaptureError as exc:
        raise EvidenceError(path, exc.reason) from None
    except (OSError, MemoryError, RecursionError) as exc:
        raise EvidenceError(path, msg("intake.capture_unreadable", detail=type(exc).__name__)) from None


def _bomb_reason(inflation: pdf_streams.Inflation) -> dict[str, Any]:
    """Why a PDF whose streams inflate too far is refused (the figures of Inflation.describe)."""
    if inflation.total > pdf_streams.MAX_TOTAL:
        return msg("intake.pdf_bomb_total", gb=pdf_streams.MAX_TOTAL // (1024**3))
    return msg(
        "intake.pdf_bomb_stream",
        offset=inflation.offset,
        mb=f"{inflation.inflated / (1024 * 1024):,.0f}",
        compressed=f"{inflation.compressed:,}",
    )


def _check_pdf(path: Path, size: int) -> None:
    import pypdf
    from pypdf.errors import PdfReadError

    from desktop_app.core.reading.pdf_text import walk_pages

    with open_user_file(path, error=EvidenceError) as fh:
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise EvidenceError(path, msg("intake.pdf_truncated"))
    try:
        inflation = pdf_streams.measure(path)
    except OSError as exc:
        raise EvidenceError(
            path, msg("intake.pdf_unreadable", detail=exc.strerror or type(exc).__name__)
        ) from None
    if inflation is not None and inflation.bomb:
        raise EvidenceError(path, _bomb_reason(inflation))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(str(path), strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except Exception:  # pypdf raises several types for unsupported encryption
                    opened = 0
                if not opened:
                    raise EvidenceError(path, msg("intake.pdf_password"))
            first, pages = walk_pages(reader, 1)  # never parses every page of a 20,000-page file
            if pages == 0:
                raise EvidenceError(path, msg("intake.pdf_no_pages"))
            first[0].mediabox  # noqa: B018 - forces the first page object to parse
    except EvidenceError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise EvidenceError(path, msg("intake.pdf_corrupt", detail=type(exc).__name__)) from None
    except Exception as exc:  # pypdf can raise almost anything on hostile input
        raise EvidenceError(path, msg("intake.pdf_corrupt", detail=type(exc).__name__)) from None


def _check_image(path: Path, media_type: str) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                width, height = im.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise EvidenceError(
                        path,
                        msg("intake.image_too_many_pixels", width=width, height=height),
                    )
                if width < 1 or height < 1:
                    raise EvidenceError(path, msg("intake.image_no_pixels"))
                fmt = _PIL_FORMATS.get(im.format or "")
                if fmt != media_type:
                    raise EvidenceError(
                        path, msg("intake.image_format_mismatch", format=im.format, media_type=media_type)
                    )
                im.load()  # decodes everything: catches truncated and corrupt data
    except EvidenceError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise EvidenceError(path, msg("intake.image_bomb")) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise EvidenceError(path, msg("intake.image_corrupt", detail=exc.__class__.__name__)) from None
