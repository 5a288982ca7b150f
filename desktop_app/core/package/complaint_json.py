"""``data/complaint.json``: the structured complaint, and where each evidence file sits in the package.

Only inputs that define the complaint go in (no export time, no case status), so the same case
exported twice gives the same bytes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from desktop_app import __version__
from desktop_app.core.checks.findings import CheckReport
from desktop_app.core.model import Case, EvidenceFile, EvidenceKind

FORMAT_VERSION = "1.1"  # 1.1: filing[] records the statement as generated and as edited
_EXT = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/webp": ".webp",
    "image/tiff": ".tif",
    "image/bmp": ".bmp",
}
_UNSAFE = re.compile(r"[^\w.\-() ]+")


@dataclass(frozen=True)
class PackagedFile:
    """An evidence file and its readable path under ``data/``."""

    kind: EvidenceKind
    file: EvidenceFile
    path: str  # e.g. "evidence/listing-1/01-shot.png" (relative to data/)
    listing: int | None = None  # 0-based listing index for screenshots

    def to_json(self) -> dict[str, Any]:
        return {
            "path": f"data/{self.path}",
            "kind": str(self.kind),
            "original_name": self.file.original_name,
            "imported_at": self.file.imported_at,
            "sha256": self.file.sha256,
            "size": self.file.size,
            "media_type": self.file.media_type,
        }


def readable_name(original: str, media_type: str, number: int) -> str:
    """``NN-name.ext``: safe on every file system, still recognisable, unique within its folder."""
    name = unicodedata.normalize("NFC", original.replace("\\", "/").rsplit("/", 1)[-1])
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 5:
        stem, ext = name, ""
    stem = _UNSAFE.sub("_", stem).strip(" ._")[:80] or "file"
    ext = "." + _UNSAFE.sub("", ext).lower() if ext else _EXT.get(media_type, "")
    return f"{number:02d}-{stem}{ext}"


def plan_evidence(case: Case) -> list[PackagedFile]:
    """Every evidence file of the case with its path under ``data/evidence/``, in a stable order."""
    out: list[PackagedFile] = []

    def add(kind: EvidenceKind, folder: str, files: list[EvidenceFile], listing: int | None = None) -> None:
        for n, f in enumerate(files, 1):
            out.append(
                PackagedFile(
                    kind, f, f"evidence/{folder}/{readable_name(f.original_name, f.media_type, n)}", listing
                )
            )

    if case.complainant.authorization:
        add(EvidenceKind.AUTHORIZATION, "authorization", [case.complainant.authorization])
    add(EvidenceKind.CERTIFICATE, "certificates", [r.certificate for r in case.rights if r.certificate])
    for i, listing in enumerate(case.listings):
        add(EvidenceKind.SCREENSHOT, f"listing-{i + 1}", listing.screenshots, i)
    add(EvidenceKind.GENUINE_PHOTO, "genuine-product", case.genuine_photos)
    add(EvidenceKind.OTHER, "other", case.other_files)
    return out


def _ref(
    files: list[PackagedFile], kind: EvidenceKind, f: EvidenceFile | None, listing: int | None = None
) -> str | None:
    if f is None:
        return None
    for p in files:
        if p.kind == kind and p.file.sha256 == f.sha256 and p.listing == listing:
            return f"data/{p.path}"
    return None


def build_complaint(
    case: Case,
    report: CheckReport,
    files: list[PackagedFile],
    *,
    certificate_fields: dict[int, dict[str, Any] | None],
    signer: dict[str, str],
    allow_blockers: bool,
    has_comparison: bool,
    filing: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    c = case.complainant
    blockers = report.blockers
    return {
        "format_version": FORMAT_VERSION,
        "generator": f"Evidence Desk {__version__}",
        "case": {
            "reference": case.reference,
            "title": case.title,
            "filing_date": case.filing_date.isoformat(),
        },
        "complainant": {
            "name": c.name,
            "role": str(c.role),
            "contact_name": c.contact_name,
            "email": c.email,
            "authorization": _ref(files, EvidenceKind.AUTHORIZATION, c.authorization),
        },
        "rights": [
            {
                "type": r.type,
                "office": r.office,
                "registration_number": r.registration_number,
                "mark": r.mark,
                "owner": r.owner,
                "classes": sorted(r.classes),
                "certificate": _ref(files, EvidenceKind.CERTIFICATE, r.certificate),
                "certificate_fields": certificate_fields.get(i),
            }
            for i, r in enumerate(case.rights)
        ],
        "listings": [
            {
                "url": li.url,
                "marketplace": li.marketplace,
                "listing_id": li.listing_id,
                "title": li.title,
                "seller": li.seller,
                "screenshots": [_ref(files, EvidenceKind.SCREENSHOT, s, i) for s in li.screenshots],
            }
            for i, li in enumerate(case.listings)
        ],
        "genuine_photos": [_ref(files, EvidenceKind.GENUINE_PHOTO, f) for f in case.genuine_photos],
        "checks": {**report.to_json(), "blockers": len(blockers), "warnings": len(report.warnings)},
        "blockers_overridden": bool(allow_blockers and blockers),
        "override": (
            {
                "allow_blockers": True,
                "blocker_codes": sorted({f.code for f in blockers}),
                "statement": "The signer exported this package despite the blockers listed in checks.",
            }
            if allow_blockers and blockers
            else None
        ),
        # the infringement statement per marketplace and batch, written from established facts only
        # (core.filing); null when the case was not ready
        "filing": filing,
        "evidence": [p.to_json() for p in files],
        "documents": {
            "summary": "data/summary.pdf",
            "comparison": "data/comparison.pdf" if has_comparison else None,
        },
        "signer": signer,
    }


def complaint_bytes(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")
