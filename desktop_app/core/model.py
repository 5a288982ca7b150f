"""The domain model: plain dataclasses shared by the store, readers, checks, packaging and GUI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class StrEnum(str, Enum):
    def __str__(self) -> str:
        return self.value


class Role(StrEnum):
    RIGHTS_HOLDER = "rights_holder"
    AGENT = "agent"


class CaseStatus(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    NOT_READY = "not_ready"
    EXPORTED = "exported"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class EvidenceKind(StrEnum):
    CERTIFICATE = "certificate"
    AUTHORIZATION = "authorization"
    SCREENSHOT = "screenshot"
    GENUINE_PHOTO = "genuine_photo"
    OTHER = "other"


# Offices a right may be registered with. WIPO covers Madrid international registrations.
OFFICES = (
    "USPTO",
    "EUIPO",
    "UKIPO",
    "CNIPA",
    "WIPO",
    "JPO",
    "KIPO",
    "CIPO",
    "IP Australia",
    "INPI",
    "DPMA",
    "IMPI",
    "INDECOPI",
    "IPOS",
    "IPOPHL",
    "DIP",
    "MyIPO",
    "DGIP",
    "TIPO",
    "IPD",
)


@dataclass(frozen=True)
class EvidenceFile:
    """One file in the vault, as imported: the bytes are identified by their SHA-256."""

    sha256: str
    original_name: str
    size: int
    media_type: str
    imported_at: str  # ISO 8601, UTC

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.original_name,
            "sha256": self.sha256,
            "size": self.size,
            "media_type": self.media_type,
            "imported_at": self.imported_at,
        }

    @property
    def is_pdf(self) -> bool:
        return self.media_type == "application/pdf"

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass
class Complainant:
    name: str
    role: Role = Role.RIGHTS_HOLDER
    email: str = ""
    contact_name: str = ""
    authorization: EvidenceFile | None = None
    id: int | None = None


@dataclass
class Right:
    """A trademark (the rights library holds these; cases refer to them)."""

    office: str
    registration_number: str
    mark: str
    owner: str
    classes: list[int] = field(default_factory=list)
    certificate: EvidenceFile | None = None
    type: str = "trademark"
    id: int | None = None


@dataclass
class Listing:
    url: str
    marketplace: str = ""  # inferred from the URL when empty
    listing_id: str = ""  # inferred from the URL when empty
    title: str = ""
    seller: str = ""
    screenshots: list[EvidenceFile] = field(default_factory=list)
    id: int | None = None


@dataclass
class Outcome:
    complaint_number: str = ""
    submitted_at: str = ""
    decided_at: str = ""
    decline_reason: str = ""


@dataclass
class Case:
    complainant: Complainant
    title: str = ""
    filing_date: dt.date = field(default_factory=dt.date.today)
    rights: list[Right] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)
    genuine_photos: list[EvidenceFile] = field(default_factory=list)
    other_files: list[EvidenceFile] = field(default_factory=list)
    status: CaseStatus = CaseStatus.DRAFT
    outcome: Outcome = field(default_factory=Outcome)
    id: int | None = None
    reference: str = ""
    created_at: str = ""
    updated_at: str = ""

    def evidence_files(self) -> list[tuple[EvidenceKind, EvidenceFile]]:
        """Every file the case rests on, in a stable order, with the role it plays."""
        out: list[tuple[EvidenceKind, EvidenceFile]] = []
        if self.complainant.authorization:
            out.append((EvidenceKind.AUTHORIZATION, self.complainant.authorization))
        for right in self.rights:
            if right.certificate:
                out.append((EvidenceKind.CERTIFICATE, right.certificate))
        for listing in self.listings:
            out.extend((EvidenceKind.SCREENSHOT, f) for f in listing.screenshots)
        out.extend((EvidenceKind.GENUINE_PHOTO, f) for f in self.genuine_photos)
        out.extend((EvidenceKind.OTHER, f) for f in self.other_files)
        return out

    def to_json(self) -> dict[str, Any]:
        """Everything about the case, as plain JSON (what `evidence-desk show --format json` prints)."""
        c = self.complainant
        return {
            "id": self.id,
            "reference": self.reference,
            "title": self.title,
            "status": str(self.status),
            "filing_date": self.filing_date.isoformat(),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "complainant": {
                "name": c.name,
                "role": str(c.role),
                "email": c.email,
                "contact_name": c.contact_name,
                "authorization": c.authorization.to_json() if c.authorization else None,
            },
            "rights": [
                {
                    "id": r.id,
                    "type": r.type,
                    "office": r.office,
                    "registration_number": r.registration_number,
                    "mark": r.mark,
                    "owner": r.owner,
                    "classes": r.classes,
                    "certificate": r.certificate.to_json() if r.certificate else None,
                }
                for r in self.rights
            ],
            "listings": [
                {
                    "url": li.url,
                    "marketplace": li.marketplace,
                    "listing_id": li.listing_id,
                    "title": li.title,
                    "seller": li.seller,
                    "screenshots": [s.to_json() for s in li.screenshots],
                }
                for li in self.listings
            ],
            "genuine_photos": [x.to_json() for x in self.genuine_photos],
            "other_files": [x.to_json() for x in self.other_files],
            "outcome": {
                "complaint_number": self.outcome.complaint_number,
                "submitted_at": self.outcome.submitted_at,
                "decided_at": self.outcome.decided_at,
                "decline_reason": self.outcome.decline_reason,
            },
        }

    @property
    def marketplaces(self) -> list[str]:
        seen: list[str] = []
        for listing in self.listings:
            if listing.marketplace and listing.marketplace not in seen:
                seen.append(listing.marketplace)
        return seen


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    reference: str
    title: str
    status: CaseStatus
    marketplaces: tuple[str, ...]
    marks: tuple[str, ...]
    blockers: int | None
    warnings: int | None
    filing_date: str
    updated_at: str


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
