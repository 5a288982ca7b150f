"""A hostile corpus, made on the spot: evidence files, case folders and packages broken the ways an
attacker or a careless forward breaks them, each with a clean file of the same type to compare against.

``build(dest)`` writes them and returns :class:`Item` s. Each item says how it is fed to the app
("evidence": put in a case folder as the listing screenshot or another file and imported, then
checked; "folder": imported as a case folder; "package": verified) and what outcomes are acceptable:
refused with one sentence (exit 2), or handled (exit 0/1) with a finding when something was not read.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from tests.core.files import pdf_bytes, png_bomb_bytes, write_encrypted_pdf
from tests.hostile.rawpdf import bomb_pdf, line_pdf, painted_pdf, raw_pdf, stream, text_pdf

CASE_TOML = """title = "Hostile corpus"
filing_date = 2026-11-20

[complainant]
name = "Kestreline Apparel Inc."

[[rights]]
office = "USPTO"
registration_number = "6123456"
mark = "KESTRELINE"

[[listings]]
url = "https://www.aliexpress.com/item/1005006123456789.html"
screenshots = ["files/{shot}"]
"""


@dataclass(frozen=True)
class Item:
    name: str
    how: str  # "evidence", "folder" or "package"
    path: Path
    clean: str  # the clean item of the same type (its name)
    expect: str  # "refused" (exit 2), "handled" (exit 0 or 1), "either"


def _png(path: Path, size: tuple[int, int] = (800, 600)) -> None:
    Image.new("RGB", size, "white").save(path, "PNG")


def _folder(
    dest: Path, name: str, shot_name: str, shot: bytes | None = None, toml: bytes | None = None
) -> Path:
    folder = dest / name
    (folder / "files").mkdir(parents=True, exist_ok=True)
    if shot is not None:
        (folder / "files" / shot_name).write_bytes(shot)
    (folder / "case.toml").write_bytes(
        toml if toml is not None else CASE_TOML.format(shot=shot_name).encode()
    )
    return folder


def _zip(path: Path, entries: dict[str, bytes], *, compress: bool = True) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for n, data in entries.items():
            z.writestr(n, data)
    return path


def build(dest: Path, *, large: bool = True) -> list[Item]:
    dest.mkdir(parents=True, exist_ok=True)
    items: list[Item] = []

    def ev(name: str, data: bytes, clean: str, expect: str) -> None:
        p = dest / "evidence" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        items.append(Item(name, "evidence", p, clean, expect))

    buf = io.BytesIO()
    Image.new("RGB", (800, 600), "white").save(buf, "PNG")
    clean_png = buf.getvalue()
    ev("clean.pdf", pdf_bytes("KESTRELINE Reg. No. 6,123,456"), "clean.pdf", "handled")
    ev("clean.png", clean_png, "clean.png", "handled")
    good = pdf_bytes()
    ev("truncated.pdf", good[: len(good) // 2], "clean.pdf", "refused")
    ev(
        "javascript-launch.pdf",
        text_pdf(
            b"BT /F1 14 Tf 72 700 Td (KESTRELINE) Tj ET",
            catalog_extra=b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> "
            b"/AA << /WC << /S /Launch /F (cmd.exe) >> >> ",
        ),
        "clean.pdf",
        "handled",
    )
    enc = dest / "evidence" / "encrypted.pdf"
    write_encrypted_pdf(enc, "secret")
    items.append(Item("encrypted.pdf", "evidence", enc, "clean.pdf", "refused"))
    ev("bomb-3GiB.pdf", bomb_pdf((3 << 30) if large else (512 << 20)), "clean.pdf", "refused")
    ev("bomb-nested.pdf", bomb_pdf(1 << 30, layers=2), "clean.pdf", "refused")
    ev("bomb.png", png_bomb_bytes(), "clean.png", "refused")
    tall = io.BytesIO()
    Image.new("L", (1, 60000), 255).save(tall, "PNG")
    ev("one-by-60000.png", tall.getvalue(), "clean.png", "either")
    exif = Image.Exif()
    exif[0x010E] = "A" * 60000  # ImageDescription: a 60 KB EXIF block
    jpg = io.BytesIO()
    Image.new("RGB", (800, 600), "gray").save(jpg, "JPEG", exif=exif.tobytes())
    ev("huge-exif.jpg", jpg.getvalue(), "clean.png", "either")
    ev("polyglot-png-pdf.png", clean_png + line_pdf(b"KESTRELINE"), "clean.png", "either")
    ev("polyglot-pdf-zip.pdf", pdf_bytes() + _zip_bytes({"a.txt": b"x"}), "clean.pdf", "either")
    ev("pdf-named-png.png", good, "clean.png", "refused")
    deep = b"[" * 100_000 + b"]" * 100_000
    ev(
        "deep-nesting.pdf",
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R /Deep " + deep + b" >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream(b"BT ET"),
            ]
        ),
        "clean.pdf",
        "either",
    )
    ev(
        "cyclic-pages.pdf",
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
            ]
        ),
        "clean.pdf",
        "refused",
    )
    ev("painted-2000-pages.pdf", painted_pdf(2000 if large else 200), "clean.pdf", "handled")
    ev(
        "control-characters.pdf",
        line_pdf(b"KESTRELINE \x1b]0;owned\x07 \xe2\x80\xae"),
        "clean.pdf",
        "handled",
    )

    # case folders
    def folder_item(name: str, folder: Path, expect: str) -> None:
        items.append(Item(name, "folder", folder, "clean-folder", expect))

    folder_item("clean-folder", _folder(dest / "folders", "clean-folder", "shot.png", clean_png), "handled")
    folder_item(
        "invalid-utf8-toml",
        _folder(dest / "folders", "invalid-utf8-toml", "shot.png", clean_png, toml=b'title = "\xff\xfe"\n'),
        "refused",
    )
    folder_item(
        "deep-toml",
        _folder(dest / "folders", "deep-toml", "shot.png", clean_png, toml=b"x = " + b"[" * 100_000),
        "refused",
    )
    esc = _folder(dest / "folders", "symlink-escape", "shot.png")
    target = dest / "outside-secret.png"
    target.write_bytes(clean_png)
    os.symlink(target, esc / "files" / "shot.png")
    folder_item("symlink-escape", esc, "refused")
    loop = _folder(dest / "folders", "symlink-loop", "shot.png")
    os.symlink(loop / "files" / "shot.png", loop / "files" / "shot.png")
    folder_item("symlink-loop", loop, "refused")
    fifo = _folder(dest / "folders", "fifo", "shot.png")
    os.mkfifo(fifo / "files" / "shot.png")
    folder_item("fifo", fifo, "refused")
    hidden = CASE_TOML.format(shot="shot.png").replace('"6123456"', '"612\\u200B3456"')
    folder_item(
        "zero-width-registration",
        _folder(dest / "folders", "zero-width-registration", "shot.png", clean_png, toml=hidden.encode()),
        "refused",
    )
    esc_title = CASE_TOML.format(shot="shot.png").replace(
        '"Hostile corpus"', '"\\u001B]0;x\\u0007\\u001B[2J"'
    )
    folder_item(
        "escape-in-title",
        _folder(dest / "folders", "escape-in-title", "shot.png", clean_png, toml=esc_title.encode()),
        "handled",
    )

    # packages (verify): zip-slip names, absolute names, a zip bomb, not a zip
    def pkg(name: str, entries: dict[str, bytes], expect: str = "either") -> None:
        p = dest / "packages" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        _zip(p, entries)
        items.append(Item(name, "package", p, "clean.zip", expect))

    pkg("clean.zip", {"bagit.txt": b"BagIt-Version: 1.0\n", "data/a.txt": b"a"})
    pkg("zip-slip.zip", {"../../evil.txt": b"x", "bagit.txt": b"BagIt-Version: 1.0\n"})
    pkg("absolute-names.zip", {"/etc/evil.txt": b"x"})
    pkg("zip-bomb.zip", {"data/zeros.bin": bytes(256 << 20)})
    p = dest / "packages" / "not-a-zip.zip"
    p.write_bytes(b"PK\x03\x04" + os.urandom(4096))
    items.append(Item("not-a-zip.zip", "package", p, "clean.zip", "either"))
    return items


def _zip_bytes(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, d in entries.items():
            z.writestr(n, d)
    return buf.getvalue()
