"""Hostile inputs to verify and identity import: refused in one sentence or handled, never a hang.

Every hostile file is made by the test: FIFOs, a PKCS#12 asking for 2^31-1 MAC iterations, a package of
100,000 entries, entries that inflate past their declared size, packages over the byte budget.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from asn1crypto import pkcs12 as asn1_pkcs12

from desktop_app.cli import main
from desktop_app.core.package import signing
from desktop_app.core.package.bag import bag_info_text, manifest_text
from desktop_app.core.package.safe_zip import UnsafeArchiveError, ZipWriter
from desktop_app.core.package.verify import verify_package
from tests.package.conftest import Exported


def bag_zip(path: Path, files: dict[str, bytes], *, signature: bytes = b"not a signature") -> Path:
    """A well-formed bag (manifests right, signature junk) written canonically."""
    payload = {f"data/{n}": hashlib.sha256(d).hexdigest() for n, d in files.items()}
    tags = {
        "bag-info.txt": bag_info_text([], sum(map(len, files.values())), len(files)),
        "bagit.txt": b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        "manifest-sha256.txt": manifest_text(payload),
    }
    entries = {f"B/data/{n}": d for n, d in files.items()} | {f"B/{n}": d for n, d in tags.items()}
    tag_manifest = manifest_text({n: hashlib.sha256(d).hexdigest() for n, d in tags.items()})
    entries |= {"B/tagmanifest-sha256.txt": tag_manifest, "B/tagmanifest-sha256.txt.p7s": signature}
    with open(path, "wb") as fh:
        writer = ZipWriter(fh)
        for name in sorted(entries):
            writer.add_bytes(name, entries[name])
        writer.close()
    return path


def test_a_fifo_as_package_or_trust_certificate_is_refused_without_blocking(
    exported: Exported, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "package.zip"
    os.mkfifo(fifo)
    with pytest.raises(UnsafeArchiveError, match="named pipe"):
        verify_package(fifo)
    assert main(["verify", str(fifo)]) == 2
    err = capsys.readouterr().err
    assert "package.zip: a named pipe (FIFO), not a regular file" in err and "Traceback" not in err
    cert_fifo = tmp_path / "signer.pem"
    os.mkfifo(cert_fifo)
    assert main(["verify", str(exported.result.path), "--trust", str(cert_fifo)]) == 2
    assert "signer.pem: a named pipe (FIFO)" in capsys.readouterr().err
    assert main(["timestamp", "request", str(fifo), "--out", str(tmp_path / "r.tsq")]) == 2
    assert "package.zip: a named pipe (FIFO)" in capsys.readouterr().err
    assert main(["timestamp", "attach", str(exported.result.path), str(cert_fifo)]) == 2
    assert "signer.pem: a named pipe (FIFO)" in capsys.readouterr().err


def _hostile_p12(tmp_path: Path, iterations: int) -> Path:
    from tests.package.test_signing import PASS, make_p12

    make_p12(tmp_path / "good.p12", passphrase=PASS)
    pfx = asn1_pkcs12.Pfx.load((tmp_path / "good.p12").read_bytes())
    pfx["mac_data"]["iterations"] = iterations
    out = tmp_path / "hostile.p12"
    out.write_bytes(pfx.dump(force=True))
    return out


def test_a_pkcs12_asking_for_2_31_mac_iterations_is_refused_before_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.package.test_signing import PASS

    hostile = _hostile_p12(tmp_path, 2**31 - 1)
    assert signing.pkcs12_iterations(hostile.read_bytes())[0] == 2**31 - 1
    started = time.monotonic()
    with pytest.raises(signing.IdentityError, match="2,147,483,647 key-derivation iterations"):
        signing.import_identity(tmp_path / "data", hostile, PASS)
    assert time.monotonic() - started < 30  # the uncapped derivation runs for many minutes
    pw = tmp_path / "pw.txt"
    pw.write_text(PASS + "\n")
    argv = [
        "--data-dir",
        str(tmp_path / "d"),
        "identity",
        "import",
        str(hostile),
        "--passphrase-file",
        str(pw),
    ]
    assert main(argv) == 2
    assert "hostile.p12: the PKCS#12 file asks for" in capsys.readouterr().err
    assert not (tmp_path / "data" / "identities").exists()
    # an ordinary file still imports, and garbage is one sentence
    signing.import_identity(tmp_path / "data", tmp_path / "good.p12", PASS)
    (tmp_path / "junk.p12").write_bytes(b"\x30\x82\xff\xff" + b"\x00" * 64)
    with pytest.raises(signing.IdentityError, match="not a readable PKCS#12"):
        signing.import_identity(tmp_path / "data", tmp_path / "junk.p12", PASS)


def test_verify_never_writes_the_package_to_disk(exported: Exported, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("verify must not write temporary files")

    for name in ("TemporaryDirectory", "mkdtemp", "mkstemp", "NamedTemporaryFile", "TemporaryFile"):
        monkeypatch.setattr(tempfile, name, refuse)
    assert verify_package(exported.result.path).valid


def test_the_decompressed_bytes_budget_and_entry_limit(tmp_path: Path) -> None:
    path = bag_zip(tmp_path / "b.zip", {"a.bin": b"a" * 5000, "b.bin": b"b" * 5000})
    assert verify_package(path).intact
    with pytest.raises(UnsafeArchiveError, match="absurdly large"):
        verify_package(path, max_bytes=8000)
    with pytest.raises(UnsafeArchiveError, match="at most 5"):
        verify_package(path, max_entries=5)


def test_an_entry_inflating_past_its_declared_size_is_corrupt_not_followed(tmp_path: Path) -> None:
    """The central directory says 10 bytes; the deflated data holds 10 MB of zeros."""
    path = bag_zip(tmp_path / "b.zip", {"small.bin": b"x" * 10})
    with zipfile.ZipFile(path) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = co.compress(b"\0" * 10_000_000) + co.flush()
    out = tmp_path / "lying.zip"
    with open(out, "wb") as fh:
        writer = ZipWriter(fh)
        for name, content in entries:
            if name == "B/data/small.bin":  # the declared size and CRC of b"x" * 10, the bomb's data
                writer._start(name, zipfile.ZIP_DEFLATED, 10, zlib.crc32(b"x" * 10), len(bomb))
                fh.write(bomb)
                writer._pos += len(bomb)
            else:
                writer.add_bytes(name, content)
        writer.close()
    report = verify_package(out)
    assert not report.intact
    failure = next(f for f in report.failures if f.name == "B/data/small.bin")
    assert failure.kind == "corrupt", failure


def _hundred_thousand(tmp_path: Path, n: int) -> Path:
    files = {f"evidence/{i // 1000:03d}/f{i:06d}.txt": struct.pack("<I", i) for i in range(n)}
    return bag_zip(tmp_path / f"many{n}.zip", files)


@pytest.mark.slow
def test_a_package_of_100000_entries_is_checked_in_linear_time(tmp_path: Path) -> None:
    path = _hundred_thousand(tmp_path, 99_990)
    started = time.monotonic()
    report = verify_package(path)
    elapsed = time.monotonic() - started
    assert report.intact and len(report.files) == 99_995 and not report.signature_valid
    assert elapsed < 240, elapsed  # quadratic bookkeeping took hours; linear takes seconds


def test_many_entries_with_failures_are_each_named_once(tmp_path: Path) -> None:
    path = _hundred_thousand(tmp_path, 5000)
    with zipfile.ZipFile(path) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    changed = [(n, d + b"!" if n.endswith("5.txt") else d) for n, d in entries]
    with open(tmp_path / "changed.zip", "wb") as fh:
        writer = ZipWriter(fh)
        for name, d in changed:
            writer.add_bytes(name, d)
        writer.close()
    report = verify_package(tmp_path / "changed.zip")
    assert len(report.failures) == 500 and {f.kind for f in report.failures} == {"changed"}
    assert len({f.name for f in report.files}) == len(report.files)
