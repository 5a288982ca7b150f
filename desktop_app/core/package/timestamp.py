"""RFC 3161 trusted timestamps for packages, offline first.

The app never goes online. ``make_request`` writes a time-stamp request (``.tsq``) over the SHA-256 of
the package's signature file (``tagmanifest-sha256.txt.p7s``, which signs the tag manifest, which covers
every file); the user takes it to their time-stamping authority (TSA) and brings back its response
(``.tsr``). ``attach_timestamp`` checks that the response answers that request — status granted, the
message imprint is this package's signature, the nonce is the request's, the TSA's signature over the
token holds — and writes a NEW package version holding the response as
``tagmanifest-sha256.txt.p7s.tsr`` beside the signature; the original package is never touched.
``check_attached_token`` is what verify runs. ``openssl ts -verify -in ….tsr -data ….p7s -CAfile CA``
checks the same token independently.

Everything ASN.1 goes through asn1crypto and pyHanko (request building, token validation).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import cms as asn1_cms
from asn1crypto import core as asn1_core
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko.sign.validation.status import TimestampSignatureStatus
from pyhanko_certvalidator import ValidationContext

from desktop_app.core.atomic import atomic_write
from desktop_app.core.errors import UserError
from desktop_app.core.messages import said
from desktop_app.core.package.bag import SIGNATURE
from desktop_app.core.package.cms import signer_trust
from desktop_app.core.package.safe_zip import ZipWriter, check_members, decode_names
from desktop_app.core.package.signing import fingerprint, subject_cn
from desktop_app.core.package.trust import TrustAnchors
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from desktop_app.core.user_files import read_user_bytes, sentence_error

TOKEN_NAME = SIGNATURE + ".tsr"  # beside the signature it time-stamps, outside every manifest
MAX_RESPONSE = 1024 * 1024
MAX_REQUEST = 64 * 1024
MAX_SIGNATURE = 16 * 1024 * 1024
PENDING_DIR = "timestamp-requests"
HASH = "sha256"
_DEFLATED_TYPES = (".txt", ".json", ".jsonl")
MAX_DEFLATED_COPY = 64 * 1024 * 1024


class TimestampError(UserError):
    """A time-stamp request or response cannot be used with this package: one sentence."""


@dataclass(frozen=True)
class TimestampRequest:
    der: bytes
    digest: bytes  # SHA-256 of the package's signature file
    nonce: int | None

    @property
    def key(self) -> str:
        """A file name for the pending request: the imprint and the nonce it waits for."""
        return f"{self.digest.hex()}-{self.nonce or 0:x}.tsq"


@dataclass
class TimestampCheck:
    """What verify says about an attached token."""

    ok: bool  # granted, over this package's signature, the TSA's signature holds
    tsa: str = ""
    time: dt.datetime | None = None
    serial: int | None = None
    policy: str = ""
    tsa_fingerprint: str = ""
    tsa_trusted: bool | None = None  # against the same anchors as the signer; None without anchors
    tsa_trust_text: str = ""
    problem: str = ""

    def text_lines(self, language: str = "en") -> list[str]:
        """What ``verify`` and ``timestamp attach`` print about the time stamp, in ``language``."""
        from desktop_app.core.messages import render

        if not self.ok:
            return [render("timestamp.invalid", {"problem": self.problem}, language)]
        when = self.time.isoformat() if self.time else "?"
        lines = [render("timestamp.valid", {"time": when, "tsa": self.tsa}, language)]
        if self.tsa_trusted is True:
            lines.append(render("timestamp.trusted_yes", {"basis": self.tsa_trust_text}, language))
        elif self.tsa_trusted is None:
            lines.append(render("timestamp.trusted_unknown", {}, language))
        else:
            lines.append(render("timestamp.trusted_no", {"why": self.tsa_trust_text}, language))
        return lines

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "tsa": self.tsa,
            "time": self.time.isoformat() if self.time else None,
            "serial": self.serial,
            "policy": self.policy,
            "tsa_certificate_sha256": self.tsa_fingerprint,
            "tsa_trusted": self.tsa_trusted,
            "tsa_trust": self.tsa_trust_text,
            "problem": self.problem,
        }


# -- reading the package ---------------------------------------------------------------------------


def _open(path: Path) -> tuple[Any, zipfile.ZipFile, str]:
    from desktop_app.core.package.verify import bag_root, open_package

    fh = open_package(path)
    try:
        zf = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        fh.close()
        raise TimestampError(f"{path}: not a readable ZIP file ({exc}).") from None
    try:
        infos = zf.infolist()
        decode_names(infos)
        check_members(path, infos)
        root = bag_root(path, infos)
    except BaseException:
        zf.close()
        fh.close()
        raise
    return fh, zf, root


def _read_entry(zf: zipfile.ZipFile, name: str, cap: int, path: Path) -> bytes | None:
    info = next((i for i in zf.infolist() if i.filename == name), None)
    if info is None:
        return None
    if info.file_size > cap:
        raise TimestampError(f"{path}: '{name}' is too large.")
    try:
        with zf.open(info) as src:
            return src.read(cap + 1)[:cap]
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise TimestampError(f"{path}: '{name}' is corrupt ({exc}).") from None


def package_signature(path: str | Path) -> tuple[str, bytes, bytes | None]:
    """(bag root, the signature file's bytes, an attached response or None)."""
    path = Path(path)
    fh, zf, root = _open(path)
    with fh, zf:
        sig = _read_entry(zf, f"{root}/{SIGNATURE}", MAX_SIGNATURE, path)
        if sig is None:
            raise TimestampError(f"{path}: the package has no {SIGNATURE} to time-stamp.")
        return root, sig, _read_entry(zf, f"{root}/{TOKEN_NAME}", MAX_RESPONSE, path)


# -- requests ----------------------------------------------------------------------------------------


def make_request(package: str | Path) -> TimestampRequest:
    """An RFC 3161 request (SHA-256, a random nonce, the TSA's certificate requested)."""
    _root, sig, _existing = package_signature(package)
    digest = hashlib.sha256(sig).digest()
    nonce, req = TimeStamper(include_nonce=True).request_cms(digest, HASH)
    return TimestampRequest(req.dump(), digest, nonce)


def parse_request(der: bytes, source: str) -> TimestampRequest:
    try:
        req = tsp.TimeStampReq.load(der)
        imprint = req["message_imprint"]
        algo = imprint["hash_algorithm"]["algorithm"].native
        digest = imprint["hashed_message"].native
        nonce = req["nonce"].native
    except Exception:  # noqa: BLE001 - asn1crypto raises assorted errors on malformed DER
        raise TimestampError(f"{source}: not an RFC 3161 time-stamp request (.tsq).") from None
    if algo != HASH:
        raise TimestampError(f"{source}: the request uses {algo}; this tool makes and expects {HASH}.")
    return TimestampRequest(der, digest, nonce)


def save_pending(data_dir: str | Path, request: TimestampRequest) -> Path:
    """Keep a copy of the request, so attaching can check the nonce without the .tsq at hand."""
    from desktop_app.core.atomic import atomic_write_bytes

    path = Path(data_dir) / PENDING_DIR / request.key
    atomic_write_bytes(path, request.der)
    return path


def write_request(package: str | Path, out: str | Path, data_dir: str | Path) -> TimestampRequest:
    """Make a request for ``package``, write it to ``out`` (atomically) for the user to send to a TSA,
    and keep a copy in the data directory so the response's nonce can be checked on attach."""
    from desktop_app.core.atomic import atomic_write_bytes

    out = Path(out)
    if out.exists() and not out.is_file():
        raise TimestampError(f"{out}: exists and is not a regular file.")
    request = make_request(package)
    atomic_write_bytes(out, request.der)
    save_pending(data_dir, request)
    return request


def find_pending(data_dir: str | Path, digest: bytes, nonce: int | None) -> TimestampRequest | None:
    path = Path(data_dir) / PENDING_DIR / TimestampRequest(b"", digest, nonce).key
    if not path.is_file():
        return None
    return parse_request(read_user_bytes(path, max_bytes=MAX_REQUEST), str(path))


def read_request_file(path: str | Path) -> TimestampRequest:
    path = Path(path)
    der = read_user_bytes(path, max_bytes=MAX_REQUEST, error=sentence_error(TimestampError))
    return parse_request(der, str(path))


# -- responses ---------------------------------------------------------------------------------------


class _TimeStampResp(asn1_core.Sequence):
    """RFC 3161 TimeStampResp with the token OPTIONAL as the RFC says (asn1crypto's class requires it,
    so a TSA's refusal would not even parse)."""

    _fields = [
        ("status", tsp.PKIStatusInfo),
        ("time_stamp_token", asn1_cms.ContentInfo, {"optional": True}),
    ]


def _load_response(der: bytes, source: str) -> asn1_cms.ContentInfo:
    """The token inside a granted response; one sentence for a refusal or a malformed file."""
    try:
        resp = _TimeStampResp.load(der)
        status = resp["status"]["status"].native
    except Exception:  # noqa: BLE001
        raise TimestampError(f"{source}: not an RFC 3161 time-stamp response (.tsr).") from None
    if status not in ("granted", "granted_with_mods"):
        texts = "; ".join(resp["status"]["status_string"].native or []) or "no reason given"
        raise TimestampError(f"{source}: the TSA did not grant the time stamp ({status}: {texts}).")
    token = resp["time_stamp_token"]
    try:
        if token["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        tst_info = token["content"]["encap_content_info"]["content"].parsed
        if not isinstance(tst_info, tsp.TSTInfo):
            raise ValueError("no TSTInfo")
    except Exception:  # noqa: BLE001
        raise TimestampError(f"{source}: the response holds no usable time-stamp token.") from None
    return token


def _tst_info(token: asn1_cms.ContentInfo) -> tsp.TSTInfo:
    return token["content"]["encap_content_info"]["content"].parsed


def _certs(token: asn1_cms.ContentInfo) -> list[x509.Certificate]:
    out = []
    for c in token["content"]["certificates"] or []:
        if c.name == "certificate":
            out.append(x509.load_der_x509_certificate(c.chosen.dump()))
    return out


def _tsa_cert(token: asn1_cms.ContentInfo, certs: list[x509.Certificate]) -> x509.Certificate | None:
    infos = token["content"]["signer_infos"]
    if len(infos) != 1 or infos[0]["sid"].name != "issuer_and_serial_number":
        return None
    serial = infos[0]["sid"].chosen["serial_number"].native
    return next((c for c in certs if c.serial_number == serial), None)


def _tsa_name(tst_info: tsp.TSTInfo, cert: x509.Certificate | None) -> str:
    name = tst_info["tsa"]
    if name.native is not None:
        chosen = name.chosen
        if isinstance(chosen, asn1_x509.Name):
            return chosen.human_friendly
        return str(name.native)
    return subject_cn(cert) if cert is not None else "?"


def _validate(
    token: asn1_cms.ContentInfo,
    signature: bytes,
    roots: list[x509.Certificate],
    others: list[x509.Certificate],
    at: dt.datetime,
) -> TimestampSignatureStatus:
    der = serialization.Encoding.DER
    vc = ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(c.public_bytes(der)) for c in roots],
        other_certs=[asn1_x509.Certificate.load(c.public_bytes(der)) for c in others],
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=at,  # the TSA's certificate must have been valid when it stamped
    )

    def imprint(algo: str) -> bytes:
        return hashlib.new(algo.replace("_", ""), signature).digest()

    kwargs = asyncio.run(validate_tst_signed_data(token["content"], vc, imprint))
    return TimestampSignatureStatus(**kwargs)


