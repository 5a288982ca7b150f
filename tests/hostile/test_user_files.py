"""Opening user-named files: FIFOs, devices, folders, symlink loops and invisible characters are one
sentence naming the file, never a hang or a traceback."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from desktop_app.core.case_folder import import_case_folder
from desktop_app.core.errors import CaseFolderError, EvidenceError, UserError, UserFileError
from desktop_app.core.intake import inspect_file
from desktop_app.core.store import Store
from desktop_app.core.user_files import (
    display_path,
    invisible_characters,
    open_user_file,
    read_user_bytes,
    read_user_text,
    resolve_user_path,
    stat_regular,
)
from tests.core.test_case_folder import make_folder, snapshot
from tests.core.test_cli import run

pytestmark = pytest.mark.timeout(30)  # a FIFO opened the blocking way would hang: fail instead


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pass.txt"
    os.mkfifo(fifo)
    for call in (
        lambda: open_user_file(fifo),
        lambda: read_user_bytes(fifo, max_bytes=10),
        lambda: stat_regular(fifo),
    ):
        with pytest.raises(UserFileError, match=r"pass\.txt: a named pipe \(FIFO\), not a regular file"):
            call()


def test_device_folder_socket_refused(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="character device"):
        read_user_bytes("/dev/zero", max_bytes=100)
    with pytest.raises(UserFileError, match="a folder, not a file"):
        open_user_file(tmp_path)
    sock_path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(sock_path))
        with pytest.raises(UserFileError, match="socket"):
            open_user_file(sock_path)


def test_symlink_loop_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(UserFileError, match="loop of symbolic links"):
        open_user_file(tmp_path / "a")
    with pytest.raises(UserFileError, match="loop of symbolic links"):
        resolve_user_path(tmp_path / "a" / "x")


def test_too_large_and_text(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"x" * 2000)
    with pytest.raises(UserFileError, match="big.txt: the file is 2 KB, larger than the 1000 bytes allowed"):
        read_user_bytes(f, max_bytes=1000)
    f.write_bytes(b"\xef\xbb\xbfhello\n")
    assert read_user_text(f, max_bytes=100) == "hello\n"
    f.write_bytes(b"\xff\xfe")
    with pytest.raises(UserFileError, match="not valid UTF-8"):
        read_user_text(f, max_bytes=100)


def test_invisible_characters_named() -> None:
    assert invisible_characters("listing\u200b.png") == ["U+200B ZERO WIDTH SPACE"]
    assert invisible_characters("a\u202eb\x1b") == ["U+202E RIGHT-TO-LEFT OVERRIDE", "U+001B"]
    assert invisible_characters("商标注册证.pdf") == []
    assert display_path("a\x1b]0;x\x07b") == "a\\u001b]0;x\\u0007b"


def test_missing_file_with_invisible_character_says_so(tmp_path: Path) -> None:
    with pytest.raises(UserFileError) as info:
        stat_regular(tmp_path / "listing\u200b.png")
    assert (
        "does not exist; note that the name contains an invisible character U+200B ZERO WIDTH SPACE"
        in str(info.value)
    )
    assert "\u200b" not in str(info.value)


def test_intake_refuses_fifo_and_invisible_name(tmp_path: Path) -> None:
    fifo = tmp_path / "listing.png"
    os.mkfifo(fifo)
    with pytest.raises(EvidenceError, match="named pipe"):
        inspect_file(fifo)
    zw = tmp_path / "shot\u200b.png"
    zw.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(
        EvidenceError, match=r"invisible or control character U\+200B .*exists.*rename the file"
    ):
        inspect_file(zw)


def test_case_toml_naming_invisible_file(store: Store, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    toml = folder / "case.toml"
    toml.write_text(
        toml.read_text("utf-8").replace('"files/listing.png"', '"files/listing\u200b.png"', 1), "utf-8"
    )
    before = snapshot(store)
    with pytest.raises(
        CaseFolderError, match=r"invisible character U\+200B ZERO WIDTH SPACE \(no file of that"
    ):
        import_case_folder(store, folder)
    assert snapshot(store) == before


def test_case_toml_fifo_and_symlink_loop(store: Store, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    (folder / "files" / "listing.png").unlink()
    os.mkfifo(folder / "files" / "listing.png")
    with pytest.raises(EvidenceError, match="named pipe"):
        import_case_folder(store, folder)
    (folder / "files" / "listing.png").unlink()
    (folder / "files" / "listing.png").symlink_to(folder / "files" / "loop.png")
    (folder / "files" / "loop.png").symlink_to(folder / "files" / "listing.png")
    with pytest.raises(UserError, match="loop of symbolic links"):
        import_case_folder(store, folder)
    toml = folder / "case.toml"
    toml.unlink()
    os.mkfifo(toml)
    with pytest.raises(CaseFolderError, match="named pipe"):
        import_case_folder(store, folder)


def test_case_toml_nested_deep_is_one_sentence(store: Store, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    (folder / "case.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "utf-8")
    with pytest.raises(CaseFolderError, match="case.toml: .*nested too deeply"):
        import_case_folder(store, folder)


def test_cli_passphrase_fifo_and_symlink_loop_folder(tmp_path: Path) -> None:
    fifo = tmp_path / "pass"
    os.mkfifo(fifo)
    r = run(
        "identity", "create", "--name", "A", "--org", "B", "--passphrase-file", str(fifo),
        data_dir=tmp_path / "data",
    )  # fmt: skip
    assert r.returncode == 2, r.stderr
    assert "named pipe" in r.stderr and "Traceback" not in r.stderr
    folder = make_folder(tmp_path)
    (folder / "files" / "listing.png").unlink()
    (folder / "files" / "listing.png").symlink_to("listing.png")
    r = run("import", str(folder), data_dir=tmp_path / "data")
    assert r.returncode == 2
    assert "loop of symbolic links" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
