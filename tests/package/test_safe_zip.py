"""The ZIP writer's determinism and ZIP64 output, and the extractor's refusal of hostile archives."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.package import safe_zip
from desktop_app.core.package.safe_zip import UnsafeArchiveError, ZipWriter, safe_extract, structure_problems
from desktop_app.core.package.verify import verify_package


def _write(path: Path, big: Path) -> bytes:
    with open(path, "wb") as fh:
        w = ZipWriter(fh)
        w.add_bytes("r/a.txt", b"hello " * 500, compress=True)
        w.add_file("r/data/b.bin", big, big.stat().st_size)
        w.add_bytes("r/数据.txt", "中文".encode())
        w.close()
    return path.read_bytes()


def test_writer_is_deterministic_and_readable_by_standard_tools(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024 + 7))
    first, second = _write(tmp_path / "1.zip", big), _write(tmp_path / "2.zip", big)
    assert first == second
    with zipfile.ZipFile(tmp_path / "1.zip") as zf:
        assert zf.testzip() is None
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert [i.compress_type for i in zf.infolist()] == [
            zipfile.ZIP_DEFLATED,
            zipfile.ZIP_STORED,
            zipfile.ZIP_STORED,
        ]
        assert zf.read("r/data/b.bin") == big.read_bytes()
    subprocess.run(["unzip", "-tq", str(tmp_path / "1.zip")], check=True, capture_output=True)
    assert structure_problems(tmp_path / "1.zip") == []


def test_zip64_records_when_sizes_and_offsets_pass_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 4 GiB test would take minutes; lowering the threshold exercises the same ZIP64 code paths."""
    monkeypatch.setattr(safe_zip, "ZIP64_AT", 1000)
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(5000))
    data = _write(tmp_path / "z.zip", big)
    assert b"PK\x06\x06" in data and b"PK\x06\x07" in data  # ZIP64 end record and locator
    with zipfile.ZipFile(tmp_path / "z.zip") as zf:
        assert zf.testzip() is None and zf.read("r/data/b.bin") == big.read_bytes()
        assert all(i.extract_version == 45 for i in zf.infolist()[1:])
    subprocess.run(["unzip", "-tq", str(tmp_path / "z.zip")], check=True, capture_output=True)
    assert structure_problems(tmp_path / "z.zip") == []


def _zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]], compression: int = zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for info, data in entries:
            zf.writestr(info, data)
    return buf.getvalue()


def _symlink(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


HOSTILE = {
    "zip-slip": [("bag/../../evil.txt", b"x")],
    "absolute": [("/etc/evil.txt", b"x")],
    "drive": [("C:/evil.txt", b"x")],
    "symlink": [("bag/data/x.txt", b"x"), (_symlink("bag/data/link", "/etc/passwd"), b"/etc/passwd")],
    "duplicate": [("bag/a.txt", b"1"), ("bag/a.txt", b"2")],
    "case-collision": [("bag/Data.txt", b"1"), ("bag/data.TXT", b"2")],
    "file-and-folder": [("bag/a", b"1"), ("bag/a/b", b"2")],
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_archives_are_refused_before_anything_is_written(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.zip"
    with pytest.warns(UserWarning) if kind == "duplicate" else _nothing():
        path.write_bytes(_zip(HOSTILE[kind]))
    with pytest.raises(UnsafeArchiveError):
        safe_extract(path, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))
    assert not (tmp_path.parent / "evil.txt").exists()
    with pytest.raises(UnsafeArchiveError):
        verify_package(path)
    assert main(["verify", str(path)]) == 2


def test_zip_bomb_ratio_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    path.write_bytes(_zip([("bag/zeros.bin", b"\0" * (20 * 1024 * 1024))], zipfile.ZIP_DEFLATED))
    with pytest.raises(UnsafeArchiveError, match="compression ratio"):
        safe_extract(path, tmp_path / "out")


def test_not_a_zip_and_several_folders_are_unusable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"this is not a zip")
    assert main(["verify", str(junk)]) == 2
    assert "junk.zip: not a readable ZIP file" in capsys.readouterr().err
    two = tmp_path / "two.zip"
    two.write_bytes(_zip([("a/x.txt", b"1"), ("b/y.txt", b"2")]))
    with pytest.raises(UnsafeArchiveError, match="not a submission package"):
        verify_package(two)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@pytest.mark.parametrize("has_pread", [True, False])
def test_output_hash_equals_the_file_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, has_pread: bool
) -> None:
    import hashlib

    if not has_pread:  # the Windows path: one more pass at the end
        monkeypatch.delattr(os, "pread")
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    with open(tmp_path / "h.zip", "w+b") as fh:
        w = ZipWriter(fh, hash_output=True)
        w.add_bytes("r/a.txt", b"a" * 1000, compress=True)
        w.add_file("r/b.bin", big, big.stat().st_size)
        w.close()
    assert w.sha256 == hashlib.sha256((tmp_path / "h.zip").read_bytes()).hexdigest()
    with open(tmp_path / "w.zip", "wb") as fh, pytest.raises(ValueError, match="reading too"):
        ZipWriter(fh, hash_output=True)
