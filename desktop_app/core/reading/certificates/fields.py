"""What is read off a certificate or letter: each value with where it was read (its provenance)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from desktop_app.core.reading.text import Box

DATE_FIELDS = frozenset(
    {"registration_date", "filing_date", "expiry_date", "valid_until", "issue_date", "valid_from"}
)


@dataclass(frozen=True)
class Field:
    """One value read from a document: the value, where it sits and how sure we are of it.

    ``computed`` marks values derived by a rule rather than printed (an expiry date computed from the
    registration date); ``raw`` is the value as printed ("6,123,456" for registration number 6123456).
    """

    value: Any  # str | int | list | dict | date
    page: int | None = None
    box: Box | None = None
    source_text: str = ""
    confidence: float = 1.0
    computed: bool = False
    raw: str = ""

    def to_json(self, name: str = "") -> dict[str, Any]:
        value = self.value
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, dict):
            value = {str(k): v for k, v in value.items()}
        return {
            "value": value,
            "page": self.page,
            "box": [round(v, 2) for v in self.box] if self.box else None,
            "source_text": self.source_text,
            "confidence": round(self.confidence, 3),
            "computed": self.computed,
            "raw": self.raw,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any], name: str = "") -> Field:
        value = d["value"]
        if name in DATE_FIELDS and isinstance(value, str):
            value = dt.date.fromisoformat(value)
        elif name == "goods" and isinstance(value, dict):
            value = {int(k): v for k, v in value.items()}
        box = tuple(d["box"]) if d.get("box") else None
        return cls(
            value=value,
            page=d.get("page"),
            box=box,
            source_text=d.get("source_text", ""),  # type: ignore[arg-type]
            confidence=float(d.get("confidence", 1.0)),
            computed=bool(d.get("computed", False)),
            raw=d.get("raw", ""),
        )


def _fields_to_json(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        v = getattr(obj, f.name)
        out[f.name] = v.to_json(f.name) if isinstance(v, Field) else v
    return out


def _fields_from_json(cls: Any, d: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in d:
            continue
        v = d[f.name]
        kwargs[f.name] = Field.from_json(v, f.name) if isinstance(v, dict) and "value" in v else v
    return cls(**kwargs)


@dataclass
class CertificateFields:
    """Facts read off a trademark registration certificate (or an application record)."""

    office: Field | None = None  # "USPTO", "EUIPO", "UKIPO", "CNIPA", "WIPO"
    registration_number: Field | None = None  # value normalised; raw as printed
    mark: Field | None = None  # the word mark, None for a purely figurative mark
    owner: Field | None = None
    classes: Field | None = None  # list[int], Nice classes
    goods: Field | None = None  # dict[int, str]
    registration_date: Field | None = None
    filing_date: Field | None = None
    expiry_date: Field | None = None  # computed=True when derived by the office's rule
    status: Field | None = None  # "registered" or "application"
    designations: Field | None = None  # list[str] of country/EM codes (WIPO Madrid registrations)
    recognised: bool = False  # an office was identified and a registration number read
    notes: list[str] = field(default_factory=list)  # why something could not be read

    def value(self, name: str) -> Any:
        f = getattr(self, name)
        return f.value if isinstance(f, Field) else None

    def to_json(self) -> dict[str, Any]:
        return _fields_to_json(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> CertificateFields:
        return _fields_from_json(cls, d)


@dataclass
class AuthorizationFields:
    """Facts read off a letter of authorization (power of attorney) for an agent."""

    principal: Field | None = None  # the rights holder granting authority
    agent: Field | None = None  # who is authorised
    marks: Field | None = None  # list[str]
    registration_numbers: Field | None = None  # list[str], normalised; raw lists them as printed
    issue_date: Field | None = None
    valid_from: Field | None = None
    valid_until: Field | None = None
    language: str = ""  # "en" or "zh"
    recognised: bool = False  # looks like an authorization letter and names principal or agent
    notes: list[str] = field(default_factory=list)

    def value(self, name: str) -> Any:
        f = getattr(self, name)
        return f.value if isinstance(f, Field) else None

    def to_json(self) -> dict[str, Any]:
        return _fields_to_json(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> AuthorizationFields:
        return _fields_from_json(cls, d)
