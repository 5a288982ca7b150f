"""Verify a package without trusting it: safe extraction, bag completeness, hashes, both signatures.

Every changed, added or removed file is named. Bytes outside the files (ZIP headers, timestamps,
comments, trailing data) are checked against the canonical form the exporter writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import bagit
from cryptography import x509

from desktop_app.core.errors import UserError
from desktop_app.core.package import cms, pades
from desktop_app.core.package.bag import MANIFEST, SIGNATURE, TAGMANIFEST, parse_manifest
from desktop_app.core.package.safe_zip import (
    UnsafeArchiveError,
    check_members,
    open_zip,
    safe_extract,
    structure_problems,
)
from desktop_app.core.package.signing import normalise_fingerprint
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from desktop_app.core.vault import CHUNK

REQUIRED_TAGS = ("bagit.txt", "bag-info.txt", MANIFEST)


@dataclass
class FileResult:
    name: str  # path inside the package, e.g. "ED-2026-00001/data/summary.pdf"
    ok: bool
    problem: str = ""


@dataclass
class VerifyReport:
    package: Path
    reference: str = ""
    files: list[FileResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # not tied to one file
    signer: str = ""
    organisation: str = ""
    fingerprint: str = ""
    signing_time: dt.datetime | None = None  # signer-asserted, from the CMS signature
    pdf_signer: str = ""
    pdf_signing_time: dt.datetime | None = None
    trusted: bool | None = None  # None: no --trust/--fingerprint given

    @property
    def failures(self) -> list[FileResult]:
        return [f for f in self.files if not f.ok]

    @property
    def valid(self) -> bool:
        return not self.problems and not self.failures and self.trusted is not False and bool(self.signer)

    def fail(self, name: str, problem: str) -> None:
        for f in self.files:
            if f.name == name:
                f.ok, f.problem = False, f.problem or problem
                return
        self.files.append(FileResult(name, False, problem))


def load_trust_cert(path: str | Path) -> x509.Certificate:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path}: cannot be read ({exc.strerror}).") from None
    try:
        return (
            x509.load_pem_x509_certificate(data)
            if b"-----BEGIN" in data
            else x509.load_der_x509_certificate(data)
        )
    except ValueError:
        raise UserError(f"{path}: not an X.509 certificate (PEM or DER).") from None


def _hash(path: Path, cancel: CancelToken, seen: list[int], total: int, progress: ProgressFn) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            cancel.raise_if_cancelled()
            h.update(chunk)
            seen[0] += len(chunk)
            progress(0.3 + 0.6 * seen[0] / total, f"Checking {path.name}")
    return h.hexdigest()


def _check_bag(
    report: VerifyReport, bag_dir: Path, root: str, cancel: CancelToken, progress: ProgressFn
) -> None:
    present = {p.relative_to(bag_dir).as_posix() for p in bag_dir.rglob("*") if p.is_file()}
    for name in (*REQUIRED_TAGS, TAGMANIFEST, SIGNATURE):
        if name not in present:
            report.fail(f"{root}/{name}", "missing (removed from the package)")
    manifests: dict[str, dict[str, str]] = {}
    for name in (MANIFEST, TAGMANIFEST):
        if name in present:
            try:
                manifests[name] = parse_manifest((bag_dir / name).read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                report.fail(f"{root}/{name}", f"is not a valid manifest ({exc})")
    payload, tags = manifests.get(MANIFEST, {}), manifests.get(TAGMANIFEST, {})
    for name in REQUIRED_TAGS:
        if tags and name not in tags:
            report.fail(f"{root}/{TAGMANIFEST}", f"does not cover {name}")
    for name in payload:
        if not name.startswith("data/"):
            report.fail(f"{root}/{MANIFEST}", f"lists '{name}' outside data/")
    expected = {**tags, **payload}
    total = sum((bag_dir / n).stat().st_size for n in present) or 1
    seen = [0]
    for name in sorted(present | set(expected)):
        full = f"{root}/{name}"
        if name in (TAGMANIFEST, SIGNATURE):
            report.files.append(FileResult(full, True))
            continue
        if name not in present:
            report.fail(full, "missing (removed from the package)")
        elif name not in expected:
            where = MANIFEST if name.startswith("data/") else TAGMANIFEST
            report.fail(full, f"not listed in {where} (added to the package)")
        elif _hash(bag_dir / name, cancel, seen, total, progress) != expected[name]:
            report.fail(full, "changed: its SHA-256 differs from the manifest")
        else:
            report.files.append(FileResult(full, True))
    if not report.failures:  # conformance with the reference implementation (structure and Payload-Oxum)
        logging.getLogger("bagit").setLevel(logging.ERROR)
        try:
            bagit.Bag(str(bag_dir)).validate(fast=True)
        except (bagit.BagError, bagit.BagValidationError) as exc:
            report.problems.append(f"the bag does not validate as BagIt: {exc}")


def verify_package(
    zip_path: str | Path,
    *,
    trust_cert: x509.Certificate | str | Path | None = None,
    fingerprint: str | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> VerifyReport:
    """Raises UnsafeArchiveError (unusable input) for hostile or unreadable ZIPs; else a full report."""
    zip_path = Path(zip_path)
    if trust_cert is not None and not isinstance(trust_cert, x509.Certificate):
        trust_cert = load_trust_cert(trust_cert)
    pinned = normalise_fingerprint(fingerprint) if fingerprint else None
    report = VerifyReport(zip_path)
    with open_zip(zip_path) as zf:
        infos = zf.infolist()
    check_members(zip_path, infos)
    bags = sorted(
        {
            i.filename.split("/", 1)[0]
            for i in infos
            if i.filename.count("/") == 1 and i.filename.endswith("/bagit.txt")
        }
    )
    if len(bags) != 1:
        raise UnsafeArchiveError(
            f"{zip_path}: not a submission package (it must hold exactly one folder with "
            f"a bagit.txt; found {len(bags)})."
        )
    root = report.reference = bags[0]
    for info in infos:
        if not info.filename.startswith(f"{root}/"):
            report.fail(info.filename, "outside the package folder (added to the package)")
    progress(0.05, "Checking the ZIP structure")
    report.problems.extend(structure_problems(zip_path))
    with tempfile.TemporaryDirectory(prefix="evidence-desk-verify-") as tmp:
        progress(0.1, "Extracting")
        safe_extract(zip_path, tmp, cancel=cancel, on_corrupt=report.fail)
        bag_dir = Path(tmp) / root
        _check_bag(report, bag_dir, root, cancel, progress)
        progress(0.9, "Checking the signatures")
        tag_path, sig_path = bag_dir / TAGMANIFEST, bag_dir / SIGNATURE
        signer_cert = None
        if tag_path.is_file() and sig_path.is_file():
            res = cms.verify_detached(
                tag_path.read_bytes(), sig_path.read_bytes(), trust=trust_cert, pinned_fingerprint=pinned
            )
            report.signer, report.organisation, report.fingerprint = (
                res.signer,
                res.organisation,
                res.fingerprint,
            )
            report.signing_time, report.trusted, signer_cert = res.signing_time, res.trusted, res.signer_cert
            if not res.intact:
                report.fail(f"{root}/{SIGNATURE}", res.problem)
                report.signer = ""
            elif res.trusted is False:
                report.problems.append(f"untrusted signer: {res.problem}")
        summary = bag_dir / "data" / "summary.pdf"
        if summary.is_file():
            pdf = pades.verify_pdf(summary.read_bytes(), trust=trust_cert, expected_signer=signer_cert)
            report.pdf_signer, report.pdf_signing_time = pdf.signer, pdf.signing_time
            if not pdf.valid:
                report.fail(f"{root}/data/summary.pdf", f"PDF signature: {pdf.problem}")
            elif pdf.trusted is False and report.trusted is not False:
                report.problems.append(f"untrusted PDF signer: {pdf.problem}")
        else:
            report.fail(f"{root}/data/summary.pdf", "missing (removed from the package)")
    progress(1.0, "Verified")
    return report
