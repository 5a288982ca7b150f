"""Export a case as one signed, verifiable ZIP: a BagIt bag with a detached CMS signature.

The package is written in one streaming pass (each evidence file is read once, hashed while it is
copied into the ZIP) to a temporary file beside the target, then fsynced and renamed, and recorded in
the audit log with its SHA-256. See docs/package-format.md for the layout.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.core.atomic import atomic_write
from desktop_app.core.checks.findings import CheckReport
from desktop_app.core.errors import Cancelled, EvidenceError, UserError
from desktop_app.core.filing import package_statements
from desktop_app.core.messages import said
from desktop_app.core.model import Case
from desktop_app.core.package import bag, cms, custody, pades
from desktop_app.core.package.comparison_pdf import render_comparison
from desktop_app.core.package.complaint_json import build_complaint, complaint_bytes, plan_evidence
from desktop_app.core.package.images import PreviewCache
from desktop_app.core.package.safe_zip import ZipWriter
from desktop_app.core.package.signing import SigningIdentity, subject_org
from desktop_app.core.package.summary_pdf import located_for, pages_to_show, render_summary
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, SubProgress, no_progress
from desktop_app.core.store.revisions import snapshot

SOFTWARE = f"Evidence Desk {__version__}"
log = logging.getLogger(__name__)


class ExportBlockedError(UserError):
    """The case has blockers and the user did not override them."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str  # of the whole ZIP file
    signer_fingerprint: str
    signer: str
    signing_time: dt.datetime
    files: int  # payload files in the bag
    payload_bytes: int
    verdict: str
    blockers_overridden: bool
    version: int = 0  # this package's number among the case's exports (1, 2, ...)
    revision: int = 0  # the frozen revision of the case's content it holds
    unchanged_since: int | None = None  # the previous version holding the same revision, if any


def _plain(value: Any) -> Any:
    """The facts cache's JSON (dates as {"__date__": ...}) as plain JSON values."""
    if isinstance(value, dict):
        if set(value) == {"__date__"}:
            return value["__date__"]
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def certificate_fields(
    store: Any, case: Case, cancel: CancelToken = NEVER_CANCELLED
) -> dict[int, dict[str, Any] | None]:
    """Fields read from each right's certificate, through the checks' facts cache (a check run has
    usually filled it; otherwise they are read now and cached). A piece that cannot be had gives None."""
    try:
        from desktop_app.core.checks import facts
        from desktop_app.core.reading.service import read_document
    except ImportError:
        return {}
    out: dict[int, dict[str, Any] | None] = {}
    for i, right in enumerate(case.rights):
        out[i] = None
        if right.certificate is None:
            continue
        try:
            doc = read_document(store, right.certificate, cancel=cancel)
            fields = (
                facts.extract_certificate_fields(store, right.certificate.sha256, doc) if doc.ok else None
            )
        except Cancelled:
            raise
        except Exception:  # the package does not depend on it; the certificate itself is inside
            log.warning(
                "certificate fields of %s unavailable", right.certificate.original_name, exc_info=True
            )
            continue
        if fields is not None:
            value = _plain(facts.to_jsonable(fields))
            out[i] = value if isinstance(value, dict) else {"value": value}
    return out


def _run_checks(store: Any, case: Case, progress: ProgressFn, cancel: CancelToken) -> CheckReport:
    from desktop_app.core.checks.engine import check_case

    return check_case(store, case, progress=progress, cancel=cancel)


def package_name(reference: str, version: int) -> str:
    """A version's own file name: ``ED-2026-00001-v2.zip``."""
    return f"{bag_root(reference)}-v{version}.zip"


