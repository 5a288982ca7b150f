"""No room to write: a real EFBIG from the operating system (a child process with a file-size limit,
as a full FAT32 stick or a quota gives), never a traceback, nothing half-written."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.errors import no_room_sentence
from tests.core.test_case_folder import make_folder

LIMIT = 2 * 1024 * 1024


def _limited() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX only")
def test_import_past_the_file_size_limit_is_one_sentence_and_keeps_nothing(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    noise = Image.frombytes("RGB", (1200, 1000), os.urandom(1200 * 1000 * 3))
    noise.save(folder / "files" / "listing.png")  # ~3.6 MB: past the limit
    assert (folder / "files" / "listing.png").stat().st_size > LIMIT
    data = tmp_path / "data"
    r = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data), "import", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limited,
    )
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "larger than the disk or the system allows" in lines[0], r.stderr
    assert "nothing was written or kept" in lines[0] and "Traceback" not in r.stderr
    vault = data / "vault"
    kept = [p for p in vault.rglob("*") if p.is_file()] if vault.exists() else []
    assert kept == []  # no partial copy, no temporary file
    r = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data), "cases"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0 and r.stdout.strip() == ""  # no case was stored


def test_no_room_sentences() -> None:
    import errno
    import sqlite3

    full = no_room_sentence(OSError(errno.ENOSPC, "No space left on device", "/media/stick/out/x.zip"))
    assert full == (
        "The disk holding /media/stick/out is full; nothing was written or kept. "
        "Free some space and try again."
    )
    assert "full" in (no_room_sentence(sqlite3.OperationalError("database or disk is full")) or "")
    assert no_room_sentence(OSError(errno.EACCES, "denied")) is None
    assert no_room_sentence(ValueError("x")) is None