def check_token(
    token: asn1_cms.ContentInfo, signature: bytes, anchors: TrustAnchors | None
) -> TimestampCheck:
    """Does this token stamp this signature file, signed by a TSA certificate fit for time-stamping?"""
    tst_info = _tst_info(token)
    certs = _certs(token)
    cert = _tsa_cert(token, certs)
    check = TimestampCheck(
        ok=False,
        tsa=_tsa_name(tst_info, cert),
        time=tst_info["gen_time"].native,
        serial=tst_info["serial_number"].native,
        policy=str(tst_info["policy"].native or ""),
        tsa_fingerprint=fingerprint(cert) if cert is not None else "",
    )
    algo = tst_info["message_imprint"]["hash_algorithm"]["algorithm"].native
    hashed = tst_info["message_imprint"]["hashed_message"].native
    try:
        expected = hashlib.new(algo.replace("_", ""), signature).digest()
    except (ValueError, TypeError):
        check.problem = f"the token uses an unknown hash ({algo})"
        return check
    if hashed != expected:
        check.problem = f"the token stamps other data, not this package's {SIGNATURE}"
        return check
    if cert is None:
        check.problem = "the token does not include the TSA's certificate"
        return check
    others = [c for c in certs if c != cert]
    top = cert
    for _ in range(len(others)):
        parent = next((c for c in others if c.subject == top.issuer and c != top), None)
        if parent is None:
            break
        top = parent
    at = check.time or dt.datetime.now(dt.timezone.utc)
    try:
        status = _validate(token, signature, [top], others, at)
    except Exception as exc:  # noqa: BLE001 - pyHanko raises on tokens it cannot evaluate
        check.problem = f"the TSA's signature cannot be validated ({exc})"
        return check
    if not (status.intact and status.valid):
        check.problem = "the TSA's signature over the token does not hold"
        return check
    if not status.trusted:
        check.problem = (
            "the TSA's certificate is not fit for time-stamping (extended key usage timeStamping) or was "
            "not valid at the stamped time"
        )
        return check
    check.ok = True

    def chains_to(roots: list[x509.Certificate]) -> bool:
        try:
            return bool(_validate(token, signature, roots, others, at).trusted)
        except Exception:  # noqa: BLE001
            return False

    trusted, basis, problem = signer_trust(cert, certs, anchors, chains_to)
    check.tsa_trusted = trusted
    check.tsa_trust_text = basis or problem
    return check


