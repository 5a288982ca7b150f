"""Findings: the one place that knows the finding codes, their severities and the report format.

The codes are a public interface that scripts rely on; never rename one, only add.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.model import StrEnum


class Severity(StrEnum):
    BLOCKER = "blocker"  # would very likely be declined
    WARNING = "warning"  # weakens the complaint
    INFO = "info"


SEVERITY_ORDER = {Severity.BLOCKER: 0, Severity.WARNING: 1, Severity.INFO: 2}

# code -> default severity. Adding a code here is how a check family declares it.
CODES: dict[str, Severity] = {
    "listing.id_mismatch": Severity.BLOCKER,
    # nothing on the captures ties them to the complained listing: that fact is not established
    "listing.id_not_shown": Severity.BLOCKER,
    "listing.unsupported_url": Severity.BLOCKER,
    "listing.short_link": Severity.BLOCKER,
    "mark.not_found": Severity.BLOCKER,
    "mark.variant_found": Severity.WARNING,
    "right.registration_number_mismatch": Severity.BLOCKER,
    "right.mark_mismatch": Severity.BLOCKER,
    "right.owner_mismatch": Severity.BLOCKER,
    "right.expired": Severity.BLOCKER,
    "right.expiring": Severity.WARNING,
    "right.pending": Severity.BLOCKER,
    "right.not_in_force": Severity.BLOCKER,  # the document says cancelled, abandoned, refused, dead
    "right.goods_not_covered": Severity.WARNING,
    "right.jurisdiction_mismatch": Severity.WARNING,
    "right.class_mismatch": Severity.WARNING,
    "complainant.authorization_missing": Severity.BLOCKER,
    "complainant.authorization_expired": Severity.BLOCKER,
    "complainant.authorization_mismatch": Severity.BLOCKER,
    "evidence.unreadable": Severity.WARNING,  # a letter of authorization nothing was read from: blocker
    # nothing on the certificate was checked (a blocker until its fields are confirmed by hand)
    "evidence.certificate_unreadable": Severity.BLOCKER,
    "evidence.duplicate": Severity.INFO,
    "case.incomplete": Severity.BLOCKER,
    # the authorization names another agent than the complainant
    "complainant.agent_mismatch": Severity.WARNING,
    # the owner entered for a right differs from the certificate's (the filer may still be right)
    "right.owner_differs": Severity.WARNING,
    # web captures (MHTML, HTML, WARC, WACZ): when they were made, and whether they are as made
    "evidence.capture_after_filing": Severity.WARNING,
    "evidence.capture_stale": Severity.WARNING,
    "evidence.capture_time_unknown": Severity.WARNING,
    "evidence.capture_altered": Severity.WARNING,
    # control characters or bidirectional overrides: removed from text read from a file (evidence.*) or
    # replaced by U+FFFD in text entered for the case (case.*), so a reviewer knows the text was changed
    "evidence.hidden_characters": Severity.WARNING,
    "case.hidden_characters": Severity.WARNING,
    # a long PDF read only up to the page limits: what the other pages show is not established
    "evidence.pages_not_read": Severity.WARNING,
    # a fact about a right that was neither read from its certificate nor confirmed by hand (the
    # severity is the one its contradiction would have: Nice classes are a warning, the rest block)
    "right.not_established": Severity.BLOCKER,
    # a letter of authorization was read, but not who grants it: the agent's authority is not established
    "complainant.authorization_not_established": Severity.BLOCKER,
    # a confirmation by hand no longer holds (the certificate or a confirmed value changed)
    "right.confirmation_stale": Severity.WARNING,
}

# What a fact ends as (docs/findings.md): read or confirmed, read otherwise, or neither.
ESTABLISHED, CONTRADICTED, NOT_ESTABLISHED = "established", "contradicted", "not_established"


@dataclass(frozen=True)
class EvidenceRef:
    """Where a finding's evidence sits: a file (original name), page, box and the text read there.

    In a web capture, text has no page or box: ``locator`` says where it sits instead (the MHTML part
    or WARC record and the element path, or the header that carries a URL or a capture time).
    """

    file: str
    sha256: str = ""
    page: int | None = None
    box: tuple[float, float, float, float] | None = None
    text: str = ""
    locator: str = ""

    def to_json(self) -> dict[str, Any]:
        out = {
            "file": self.file,
            "sha256": self.sha256,
            "page": self.page,
            "box": [round(v, 1) for v in self.box] if self.box else None,
            "text": self.text,
        }
        if self.locator:  # absent for files with pages, so older readers and outputs are unchanged
            out["locator"] = self.locator
        return out

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> EvidenceRef:
        box = d.get("box")
        return cls(
            file=d["file"],
            sha256=d.get("sha256", ""),
            page=d.get("page"),
            box=tuple(box) if box else None,
            text=d.get("text", ""),
            locator=d.get("locator", ""),
        )  # type: ignore[arg-type]


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    severity: Severity | None = None  # None: the code's default
    evidence: tuple[EvidenceRef, ...] = ()
    field: str = ""  # the case field to fix, e.g. "rights[0].registration_number", for the GUI to focus
    # The values the message quotes (ids, marks, numbers, file names, dates as ISO strings), by name, so a
    # translated message can be rendered from the key and these alone; JSON-safe values only (scalars,
    # lists, and nested messages {"key": ..., "params": {...}} made by core.messages.msg).
    params: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False, hash=False)
    # The catalogue key the message was rendered from (core/messages.py); "" for a message written out.
    message_key: str = dataclasses.field(default="", compare=False, hash=False)

    @classmethod
    def keyed(cls, code: str, params: dict[str, Any] | None = None, *, key: str = "", **kw: Any) -> Finding:
        """A finding whose message comes from the catalogue: ``key`` (default: the code) with ``params``.

        The English text is rendered now and stored as ``message``; the key and params let any reader
        render it again in another language.
        """
        from desktop_app.core.messages import render

        key = key or code
        params = dict(params or {})
        return cls(code, render(key, params), params=params, message_key=key, **kw)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown finding code {self.code!r}; declare it in findings.CODES")
        if self.severity is None:
            object.__setattr__(self, "severity", CODES[self.code])

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "field": self.field,
            "params": dict(self.params),
            **({"message_key": self.message_key} if self.message_key else {}),
            "evidence": [e.to_json() for e in self.evidence],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Finding:
        return cls(
            code=d["code"],
            message=d["message"],
            severity=Severity(d["severity"]),
            evidence=tuple(EvidenceRef.from_json(e) for e in d.get("evidence", [])),
            field=d.get("field", ""),
            params=dict(d.get("params") or {}),
            message_key=str(d.get("message_key") or ""),
        )


@dataclass(frozen=True)
class Located:
    """A positive result worth showing: where the mark or the listing id was found."""

    what: str  # "mark", "listing_id" or "capture_time" (when a web capture was made)
    value: str  # the mark or id looked for
    evidence: EvidenceRef
    score: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "value": self.value,
            "score": round(self.score, 3),
            "evidence": self.evidence.to_json(),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Located:
        return cls(
            what=d["what"],
            value=d["value"],
            evidence=EvidenceRef.from_json(d["evidence"]),
            score=float(d.get("score", 1.0)),
        )


@dataclass(frozen=True)
class FactStatus:
    """What became of one fact a decline can turn on: established (and how), contradicted, or not
    established. ``source`` says how: "read from cert.pdf, page 1" or "confirmed by hand by … on …"."""

    fact: str  # "number", "mark", "owner", "in_force", "classes", "authorization"
    subject: str  # the case field it is about, e.g. "rights[0]" or "complainant.authorization"
    status: str  # ESTABLISHED, CONTRADICTED or NOT_ESTABLISHED
    statement: str  # what is (or would be) established, e.g. "registration number 6123456"
    source: str = ""
    evidence: EvidenceRef | None = None
    by_hand: bool = False
    # the value the fact is about, as data ("" when it has none or none was read): the term's end date
    # (ISO) of in_force, the classes ("25, 35") of classes; readers use it, never the statement's words
    value: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "subject": self.subject,
            "status": self.status,
            "statement": self.statement,
            "source": self.source,
            "by_hand": self.by_hand,
            "evidence": self.evidence.to_json() if self.evidence else None,
            "value": self.value,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> FactStatus:
        ev = d.get("evidence")
        return cls(
            fact=d["fact"],
            subject=d["subject"],
            status=d["status"],
            statement=d.get("statement", ""),
            source=d.get("source", ""),
            evidence=EvidenceRef.from_json(ev) if ev else None,
            by_hand=bool(d.get("by_hand", False)),
            value=str(d.get("value") or ""),  # reports written before it existed have none
        )


@dataclass
class CheckReport:
    case: str  # the case reference
    findings: list[Finding] = field(default_factory=list)
    located: list[Located] = field(default_factory=list)
    facts: list[FactStatus] = field(default_factory=list)

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.code))  # type: ignore[index]

    @property
    def blockers(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.BLOCKER]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.WARNING]

    @property
    def verdict(self) -> str:
        return "not_ready" if self.blockers else "ready"

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case,
            "verdict": self.verdict,
            "findings": [f.to_json() for f in self.sorted_findings()],
            "located": [loc.to_json() for loc in self.located],
            "facts": [x.to_json() for x in self.facts],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> CheckReport:
        return cls(
            case=d["case"],
            findings=[Finding.from_json(f) for f in d.get("findings", [])],
            located=[Located.from_json(x) for x in d.get("located", [])],
            facts=[FactStatus.from_json(x) for x in d.get("facts", [])],
        )
