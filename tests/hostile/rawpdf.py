"""PDFs written object by object, for the shapes no PDF library will produce: control characters in a
text layer, streams that inflate far past their size, JavaScript and launch actions, deep nesting."""

from __future__ import annotations

import zlib


def raw_pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer_extra,
        xref,
    )
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, deflate: bool = False) -> bytes:
    if deflate:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(content: bytes, *, catalog_extra: bytes = b"", deflate: bool = False) -> bytes:
    """One page drawing ``content`` (a content stream) with Helvetica."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>"
            b" /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            stream(content, deflate=deflate),
        ]
    )


def line_pdf(text: bytes) -> bytes:
    """One line of text, exactly these bytes in the text layer (escape ( ) \\ yourself)."""
    return text_pdf(b"BT /F1 14 Tf 72 700 Td (" + text + b") Tj ET")


def zlib_bomb(inflated: int, byte: bytes = b"0") -> bytes:
    """A zlib stream that inflates to ``inflated`` bytes of ``byte``, made in milliseconds: one
    self-contained deflate block for 1 MB (full flush: no reference reaches back past it) repeated,
    an empty final block, and the right Adler-32."""
    mb = 1024 * 1024
    unit = byte * mb
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(unit) + comp.flush(zlib.Z_FULL_FLUSH)
    count = max(1, inflated // mb)
    adler = 1
    for _ in range(count):
        adler = zlib.adler32(unit, adler)
    return b"\x78\xda" + block * count + b"\x03\x00" + adler.to_bytes(4, "big")


def bomb_pdf(inflated: int, *, layers: int = 1) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes (``layers`` Flate filters)."""
    data = zlib_bomb(inflated, b" ")
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    filters = b"[" + b" /FlateDecode" * layers + b" ]"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream",
        ]
    )


def painted_pdf(pages: int, *, text_every: int = 0) -> bytes:
    """``pages`` pages that paint shapes but carry no text layer (what a scan looks like to a reader);
    every ``text_every``-th page also carries a line of text."""
    n = pages
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objs.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n)
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i in range(n):
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (5 + 2 * i)
        )
        content = b"4 w 72 600 m 540 600 l S 72 500 m 300 400 l S"
        if text_every and (i + 1) % text_every == 0:
            content += b" BT /F1 14 Tf 72 700 Td (Page %d of the registration file) Tj ET" % (i + 1)
        objs.append(stream(content))
    return raw_pdf(objs)
