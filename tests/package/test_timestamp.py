"""RFC 3161 time stamps, offline: request, a local test TSA (openssl ts -reply), attach, verify.

The TSA is made here: a test CA and a TSA certificate (extendedKeyUsage critical timeStamping) signed by
it, and an openssl configuration; no network.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop_app.cli import main
from desktop_app.core.package.bag import SIGNATURE
from desktop_app.core.package.timestamp import (
    TOKEN_NAME,
    TimestampError,
    attach_timestamp,
    make_request,
    read_request_file,
)
from desktop_app.core.package.trust import anchors_from_arguments
from desktop_app.core.package.verify import verify_package
from tests.package.conftest import Exported

PEM = serialization.Encoding.PEM


@dataclass
class LocalTSA:
    folder: Path
    ca_pem: Path
    tsa_pem: Path
    config: Path

    def reply(self, tsq: Path, tsr: Path) -> Path:
        run = subprocess.run(
            [
                "openssl",
                "ts",
                "-reply",
                "-config",
                str(self.config),
                "-queryfile",
                str(tsq),
                "-out",
                str(tsr),
            ],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr
        return tsr


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test TSA Org"),
        ]
    )


def make_tsa(folder: Path) -> LocalTSA:
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Time Root CA"))
        .issuer_name(_name("Test Time Root CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    tsa = (
        x509.CertificateBuilder()
        .subject_name(_name("Test TSA 1"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    (folder / "ca.pem").write_bytes(ca.public_bytes(PEM))
    (folder / "tsa.pem").write_bytes(tsa.public_bytes(PEM))
    (folder / "tsa.key").write_bytes(
        key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    (folder / "serial").write_text("01\n")
    config = folder / "ts.cnf"
    config.write_text(
        f"""[ tsa ]
default_tsa = tsa_config1

[ tsa_config1 ]
serial = {folder}/serial
crypto_device = builtin
signer_cert = {folder}/tsa.pem
signer_key = {folder}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""
    )
    return LocalTSA(folder, folder / "ca.pem", folder / "tsa.pem", config)


@pytest.fixture(scope="module")
def tsa(tmp_path_factory: pytest.TempPathFactory) -> LocalTSA:
    return make_tsa(tmp_path_factory.mktemp("tsa"))


def _member(package: Path, suffix: str) -> bytes:
    with zipfile.ZipFile(package) as zf:
        return zf.read(next(n for n in zf.namelist() if n.endswith(suffix)))