def check_attached_token(response: bytes, signature: bytes, anchors: TrustAnchors | None) -> TimestampCheck:
    """Verify's view of the attached response; never raises."""
    try:
        token = _load_response(response, TOKEN_NAME)
    except TimestampError as exc:
        return TimestampCheck(ok=False, problem=str(exc).split(": ", 1)[-1])
    try:
        return check_token(token, signature, anchors)
    except Exception as exc:  # noqa: BLE001 - a hostile token is a failed check, not a crash
        return TimestampCheck(ok=False, problem=f"the token cannot be read ({type(exc).__name__})")


# -- attaching ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachResult:
    path: Path
    check: TimestampCheck
    sha256: str
    case_reference: str = ""  # the case whose package version this is, when the store knows the package
    version: int | None = None  # its number among the case's package versions
    stamped_from: int | None = None  # the version that was time-stamped


def default_output(package: Path) -> Path:
    return package.with_name(f"{package.stem}-ts{package.suffix}")


def attach_timestamp(
    package: str | Path,
    response: str | Path,
    *,
    request: TimestampRequest | None = None,
    data_dir: str | Path | None = None,
    out: str | Path | None = None,
    anchors: TrustAnchors | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> AttachResult:
    """Check ``response`` answers the request for ``package`` and write a new package version with it.

    The request is ``request``, else the copy kept in ``data_dir`` when the request was made. The
    original package is never modified; the new one goes to ``out`` (default ``<stem>-ts.zip``), which
    must not exist yet.
    """
    from desktop_app.core.package.verify import verify_package

    package, response = Path(package), Path(response)
    target = Path(out) if out is not None else default_output(package)
    if target.suffix.lower() != ".zip":
        raise TimestampError(f"{target}: the new package must be a .zip file.")
    if target.exists() or target.is_symlink():
        raise _target_exists(target)
    der = read_user_bytes(response, max_bytes=MAX_RESPONSE, error=sentence_error(TimestampError))
    token = _load_response(der, str(response))
    _root, signature, existing = package_signature(package)
    if existing is not None:
        raise TimestampError(f"{package}: already carries a time stamp ({TOKEN_NAME}).")
    digest = hashlib.sha256(signature).digest()
    tst_info = _tst_info(token)
    token_nonce = tst_info["nonce"].native
    if request is None and data_dir is not None:
        request = find_pending(data_dir, digest, token_nonce)
    if request is None:
        raise TimestampError(
            f"{response}: no request for this package with the response's nonce was made here; give the "
            "request file it answers (--request PKG.tsq)."
        )
    if request.digest != digest:
        raise TimestampError(f"{response}: the request was made for another package (another signature).")
    if tst_info["message_imprint"]["hashed_message"].native != digest:
        raise TimestampError(f"{response}: the response stamps other data, not this package's signature.")
    if request.nonce is not None and token_nonce != request.nonce:
        raise TimestampError(f"{response}: the response does not answer this request (its nonce differs).")
    check = check_token(token, signature, anchors)
    if not check.ok:
        raise TimestampError(f"{response}: {check.problem}.")
    progress(0.05, said("progress.checking_package"))
    report = verify_package(
        package, trust=anchors, progress=lambda f, label: progress(0.05 + 0.45 * f, label)
    )
    if not report.valid:
        raise TimestampError(
            f"{package}: the package does not verify (files intact: {'yes' if report.intact else 'no'}, "
            f"signature valid: {'yes' if report.signature_valid else 'no'}); it is not time-stamped."
        )
    progress(0.5, said("progress.new_version"))
    sha = _write_with_token(package, target, der, progress, cancel)
    progress(1.0, said("progress.stamped"))
    return AttachResult(target, check, sha)


def _write_with_token(
    package: Path, target: Path, token: bytes, progress: ProgressFn, cancel: CancelToken
) -> str:
    """Copy every entry into a canonical ZIP (sorted, stored entries streamed) plus the token."""
    fh, zf, root = _open(package)
    with fh, zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        entries: list[tuple[str, zipfile.ZipInfo | None]] = [(i.filename, i) for i in infos]
        entries.append((f"{root}/{TOKEN_NAME}", None))
        entries.sort(key=lambda e: e[0])
        total = sum(i.file_size for i in infos) or 1
        done = 0
        with _no_clobber(target), atomic_write(target, replace=False) as out:
            writer = ZipWriter(out, hash_output=True)
            try:
                for name, info in entries:
                    cancel.raise_if_cancelled()
                    if info is None:
                        writer.add_bytes(name, token)
                        continue
                    with zf.open(info) as src:  # the exporter's choice: text deflated, the rest stored
                        if name.endswith(_DEFLATED_TYPES) and info.file_size <= MAX_DEFLATED_COPY:
                            writer.add_bytes(name, src.read(), compress=True)
                        else:
                            writer.add_file(name, src, info.file_size, cancel=cancel)
                    done += info.file_size
                    progress(0.5 + 0.5 * done / total, said("progress.copying", name=name.rsplit("/", 1)[-1]))
                writer.close()
            except BaseException:
                writer.abort()
                raise
    return writer.sha256


def _target_exists(target: Path) -> TimestampError:
    return TimestampError(f"{target}: already exists; packages are never overwritten (choose --out).")


@contextlib.contextmanager
def _no_clobber(target: Path) -> Iterator[None]:
    """A name taken while the new package was written is never replaced: one sentence instead."""
    try:
        yield
    except FileExistsError:
        raise _target_exists(target) from None


def stamp_case_package(
    store: Any,
    package: str | Path,
    response: str | Path,
    *,
    request: TimestampRequest | None = None,
    out: str | Path | None = None,
    anchors: TrustAnchors | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> AttachResult:
    """Attach a time stamp and, when the package is one of a case's versions, record the stamped copy
    as the case's next package version (its own name, e.g. ``ED-2026-00001-v3.zip``, beside the
    original; the audit log says which version it stamps, by which TSA and when).

    A package this data directory does not know is stamped all the same (``<stem>-ts.zip``) and
    listed nowhere; the result says so by having no ``version``.
    """
    from desktop_app.core.package.export import package_name
    from desktop_app.core.vault import sha256_file

    package = Path(package)
    progress(0.0, said("progress.identifying"))
    source = store.exports.by_sha256(sha256_file(package, cancel))
    case = store.cases.get(source["case_id"]) if source is not None else None
    if case is None:
        return attach_timestamp(
            package, response, request=request, data_dir=store.data_dir, out=out, anchors=anchors,
            progress=progress, cancel=cancel,
        )  # fmt: skip
    if out is None:
        name = package_name(case.reference, store.exports.next_version(case.id))
        out = package.with_name(name)
        n = 2
        while out.exists() or out.is_symlink():
            out = package.with_name(f"{name[:-4]}-{n}.zip")
            n += 1
    result = attach_timestamp(
        package, response, request=request, data_dir=store.data_dir, out=out, anchors=anchors,
        progress=progress, cancel=cancel,
    )  # fmt: skip
    try:
        version = store.exports.record(
            case.id,
            result.path.resolve(),
            result.sha256,
            source["signer_fingerprint"],
            bool(source["allow_blockers"]),
            signer=source["signer"],
            revision=source["revision"],
            stamped_from=source["version"],
            timestamp={
                "tsa": result.check.tsa,
                "time": result.check.time.isoformat() if result.check.time else None,
                "serial": result.check.serial,
            },
        )
    except BaseException:  # a package version the store does not list is not kept
        result.path.unlink(missing_ok=True)
        raise
    return dataclasses.replace(
        result, case_reference=case.reference, version=version, stamped_from=source["version"]
    )
