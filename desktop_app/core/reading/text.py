"""Text read from a document, with where each line sits. The common currency of all readers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

Box = tuple[float, float, float, float]  # x0, y0, x1, y1; origin top-left of the page
TURNS = (0, 90, 180, 270)

# Status values of a read
OK = "ok"
NO_TEXT = "no_text"  # readable, but nothing legible on it
PASSWORD_PROTECTED = "password_protected"
UNREADABLE = "unreadable"  # corrupt, truncated, not what it claims to be


@dataclass(frozen=True)
class TextLine:
    """One line of text. ``box`` is in the page's own units (PDF points or image pixels)."""

    text: str
    page: int  # 1-based
    box: Box
    confidence: float  # 0..1; 1.0 for a PDF text layer
    source: str = "text"  # "text" (PDF text layer), "ocr", or "capture" (a web capture's own text)
    locator: str = ""  # where in a web capture this was read (part/record and element); "" elsewhere
    # Where each character starts across the box, as fractions of its width: len(text) + 1 boundaries
    # from the recogniser's character positions (or the PDF's glyph advances); () when not known.
    char_pos: tuple[float, ...] = ()

    def sub_box(self, start: int, end: int) -> Box | None:
        """The part of the box holding text[start:end] from measured character positions, else None."""
        if len(self.char_pos) != len(self.text) + 1 or not 0 <= start < end <= len(self.text):
            return None
        x0, y0, x1, y1 = self.box
        w = x1 - x0
        return (x0 + w * self.char_pos[start], y0, x0 + w * self.char_pos[end], y1)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["box"] = [round(v, 2) for v in self.box]
        if not self.locator:
            del d["locator"]
        if self.char_pos:
            d["char_pos"] = [round(v, 4) for v in self.char_pos]
        else:
            del d["char_pos"]
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> TextLine:
        return cls(
            text=d["text"],
            page=int(d["page"]),
            box=tuple(d["box"]),  # type: ignore[arg-type]
            confidence=float(d["confidence"]),
            source=d.get("source", "text"),
            locator=d.get("locator", ""),
            char_pos=tuple(float(v) for v in d.get("char_pos") or ()),
        )


def turn_box(box: Box, size: tuple[float, float], degrees: int) -> Box:
    """Where ``box`` of a page of ``size`` (width, height) lies once that page is turned ``degrees``
    clockwise (0, 90, 180 or 270)."""
    x0, y0, x1, y1 = box
    w, h = size
    degrees %= 360
    if degrees == 90:
        return (h - y1, x0, h - y0, x1)
    if degrees == 180:
        return (w - x1, h - y1, w - x0, h - y0)
    if degrees == 270:
        return (y0, w - x1, y1, w - x0)
    return box


@dataclass
class PageText:
    """One page. A page stored turned (a certificate scanned sideways, photographed upside down) is
    read upright: ``rotation`` says how many degrees clockwise the page is turned in the file, and
    ``width``, ``height`` and the lines' boxes are those of the page turned back upright, the frame
    in which readers compare positions. ``stored_box`` gives the pixels (or points) of the file."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    source: str = "text"  # how this page was read: "text" or "ocr"
    rotation: int = 0  # degrees clockwise the page is turned in the file (0, 90, 180, 270)

    def stored_box(self, box: Box) -> Box:
        """A box of this page as read (upright) in the file's own frame, where outlines are drawn."""
        return turn_box(box, (self.width, self.height), self.rotation) if self.rotation else box


@dataclass
class DocumentText:
    """Everything read from one evidence file."""

    sha256: str
    status: str = OK
    message: str = ""  # one sentence when status is not OK
    pages: list[PageText] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. {"capture": …} for web captures

    @property
    def ok(self) -> bool:
        return self.status == OK

    def lines(self) -> Iterator[TextLine]:
        for page in self.pages:
            yield from page.lines

    def stored_box(self, page: int | None, box: Box) -> Box:
        """``box`` of page ``page`` as read, in the file's own frame (see PageText.rotation)."""
        for p in self.pages:
            if p.number == page:
                return p.stored_box(box)
        return box

    @property
    def full_text(self) -> str:
        return "\n".join(line.text for line in self.lines())

    @property
    def mean_confidence(self) -> float:
        lines = list(self.lines())
        return sum(line.confidence for line in lines) / len(lines) if lines else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "status": self.status,
            "message": self.message,
            "pages": [
                {
                    "number": p.number,
                    "width": p.width,
                    "height": p.height,
                    "source": p.source,
                    "lines": [ln.to_json() for ln in p.lines],
                    **({"rotation": p.rotation} if p.rotation else {}),
                }
                for p in self.pages
            ],
            **({"meta": self.meta} if self.meta else {}),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> DocumentText:
        pages = [
            PageText(
                number=p["number"],
                width=p["width"],
                height=p["height"],
                source=p.get("source", "text"),
                lines=[TextLine.from_json(x) for x in p["lines"]],
                rotation=int(p.get("rotation", 0)) if p.get("rotation", 0) in TURNS else 0,
            )
            for p in d["pages"]
        ]
        return cls(
            sha256=d["sha256"],
            status=d["status"],
            message=d.get("message", ""),
            pages=pages,
            meta=dict(d.get("meta") or {}),
        )


def describe_not_read(meta: dict[str, Any]) -> str:
    """'pages 21–500 of 500' for a document's meta["not_read"]."""
    spans = meta.get("pages") or []
    shown = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans[:4]) + (
        ", …" if len(spans) > 4 else ""
    )
    noun = "page" if meta.get("count") == 1 else "pages"
    return f"{noun} {shown} of {meta.get('of')}"
