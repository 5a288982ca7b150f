"""Intake refuses every kind of bad evidence file with a sentence naming the file and the problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.core.errors import EvidenceError
from desktop_app.core.intake import inspect_file
from tests.core.files import png_bomb_bytes, write_encrypted_pdf, write_jpeg, write_pdf, write_png


def test_valid_files_are_sniffed(tmp_path: Path) -> None:
    assert inspect_file(write_pdf(tmp_path / "a.pdf")).media_type == "application/pdf"
    assert inspect_file(write_png(tmp_path / "a.png")).media_type == "image/png"
    assert inspect_file(write_jpeg(tmp_path / "a.JPG")).media_type == "image/jpeg"


def test_pdf_with_empty_user_password_is_accepted(tmp_path: Path) -> None:
    assert inspect_file(write_encrypted_pdf(tmp_path / "open.pdf", "")).media_type == "application/pdf"


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good_pdf = write_pdf(tmp_path / "src.pdf").read_bytes()
    good_png = write_png(tmp_path / "src.png").read_bytes()
    cases = {}

    def make(name: str, data: bytes, expect: str) -> None:
        p = tmp_path / name
        p.write_bytes(data)
        cases[name] = (p, expect)

    make("empty.pdf", b"", "empty")
    make("truncated.pdf", good_pdf[: len(good_pdf) // 2], "truncated")
    make("corrupt.pdf", b"%PDF-1.7\n" + os.urandom(2000) + b"\n%%EOF\n", "corrupt")
    make("corrupt.png", good_png[:40] + b"\x00" * 200, "corrupt")
    make("truncated.png", good_png[: len(good_png) - 30], "corrupt or truncated")
    make("really-a-png.pdf", good_png, "does not match")
    make("really-a-pdf.jpg", good_pdf, "does not match")
    make("bomb.png", png_bomb_bytes(), "decompression bomb")
    make("notes.txt", b"hello", "unsupported file type")
    cases["locked.pdf"] = (write_encrypted_pdf(tmp_path / "locked.pdf", "secret"), "password-protected")
    return cases


@pytest.mark.parametrize(
    "name",
    [
        "empty.pdf",
        "truncated.pdf",
        "corrupt.pdf",
        "corrupt.png",
        "truncated.png",
        "really-a-png.pdf",
        "really-a-pdf.jpg",
        "bomb.png",
        "notes.txt",
        "locked.pdf",
    ],
)
def test_bad_files_are_refused_with_a_clear_reason(tmp_path: Path, name: str) -> None:
    path, expect = _bad_files(tmp_path)[name]
    with pytest.raises(EvidenceError) as info:
        inspect_file(path)
    message = str(info.value)
    assert name in message
    assert expect in message
    assert "\n" not in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvidenceError, match="does not exist"):
        inspect_file(tmp_path / "nowhere.png")


def test_long_file_name_is_refused(tmp_path: Path) -> None:
    path = write_png(tmp_path / ("x" * 240 + ".png"))
    with pytest.raises(EvidenceError, match="characters long"):
        inspect_file(path)


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_non_utf8_file_name_is_refused(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/shot-\xff\xfe.png"
    with open(raw, "wb") as fh:
        fh.write(write_png(tmp_path / "ok.png").read_bytes())
    with pytest.raises(EvidenceError, match="not valid UTF-8"):
        inspect_file(os.fsdecode(raw))