def test_round_trip_with_a_local_tsa_verified_by_the_app_and_openssl(
    exported: Exported, tsa: LocalTSA, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "ED-2026-00001.zip"
    package.write_bytes(exported.result.path.read_bytes())
    original_sha = hashlib.sha256(package.read_bytes()).hexdigest()
    data = ["--data-dir", str(tmp_path / "data")]
    tsq = tmp_path / "ED-2026-00001.tsq"
    assert main([*data, "timestamp", "request", str(package), "--out", str(tsq)]) == 0
    capsys.readouterr()
    req = read_request_file(tsq)
    assert req.digest == hashlib.sha256(_member(package, SIGNATURE)).digest() and req.nonce
    tsr = tsa.reply(tsq, tmp_path / "response.tsr")
    # the pending copy of the request in the data directory lets attach check the nonce
    assert main([*data, "timestamp", "attach", str(package), str(tsr)]) == 0
    out = capsys.readouterr().out
    new = tmp_path / "ED-2026-00001-ts.zip"
    assert str(new) in out and "Test TSA 1" in out
    assert hashlib.sha256(package.read_bytes()).hexdigest() == original_sha  # never overwritten
    # the new version verifies, and says who stamped it and when
    report = verify_package(new)
    assert report.valid and report.intact and not report.repacked, (report.failures, report.problems)
    ts = report.timestamp
    assert ts is not None and ts.ok and "Test TSA 1" in ts.tsa and ts.tsa_trusted is None
    assert abs(ts.time - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=10)
    trusted = verify_package(new, trust=anchors_from_arguments([tsa.ca_pem], None))
    assert (
        trusted.timestamp.tsa_trusted is True and trusted.trusted is False
    )  # the CA vouches for the TSA only
    assert main(["verify", str(new), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["timestamp"]["ok"] is True and doc["timestamp"]["time"] == ts.time.isoformat()
    # openssl accepts the token with the TSA's certificate, over the package's signature file
    (tmp_path / "sig.p7s").write_bytes(_member(new, SIGNATURE))
    (tmp_path / "token.tsr").write_bytes(_member(new, TOKEN_NAME))
    run = subprocess.run(
        ["openssl", "ts", "-verify", "-in", str(tmp_path / "token.tsr"), "-data", str(tmp_path / "sig.p7s"),
         "-CAfile", str(tsa.ca_pem), "-untrusted", str(tsa.tsa_pem)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0 and "Verification: OK" in run.stdout, run.stderr
    # attaching again refuses: the target exists, and the stamped package already carries a token
    assert main([*data, "timestamp", "attach", str(package), str(tsr)]) == 2
    assert "already exists" in capsys.readouterr().err
    with pytest.raises(TimestampError, match="already carries a time stamp"):
        attach_timestamp(new, tsr, request=req, out=tmp_path / "again.zip")


def test_a_response_to_another_request_or_package_is_refused(
    exported: Exported, tsa: LocalTSA, tmp_path: Path
) -> None:
    package = exported.result.path
    first, second = make_request(package), make_request(package)
    (tmp_path / "1.tsq").write_bytes(first.der)
    (tmp_path / "2.tsq").write_bytes(second.der)
    answer_to_second = tsa.reply(tmp_path / "2.tsq", tmp_path / "2.tsr")
    with pytest.raises(TimestampError, match="nonce differs"):
        attach_timestamp(package, answer_to_second, request=first, out=tmp_path / "x.zip")
    # no request at hand and none kept: refused, never attached unchecked
    with pytest.raises(TimestampError, match="--request"):
        attach_timestamp(package, answer_to_second, data_dir=tmp_path / "empty", out=tmp_path / "x.zip")
    # a time stamp over some other file
    (tmp_path / "other.txt").write_text("something else")
    subprocess.run(
        ["openssl", "ts", "-query", "-data", str(tmp_path / "other.txt"), "-sha256", "-cert",
         "-out", str(tmp_path / "o.tsq")], check=True, capture_output=True,
    )  # fmt: skip
    other = tsa.reply(tmp_path / "o.tsq", tmp_path / "o.tsr")
    with pytest.raises(TimestampError, match="another package|other data"):
        attach_timestamp(
            package, other, request=read_request_file(tmp_path / "o.tsq"), out=tmp_path / "x.zip"
        )
    assert not (tmp_path / "x.zip").exists()


def test_a_refused_request_and_garbage_are_one_sentence(
    exported: Exported, tsa: LocalTSA, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "f.txt").write_text("x")
    subprocess.run(
        ["openssl", "ts", "-query", "-data", str(tmp_path / "f.txt"), "-sha1",
         "-out", str(tmp_path / "s.tsq")], check=True, capture_output=True,
    )  # fmt: skip
    refused = tsa.reply(tmp_path / "s.tsq", tmp_path / "s.tsr")  # sha1 is not accepted: a rejection
    req = make_request(exported.result.path)
    with pytest.raises(TimestampError, match="did not grant"):
        attach_timestamp(exported.result.path, refused, request=req, out=tmp_path / "x.zip")
    (tmp_path / "junk.tsr").write_bytes(b"\x30\x03\x02\x01\x00garbage")
    assert main(["timestamp", "attach", str(exported.result.path), str(tmp_path / "junk.tsr")]) == 2
    err = capsys.readouterr().err
    assert "junk.tsr: not an RFC 3161 time-stamp response" in err and "Traceback" not in err


def test_a_tampered_token_fails_verification(exported: Exported, tsa: LocalTSA, tmp_path: Path) -> None:
    req = make_request(exported.result.path)
    (tmp_path / "r.tsq").write_bytes(req.der)
    tsr = tsa.reply(tmp_path / "r.tsq", tmp_path / "r.tsr")
    stamped = attach_timestamp(exported.result.path, tsr, request=req, out=tmp_path / "s.zip").path
    with zipfile.ZipFile(stamped) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    token = next(d for n, d in entries if n.endswith(TOKEN_NAME))
    gen_time = token.index(b"\x18\x0f")  # the GeneralizedTime of the TSTInfo: move the claimed time
    bad = token[: gen_time + 2] + b"2001" + token[gen_time + 6 :]
    with zipfile.ZipFile(tmp_path / "t.zip", "w") as zf:
        for name, d in entries:
            zf.writestr(name, bad if name.endswith(TOKEN_NAME) else d)
    report = verify_package(tmp_path / "t.zip")
    assert report.intact and report.signature_valid
    assert report.timestamp is not None and not report.timestamp.ok and not report.valid
    assert main(["verify", str(tmp_path / "t.zip")]) == 1


def _case_package(tmp_path: Path):  # noqa: ANN202
    from desktop_app.core.package import signing
    from desktop_app.core.package.export import export_case
    from desktop_app.core.store import Store
    from tests.package.builders import PASSPHRASE, make_case, report_for

    store = Store(tmp_path / "data")
    case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
    signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
    ident = signing.load_identity(store.data_dir, None, PASSPHRASE)
    (tmp_path / "out").mkdir()
    first = export_case(store, case.id, tmp_path / "out", ident, report=report_for(case))
    return store, case, first


def test_a_case_package_time_stamped_is_recorded_as_the_cases_next_version(
    tsa: LocalTSA, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, case, first = _case_package(tmp_path)
    data = ["--data-dir", str(store.data_dir)]
    tsq = tmp_path / "v1.tsq"
    assert main([*data, "timestamp", "request", str(first.path), "--out", str(tsq)]) == 0
    tsr = tsa.reply(tsq, tmp_path / "v1.tsr")
    capsys.readouterr()
    assert main([*data, "timestamp", "attach", str(first.path), str(tsr)]) == 0
    out = capsys.readouterr().out
    new = first.path.with_name(f"{case.reference}-v2.zip")
    assert (
        str(new) in out and f"Recorded as version 2 of case {case.reference} (version 1, time-stamped)" in out
    )
    rows = store.exports.for_case(case.id)
    assert [(r["version"], r["revision"], r["signer"]) for r in rows] == [(1, 1, "Li Wei"), (2, 1, "Li Wei")]
    assert rows[1]["package_sha256"] == hashlib.sha256(new.read_bytes()).hexdigest()
    stamp = store.exports.stamps(case.id)[2]
    assert stamp["stamped_from"] == 1 and "Test TSA 1" in stamp["timestamp"]["tsa"]
    entries = [e for e in store.audit.entries(case.id) if e["action"] == "case.timestamp"]
    assert len(entries) == 1 and store.audit.verify().ok
    assert main([*data, "show", case.reference]) == 0
    shown = capsys.readouterr().out
    assert "Package v2:" in shown and "version 1 time-stamped by" in shown and "Test TSA 1" in shown
    assert verify_package(new).timestamp.ok
    store.close()


def test_a_name_taken_while_the_stamped_copy_is_written_is_never_replaced(
    tsa: LocalTSA, tmp_path: Path
) -> None:
    from desktop_app.core.package.timestamp import stamp_case_package

    store, case, first = _case_package(tmp_path)
    tsq = tmp_path / "v1.tsq"
    tsq.write_bytes(make_request(first.path).der)
    tsr = tsa.reply(tsq, tmp_path / "v1.tsr")
    target = first.path.with_name(f"{case.reference}-v2.zip")

    def someone_else_writes(fraction: float, _text: str) -> None:
        if fraction > 0.0 and not target.exists():
            target.write_bytes(b"theirs")

    with pytest.raises(TimestampError, match="already exists"):
        stamp_case_package(
            store, first.path, tsr, request=read_request_file(tsq), progress=someone_else_writes
        )
    assert target.read_bytes() == b"theirs"
    assert [r["version"] for r in store.exports.for_case(case.id)] == [1]
    assert sorted(p.name for p in first.path.parent.iterdir()) == sorted([first.path.name, target.name])
    store.close()
