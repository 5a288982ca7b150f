"""How far a PDF's compressed streams inflate, measured without ever holding what they inflate to.

A decompression bomb is a few megabytes of FlateDecode data that inflate to gigabytes: harmless to
store, but whatever later decodes the stream (pypdf reading the text, pdfium rendering a preview) holds
it all. Intake measures every Flate stream here, in one linear pass over the file's bytes (streams are
never inside object streams, so the raw file holds them all), and refuses the file when a stream
inflates past what a page can need. Output is counted and discarded in 1 MB steps.
"""

from __future__ import annotations

import mmap
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# A stream may inflate to STREAM_FLOOR whatever its ratio (a full-page 600 dpi RGB scan is ~100 MB);
# above that it must stay under MAX_RATIO times its compressed size. Whatever the ratio, no stream may
# inflate past MAX_STREAM and a file's streams together past MAX_TOTAL.
STREAM_FLOOR = 128 * 1024 * 1024
MAX_RATIO = 200
MAX_STREAM = 1024 * 1024 * 1024
MAX_TOTAL = 3 * 1024 * 1024 * 1024
_STEP = 1024 * 1024
_CHUNK = 64 * 1024

_STREAM_KEYWORD = re.compile(rb"stream(?:\r\n|\n|\r)")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)(?![A-Za-z])")
_OTHER_FILTER = re.compile(rb"/(?:LZWDecode|LZW|ASCII85Decode|A85|ASCIIHexDecode|AHx|RunLengthDecode|RL)\b")


@dataclass(frozen=True)
class Inflation:
    """The worst stream found: where it starts, what it inflated to (at least), from how many bytes."""

    offset: int
    inflated: int
    compressed: int
    total: int  # all Flate streams of the file together (at least, when stopped early)
    bomb: bool


def _chunks(buf: mmap.mmap | bytes, start: int) -> Iterator[bytes]:
    for pos in range(start, len(buf), _CHUNK):
        yield buf[pos : pos + _CHUNK]


def _inflate(chunks: Iterator[bytes], counter: list[int]) -> Iterator[bytes]:
    """Inflate a zlib stream fed by ``chunks``, yielding output in steps of at most 1 MB; counter[0]
    counts compressed bytes consumed. Stops quietly at the end of the stream or at corrupt data."""
    d = zlib.decompressobj()
    for chunk in chunks:
        data = chunk
        while data:
            try:
                out = d.decompress(data, _STEP)
            except zlib.error:
                return
            counter[0] += len(data) - len(d.unconsumed_tail) - len(d.unused_data)
            data = d.unconsumed_tail
            if out:
                yield out
            if d.eof:
                return


def _filters(head: bytes) -> tuple[int, bool]:
    """How many FlateDecode filters the stream dictionary names, and whether it names another one first."""
    return len(_FLATE.findall(head)), bool(_OTHER_FILTER.search(head))


def measure(path: str | Path) -> Inflation | None:
    """The worst-inflating Flate stream of the PDF (None when it has none); ``bomb`` says whether it
    is past the limits. Never raises for a malformed file; OSError propagates."""
    with open(path, "rb") as fh:
        try:
            buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # empty file
            return None
        try:
            return _measure(buf)
        finally:
            buf.close()


def _measure(buf: mmap.mmap) -> Inflation | None:
    worst: Inflation | None = None
    total = 0
    for m in _STREAM_KEYWORD.finditer(buf):
        if buf[max(0, m.start() - 3) : m.start()] == b"end":
            continue
        head = buf[max(0, m.start() - 4096) : m.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        flate, other = _filters(head)
        if not flate or other:
            continue
        consumed = [0]
        stream: Iterator[bytes] = _inflate(_chunks(buf, m.end()), consumed)
        for _ in range(min(flate, 3) - 1):  # [/FlateDecode /FlateDecode]: the inner layer is the bomb
            stream = _inflate(stream, [0])
        inflated = 0
        bomb = False
        for out in stream:
            inflated += len(out)
            ratio_bomb = inflated > STREAM_FLOOR and inflated > MAX_RATIO * max(consumed[0], 1)
            if ratio_bomb or inflated > MAX_STREAM or total + inflated > MAX_TOTAL:
                bomb = True
                break
        total += inflated
        if worst is None or inflated > worst.inflated or bomb:
            worst = Inflation(m.end(), inflated, consumed[0], total, bomb)
        if bomb:
            return worst
    return worst
