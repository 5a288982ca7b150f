"""Verify a package without trusting it, and without extracting it.

Three answers, each stated on its own:

1. **Files intact** — every file the manifests list is present and hashes right, nothing was added,
   nothing removed (each failing file is named: changed, missing, added, corrupt).
2. **Signature valid** — the CMS signature over the tag manifest and the PAdES signature on
   summary.pdf match, by the same signer.
3. **Signer trusted** — *yes* only against a trust anchor (a certificate, a pinned SHA-256 fingerprint,
   or the organisation's list in settings); otherwise "signer not established". A valid signature by a
   certificate nobody vouches for proves only that the files did not change since someone signed.

Entries are hashed as they stream out of the ZIP (never written to disk), within an entry-count limit
and a total decompressed-bytes budget. Work is linear in the number of entries. The ZIP container itself
(order, timestamps, attributes, bytes outside any file) is not content: a package re-packed by another
tool with every file and signature intact is valid, with a note saying the container was re-packed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cryptography import x509

from desktop_app.core.messages import msg, render, render_safe, said
from desktop_app.core.package import cms, pades
from desktop_app.core.package.bag import MANIFEST, SIGNATURE, TAGMANIFEST, parse_manifest
from desktop_app.core.package.safe_zip import (
    MAX_ENTRIES,
    MAX_TOTAL,
    UnsafeArchiveError,
    check_members,
    decode_names,
    inspect_container,
)
from desktop_app.core.package.trust import TrustAnchors, anchors_from_arguments
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from desktop_app.core.user_files import open_user_file, sentence_error
from desktop_app.core.vault import CHUNK

REQUIRED_TAGS = ("bagit.txt", "bag-info.txt", MANIFEST)
TIMESTAMP = SIGNATURE + ".tsr"  # an RFC 3161 time-stamp response over the signature file (timestamp.py)
UNSIGNED = (TAGMANIFEST, SIGNATURE, TIMESTAMP)  # bag-root files no manifest can list
MAX_TAG_FILE = 256 * 1024 * 1024  # manifests of 100,000 files are ~15 MB
MAX_SIGNATURE_FILE = 16 * 1024 * 1024
MAX_SUMMARY_PDF = 512 * 1024 * 1024  # read into memory to check its PAdES signature
REPORT_FORMAT = 1

NOT_ESTABLISHED = "signer not established (self-signed / no trust given)"


@dataclass
class FileResult:
    name: str  # path inside the package, e.g. "ED-2026-00001/data/summary.pdf"
    ok: bool
    problem: str = ""
    kind: str = ""  # for failures: changed, missing, added, corrupt, invalid


@dataclass
class VerifyReport:
    package: Path
    reference: str = ""
    files: list[FileResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # integrity problems not tied to one file
    signature_problems: list[str] = field(default_factory=list)
    cms_valid: bool = False
    pdf_valid: bool = False
    signer: str = ""
    organisation: str = ""
    fingerprint: str = ""
    signing_time: dt.datetime | None = None  # signer-asserted, from the CMS signature
    pdf_signer: str = ""
    pdf_signing_time: dt.datetime | None = None
    trusted: bool | None = None  # None: no trust anchor was given or configured
    trust_basis: str = ""  # why trusted
    trust_problem: str = ""  # why not, when anchors were given
    trust_source: str = ""  # where the anchors came from
    repacked: bool = False
    container_notes: list[str] = field(default_factory=list)
    timestamp: Any = None  # timestamp.TimestampCheck when the package carries one
    # each problem sentence above (English) -> its catalogue message (core/messages.py), to say it in
    # another language (``say``); a sentence without one is shown as written
    keyed: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _index: dict[str, FileResult] = field(default_factory=dict, repr=False)

    @property
    def failures(self) -> list[FileResult]:
        return [f for f in self.files if not f.ok]

    @property
    def intact(self) -> bool:
        return not self.problems and not any(not f.ok for f in self.files)

    @property
    def signature_valid(self) -> bool:
        return self.cms_valid and self.pdf_valid and not self.signature_problems

    @property
    def valid(self) -> bool:
        """Intact and validly signed (and an attached time stamp, if any, checks); whether the signer is
        trusted is the separate third answer."""
        timestamp_ok = self.timestamp is None or self.timestamp.ok
        return self.intact and self.signature_valid and timestamp_ok

    @property
    def trust_text(self) -> str:
        if self.trusted is True:
            return f"yes — {self.trust_basis}"
        if self.trusted is False:
            return f"signer not established: {self.trust_problem}"
        return NOT_ESTABLISHED

    @property
    def repack_note(self) -> str:
        if not self.repacked:
            return ""
        return self.english(msg("verify.repacked", notes=list(self.container_notes)))

    def english(self, message: dict[str, Any]) -> str:
        """The English sentence of a catalogue message, remembered so ``say`` can translate it."""
        text = render(message["key"], message["params"])
        self.keyed[text] = message
        return text

    def say(self, text: str, language: str = "en") -> str:
        """A problem sentence of this report in ``language``."""
        message = self.keyed.get(text)
        if message is None or language == "en":
            return text
        return render_safe(message["key"], message["params"], language, text)

    def ok(self, name: str) -> None:
        if name not in self._index:
            result = FileResult(name, True)
            self.files.append(result)
            self._index[name] = result

    def fail(self, name: str, problem: str | dict[str, Any], kind: str = "invalid") -> None:
        """Mark ``name`` failed (the first problem stays); constant time, so 100,000 entries stay linear.

        ``problem``: English text, or a catalogue message (kept for ``say``)."""
        if isinstance(problem, dict):
            problem = self.english(problem)
        result = self._index.get(name)
        if result is None:
            result = FileResult(name, False, problem, kind)
            self.files.append(result)
            self._index[name] = result
        elif result.ok:
            result.ok, result.problem, result.kind = False, problem, kind

    def to_json(self) -> dict[str, Any]:
        by_kind: dict[str, list[dict[str, str]]] = {}
        for f in self.failures:
            by_kind.setdefault(f.kind or "invalid", []).append({"name": f.name, "problem": f.problem})
        ts = self.timestamp
        return {
            "report_format": REPORT_FORMAT,
            "package": str(self.package),
            "reference": self.reference,
            "valid": self.valid,
            "intact": {
                "ok": self.intact,
                "files_checked": len(self.files),
                "files_ok": sum(1 for f in self.files if f.ok),
                "changed": by_kind.get("changed", []),
                "missing": by_kind.get("missing", []),
                "added": by_kind.get("added", []),
                "corrupt": by_kind.get("corrupt", []),
                "invalid": by_kind.get("invalid", []),
                "problems": list(self.problems),
            },
            "signature": {
                "ok": self.signature_valid,
                "cms_over_tag_manifest": self.cms_valid,
                "pades_on_summary_pdf": self.pdf_valid,
                "problems": list(self.signature_problems),
                "signer": {
                    "name": self.signer,
                    "organisation": self.organisation,
                    "certificate_sha256": self.fingerprint,
                },
                "signing_time_asserted_by_signer": _iso(self.signing_time),
            },
            "signer_trusted": {
                "trusted": self.trusted,
                "state": "trusted" if self.trusted else "not_established",
                "text": self.trust_text,
                "anchors": self.trust_source,
            },
            "container": {"repacked": self.repacked, "note": self.repack_note},
            "timestamp": ts.to_json() if ts is not None else None,
        }


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def load_trust_cert(path: str | Path) -> x509.Certificate:
    """The first certificate in a PEM or DER file (kept for callers of the earlier API)."""
    from desktop_app.core.package.trust import load_certificate_file

    return load_certificate_file(path)[0]


class _Budget:
    """Decompressed bytes read so far against the package's declared total (checked in check_members)."""

    def __init__(self, total: int, progress: ProgressFn, cancel: CancelToken) -> None:
        self.total, self.seen = max(total, 1), 0
        self.progress, self.cancel = progress, cancel

    def tick(self, n: int, label: str) -> None:
        self.cancel.raise_if_cancelled()
        self.seen += n
        self.progress(0.1 + 0.75 * min(1.0, self.seen / self.total), label)