def _target(out_path: str | Path, case: Case, version: int) -> Path:
    """Where the package goes. A folder gets the version's own name (suffixed if that name is taken);
    a file name that exists is refused: a package is never replaced."""
    path = Path(out_path).expanduser()
    if path.is_dir():
        name = package_name(case.reference, version)
        path = path / name
        n = 2
        while path.exists() or path.is_symlink():
            path = path.with_name(f"{name[:-4]}-{n}.zip")
            n += 1
    if path.suffix.lower() != ".zip":
        raise UserError.keyed("export.not_zip", path=str(path))
    if path.exists() or path.is_symlink():
        raise _exists(path, case, version)
    return path.resolve()


def _exists(path: Path, case: Case, version: int) -> UserError:
    return UserError(
        f"{path} already exists and a package is never replaced; choose another name or a folder "
        f"(the package is then named {package_name(case.reference, version)})."
    )


def bag_root(reference: str) -> str:
    """The package's one folder: the case reference, made safe as a file name everywhere."""
    return re.sub(r"[^\w.\-]+", "_", reference).strip("._") or "case"


def bag_info(case: Case, identity: SigningIdentity) -> list[tuple[str, str]]:
    c = case.complainant
    return [
        ("Source-Organization", c.name),
        ("Contact-Name", c.contact_name or identity.name),
        ("Contact-Email", c.email),
        ("External-Identifier", case.reference),
        ("External-Description", f"IP takedown complaint{': ' + case.title if case.title else ''}"),
        ("Bagging-Date", case.filing_date.isoformat()),
        ("Bag-Software-Agent", SOFTWARE),
    ]


