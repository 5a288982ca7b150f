"""The Linux archive is reproducible: same folder, same bytes, whatever the files' times and owners."""

from __future__ import annotations

import hashlib
import os
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_installer  # noqa: E402


def make_folder(base: Path, mtime: int) -> Path:
    folder = base / "evidence-desk"
    (folder / "_internal" / "resources").mkdir(parents=True)
    exe = folder / "evidence-desk"
    exe.write_bytes(b"\x7fELF console")
    exe.chmod(0o775)
    (folder / "_internal" / "resources" / "b.json").write_text("{}", encoding="utf-8")
    (folder / "_internal" / "resources" / "a.json").write_text("[]", encoding="utf-8")
    (folder / "_internal" / "libQt6Core.so.6").symlink_to("resources/a.json")
    for path in folder.rglob("*"):
        os.utime(path, (mtime, mtime), follow_symlinks=False)
    return folder


def test_same_folder_gives_same_bytes_and_a_clean_layout(tmp_path: Path) -> None:
    extras = {"INSTALL.txt": ROOT / "packaging" / "linux" / "INSTALL.txt"}
    first, second = tmp_path / "one.tar.gz", tmp_path / "two.tar.gz"
    build_installer.make_tarball(
        make_folder(tmp_path / "x", 1_000_000), first, "evidence-desk-1.2.3", 1_700_000_000, extras
    )
    build_installer.make_tarball(
        make_folder(tmp_path / "y", 2_000_000), second, "evidence-desk-1.2.3", 1_700_000_000, extras
    )
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()
    with tarfile.open(first) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == [
        "evidence-desk-1.2.3",
        "evidence-desk-1.2.3/_internal",
        "evidence-desk-1.2.3/_internal/libQt6Core.so.6",
        "evidence-desk-1.2.3/_internal/resources",
        "evidence-desk-1.2.3/_internal/resources/a.json",
        "evidence-desk-1.2.3/_internal/resources/b.json",
        "evidence-desk-1.2.3/evidence-desk",
        "evidence-desk-1.2.3/INSTALL.txt",
    ]
    by_name = {m.name: m for m in members}
    assert all(m.uid == 0 and m.gid == 0 and m.uname == "" and m.mtime == 1_700_000_000 for m in members)
    assert by_name["evidence-desk-1.2.3/evidence-desk"].mode == 0o755
    assert by_name["evidence-desk-1.2.3/_internal/resources/a.json"].mode == 0o644
    link = by_name["evidence-desk-1.2.3/_internal/libQt6Core.so.6"]
    assert link.issym() and link.linkname == "resources/a.json"
    assert not list(tmp_path.glob("*.part"))