def _stream(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget, keep_up_to: int = 0
) -> tuple[str, bytes | None]:
    """SHA-256 of an entry as it inflates; its bytes too when it is at most ``keep_up_to`` long.

    Raises zipfile.BadZipFile / zlib.error / EOFError for corrupt data (CRC checked at the end).
    """
    h = hashlib.sha256()
    keep = info.file_size <= keep_up_to
    parts: list[bytes] = []
    read = 0
    with zf.open(info) as src:
        while chunk := src.read(CHUNK):
            read += len(chunk)
            if read > info.file_size:  # zipfile stops at the declared size; never trust that alone
                raise zipfile.BadZipFile("longer than declared")
            h.update(chunk)
            if keep:
                parts.append(chunk)
            budget.tick(len(chunk), said("progress.checking_file", name=info.filename.rsplit("/", 1)[-1]))
    return h.hexdigest(), (b"".join(parts) if keep else None)


def _payload_oxum(bag_info: bytes) -> tuple[int, int] | None:
    for line in bag_info.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip().casefold() == "payload-oxum":
            size, _, count = value.strip().partition(".")
            if size.isdigit() and count.isdigit():
                return int(size), int(count)
    return None


def bag_root(path: str | Path, infos: list[zipfile.ZipInfo]) -> str:
    """The package's one folder holding a bagit.txt; UnsafeArchiveError unless there is exactly one."""
    bags = sorted(
        {
            i.filename.split("/", 1)[0]
            for i in infos
            if i.filename.count("/") == 1 and i.filename.endswith("/bagit.txt")
        }
    )
    if len(bags) != 1:
        raise UnsafeArchiveError(
            f"{path}: not a submission package (it must hold exactly one folder with "
            f"a bagit.txt; found {len(bags)})."
        )
    return bags[0]