def export_case(
    store: Any,
    case_id: int | str,
    out_path: str | Path,
    identity: SigningIdentity,
    *,
    allow_blockers: bool = False,
    report: CheckReport | None = None,
    signing_time: dt.datetime | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ExportResult:
    """Write the signed package for a case; refuses blockers unless ``allow_blockers``.

    ``report`` defaults to a fresh run of the checks. ``signing_time`` (default: now) is the time the
    signer asserts in both signatures; the same case, identity and signing time give a byte-identical
    ZIP (see docs/package-format.md for what changes with the time).
    """
    case = store.cases.get(case_id)
    if report is None:
        report = _run_checks(store, case, SubProgress(progress, 0.0, 0.3), cancel)
    if report.blockers and not allow_blockers:
        codes = ", ".join(sorted({f.code for f in report.blockers}))
        raise ExportBlockedError.keyed(
            "export.blocked", case=case.reference, count=len(report.blockers), codes=codes
        )
    at = (signing_time or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    version = store.exports.next_version(case.id)
    target = _target(out_path, case, version)
    content = snapshot(case)  # what this package holds, frozen as a revision when it is recorded
    revision, _new = store.revisions.planned(case)
    last = store.exports.last(case.id)
    unchanged_since = (  # a statement saved since then is a change too, though not of the case's content
        last["version"]
        if last is not None
        and last["revision"] == revision
        and not _new
        and not store.statements.saved_since(case.id, last["exported_at"])
        else None
    )
    files = plan_evidence(case)
    for p in files:
        src = store.files.path(p.file)
        if not src.is_file():
            raise EvidenceError(src, f"the evidence file '{p.file.original_name}' is missing from the vault.")
    signer = {
        "name": identity.name,
        "organisation": subject_org(identity.cert),
        "fingerprint": identity.fingerprint,
    }
    fields = certificate_fields(store, case, cancel)
    cancel.raise_if_cancelled()
    progress(0.3, said("progress.summary"))
    previews = PreviewCache()
    shown = [
        (f, page)
        for li in case.listings
        for f in li.screenshots
        for page in pages_to_show(f, located_for(report, f.sha256))
    ]
    previews.prefetch(
        [(store.files.path(f), f, page) for f, page in [*shown, *((g, 1) for g in case.genuine_photos)]]
    )
    comparison = render_comparison(case, store.file_path, previews=previews, cancel=cancel)
    filing = package_statements(case, report, store.statements.latest(case.id))
    doc = build_complaint(
        case,
        report,
        files,
        certificate_fields=fields,
        signer=signer,
        allow_blockers=allow_blockers,
        has_comparison=comparison is not None,
        filing=filing,
    )
    complaint = complaint_bytes(doc)
    custody_entries = store.audit.custody(case.id)
    custody_head = store.audit.head()
    summary = render_summary(
        case,
        report,
        files,
        store.file_path,
        certificate_fields=fields,
        signer=signer,
        allow_blockers=allow_blockers,
        cjk_text=complaint.decode("utf-8"),
        previews=previews,
        cancel=cancel,
        custody=custody_entries,
        custody_head=custody_head,
        filing=filing,
    )
    del previews  # memory: only the finished documents travel on
    summary = pades.sign_pdf(summary, identity, at)
    custody_data = custody.custody_bytes(case, custody_entries, custody_head)
    items = [
        bag.PayloadItem("complaint.json", len(complaint), data=complaint, compress=True),
        bag.PayloadItem("summary.pdf", len(summary), data=summary),
        bag.PayloadItem(custody.PATH, len(custody_data), data=custody_data, compress=True),
    ]
    if comparison is not None:
        items.append(bag.PayloadItem("comparison.pdf", len(comparison), data=comparison))
    items += [bag.PayloadItem(p.path, p.file.size, source=store.files.path(p.file)) for p in files]

    progress(0.45, said("progress.packaging"))
    try:
        with atomic_write(target, replace=False) as fh:
            result, package_sha = _write_package(
                fh, store, case, items, files, identity, at, progress=progress, cancel=cancel
            )
    except FileExistsError:  # the name was taken while the package was being written
        raise _exists(target, case, version) from None
    except FileNotFoundError as exc:  # a vault file went away mid-export: was the case deleted?
        raise _gone(store, case) or exc from None
    overridden = bool(allow_blockers and report.blockers)
    try:
        with store.transaction():
            revision = store.revisions.freeze(case, "export", content)
            version = store.exports.record(
                case.id,
                target,
                package_sha,
                identity.fingerprint,
                overridden,
                signer=identity.name,
                revision=revision,
            )
    except BaseException as exc:  # a package the store does not list is not kept
        target.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error):
            raise _gone(store, case) or exc from None
        raise
    progress(1.0, said("progress.exported"))
    return ExportResult(
        target,
        package_sha,
        identity.fingerprint,
        identity.name,
        at,
        len(items),
        result.payload_bytes,
        report.verdict,
        overridden,
        version=version,
        revision=revision,
        unchanged_since=unchanged_since,
    )


def _gone(store: Any, case: Case) -> UserError | None:
    """The one sentence for an export that lost its case to a deletion, or None if the case is there."""
    if store.db.execute("SELECT 1 FROM cases WHERE id = ?", [case.id]).fetchone() is not None:
        return None
    return UserError(f"Case {case.reference} was deleted while it was being exported; no package was kept.")


def _write_package(
    fh: Any,
    store: Any,
    case: Case,
    items: list[bag.PayloadItem],
    files: list[Any],
    identity: SigningIdentity,
    at: dt.datetime,
    *,
    progress: ProgressFn,
    cancel: CancelToken,
) -> tuple[bag.BagResult, str]:
    """Stream the bag into ``fh``; returns the bag result and the whole ZIP's SHA-256."""
    writer = ZipWriter(fh, hash_output=True)  # the package SHA-256 is computed alongside, on another core
    try:
        result = bag.write_bag(
            writer,
            bag_root(case.reference),
            items,
            bag_info(case, identity),
            sign=lambda data: cms.sign_detached(data, identity, at),
            progress=SubProgress(progress, 0.45, 0.98),
            cancel=cancel,
        )
        for p in files:  # the vault is content-addressed: what went in must still hash to its name
            if result.payload_sha256[f"data/{p.path}"] != p.file.sha256:
                raise EvidenceError(
                    store.files.path(p.file),
                    f"the stored copy of '{p.file.original_name}' "
                    "no longer matches its SHA-256; the vault is damaged.",
                )
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return result, writer.sha256