def open_package(path: str | Path) -> BinaryIO:
    """A package file opened for reading: a FIFO, device or folder is refused without blocking."""
    return open_user_file(path, error=sentence_error(UnsafeArchiveError))


def verify_package(
    zip_path: str | Path,
    *,
    trust: TrustAnchors | None = None,
    trust_cert: x509.Certificate | str | Path | None = None,
    fingerprint: str | None = None,
    max_entries: int = MAX_ENTRIES,
    max_bytes: int = MAX_TOTAL,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> VerifyReport:
    """Raises UnsafeArchiveError (unusable input) for hostile or unreadable ZIPs; else a full report.

    ``trust`` (or the shorthand ``trust_cert`` / ``fingerprint``) are the anchors for the third answer.
    """
    zip_path = Path(zip_path)
    if trust is None and (trust_cert is not None or fingerprint):
        trust = anchors_from_arguments(
            [trust_cert] if trust_cert is not None else None, [fingerprint] if fingerprint else None
        )
    report = VerifyReport(zip_path)
    fh = open_package(zip_path)
    with fh:
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise UnsafeArchiveError(f"{zip_path}: not a readable ZIP file ({exc}).") from None
        with zf:
            _verify(report, fh, zf, trust, max_entries, max_bytes, progress, cancel)
    progress(1.0, said("progress.verified"))
    return report


def _verify(
    report: VerifyReport,
    fh: Any,
    zf: zipfile.ZipFile,
    trust: TrustAnchors | None,
    max_entries: int,
    max_bytes: int,
    progress: ProgressFn,
    cancel: CancelToken,
) -> None:
    path = report.package
    infos = zf.infolist()
    decode_names(infos)
    check_members(path, infos, max_entries=max_entries, max_total=max_bytes)
    root = report.reference = bag_root(path, infos)
    prefix = f"{root}/"
    progress(0.05, said("progress.zip_structure"))
    container = inspect_container(fh, zf)
    report.problems.extend(container.problems)
    report.repacked, report.container_notes = container.repacked, list(container.differences)

    present: dict[str, zipfile.ZipInfo] = {}  # bag-relative name -> entry
    for info in infos:
        if info.is_dir():
            continue
        if not info.filename.startswith(prefix):
            report.fail(info.filename, msg("verify.outside"), "added")
        else:
            present[info.filename[len(prefix) :]] = info
    budget = _Budget(sum(i.file_size for i in present.values()), progress, cancel)

    def read_whole(name: str, cap: int) -> tuple[str, bytes] | None:
        info = present.get(name)
        if info is None:
            return None
        if info.file_size > cap:
            report.fail(prefix + name, msg("verify.too_large", size=info.file_size), "invalid")
            return None
        try:
            digest, data = _stream(zf, info, budget, keep_up_to=cap)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            report.fail(prefix + name, msg("verify.corrupt", detail=str(exc)), "corrupt")
            return None
        assert data is not None
        return digest, data

    # the small tag files first: they say what every other file must hash to
    tag_data: dict[str, tuple[str, bytes]] = {}
    for name in (*REQUIRED_TAGS, TAGMANIFEST, SIGNATURE, TIMESTAMP):
        got = read_whole(name, MAX_SIGNATURE_FILE if name in (SIGNATURE, TIMESTAMP) else MAX_TAG_FILE)
        if got is not None:
            tag_data[name] = got
        elif name not in present and name != TIMESTAMP:
            report.fail(prefix + name, msg("verify.missing"), "missing")
    manifests: dict[str, dict[str, str]] = {}
    for name in (MANIFEST, TAGMANIFEST):
        if name in tag_data:
            try:
                manifests[name] = parse_manifest(tag_data[name][1].decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                report.fail(prefix + name, msg("verify.bad_manifest", detail=str(exc)), "invalid")
    payload, tags = manifests.get(MANIFEST, {}), manifests.get(TAGMANIFEST, {})
    for name in REQUIRED_TAGS:
        if tags and name not in tags:
            report.fail(prefix + TAGMANIFEST, msg("verify.not_covered", name=name), "invalid")
    for name in payload:
        if not name.startswith("data/"):
            report.fail(prefix + MANIFEST, msg("verify.outside_data", name=name), "invalid")
    expected = {**tags, **payload}

    summary_pdf: bytes | None = None
    for name in sorted(present.keys() | expected.keys()):
        full = prefix + name
        if name in UNSIGNED:
            if name in present:
                report.ok(full)  # covered by the signature (the tag manifest) or checked with it
            continue
        if name not in present:
            report.fail(full, msg("verify.missing"), "missing")
            continue
        if name not in expected:
            where = MANIFEST if name.startswith("data/") else TAGMANIFEST
            report.fail(full, msg("verify.not_listed", where=where), "added")
            continue
        if name in tag_data:
            digest = tag_data[name][0]
        else:
            try:
                keep = MAX_SUMMARY_PDF if name == "data/summary.pdf" else 0
                digest, data = _stream(zf, present[name], budget, keep_up_to=keep)
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                report.fail(full, msg("verify.corrupt", detail=str(exc)), "corrupt")
                continue
            if name == "data/summary.pdf":
                summary_pdf = data
        if digest != expected[name]:
            report.fail(full, msg("verify.changed"), "changed")
        else:
            report.ok(full)

    # BagIt conformance that the hashes alone do not give (what bagit.py's fast validation checks)
    bagit_txt = tag_data.get("bagit.txt", ("", b""))[1]
    if "bagit.txt" in tag_data and not bagit_txt.startswith(b"BagIt-Version:"):
        report.problems.append(report.english(msg("verify.no_bagit_version")))
    if "bag-info.txt" in tag_data:
        oxum = _payload_oxum(tag_data["bag-info.txt"][1])
        data_files = [i for n, i in present.items() if n.startswith("data/")]
        actual = (sum(i.file_size for i in data_files), len(data_files))
        if oxum is not None and oxum != actual:
            report.problems.append(
                report.english(
                    msg("verify.oxum", declared=f"{oxum[0]}.{oxum[1]}", actual=f"{actual[0]}.{actual[1]}")
                )
            )

    progress(0.88, said("progress.signatures"))
    _check_signatures(report, tag_data, summary_pdf, present, trust)
    if TIMESTAMP in tag_data and SIGNATURE in tag_data:
        from desktop_app.core.package.timestamp import check_attached_token

        report.timestamp = check_attached_token(tag_data[TIMESTAMP][1], tag_data[SIGNATURE][1], trust)


def _check_signatures(
    report: VerifyReport,
    tag_data: dict[str, tuple[str, bytes]],
    summary_pdf: bytes | None,
    present: dict[str, zipfile.ZipInfo],
    trust: TrustAnchors | None,
) -> None:
    report.trust_source = trust.source if trust is not None and not trust.empty else ""
    signer_cert = None
    if TAGMANIFEST in tag_data and SIGNATURE in tag_data:
        res = cms.verify_detached(tag_data[TAGMANIFEST][1], tag_data[SIGNATURE][1], anchors=trust)
        report.signer, report.organisation, report.fingerprint = res.signer, res.organisation, res.fingerprint
        report.signing_time, signer_cert = res.signing_time, res.signer_cert
        report.cms_valid = res.intact
        if res.intact:
            report.trusted, report.trust_basis, report.trust_problem = (
                res.trusted,
                res.trust_basis,
                res.trust_problem,
            )
        else:
            report.signature_problems.append(
                report.english(msg("verify.signature_invalid", file=SIGNATURE, detail=res.problem))
            )
    else:
        report.signature_problems.append(
            report.english(msg("verify.no_signature", signature=SIGNATURE, tagmanifest=TAGMANIFEST))
        )
    if summary_pdf is not None:
        pdf = pades.verify_pdf(summary_pdf, expected_signer=signer_cert)
        report.pdf_signer, report.pdf_signing_time = pdf.signer, pdf.signing_time
        report.pdf_valid = pdf.valid
        if not pdf.valid:
            report.signature_problems.append(report.english(msg("verify.pdf_signature", detail=pdf.problem)))
    elif "data/summary.pdf" not in present:
        report.signature_problems.append(report.english(msg("verify.summary_missing")))
    else:
        report.signature_problems.append(report.english(msg("verify.summary_unreadable")))
