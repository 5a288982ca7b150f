"""Confirming a right's fields by hand against its certificate.

When a certificate cannot be read (a photo too dark to read, a layout no reader knows), nothing on it
was checked, so the facts it should prove are *not established* and block the case. A person may look
at the certificate and confirm that the entered fields are printed on it: the number, the mark, the
owner, the classes, and the dates (the registration is granted and in force until a date they enter).
A confirmation records who, when, which fields, their values and the certificate's SHA-256; it is
written with an audit entry, and it goes stale when the certificate or a confirmed value changes.
Confirmed facts are said to be "confirmed by hand by <who> on <date>", never "read from" the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.errors import UserError
from desktop_app.core.model import Right, utc_now

# The fields a person can confirm, in the order they are shown, with what each one establishes.
FIELDS: dict[str, str] = {
    "number": "registration number",
    "mark": "mark",
    "owner": "owner",
    "classes": "Nice classes",
    "dates": "registered and in force (term end date)",
}


class ConfirmationError(UserError):
    """A confirmation that cannot be recorded (read-only case, no certificate, unknown field...)."""


@dataclass(frozen=True)
class Confirmation:
    right_id: int
    certificate_sha256: str
    fields: tuple[str, ...]
    values: dict[str, Any]  # the entered value of each confirmed field; "dates": {"expires": ISO date}
    confirmed_by: str  # who, as shown ("Jane Roe (Acme Legal)")
    actor: str  # the login that recorded it (user@host)
    confirmed_at: str  # ISO UTC time
    case_id: int | None = None  # the case it was confirmed from
    id: int | None = None
    stale: str = field(default="", compare=False)  # why it no longer holds ("" while it holds)

    @property
    def date(self) -> str:
        return self.confirmed_at[:10]

    @property
    def source(self) -> str:
        """How the confirmed facts are described everywhere: never "read from"."""
        return f"confirmed by hand by {self.confirmed_by} on {self.date}"

    @property
    def expires(self) -> dt.date | None:
        raw = (self.values.get("dates") or {}).get("expires") if "dates" in self.fields else None
        try:
            return dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            return None

    def covers(self, name: str) -> bool:
        return not self.stale and name in self.fields

    def to_json(self) -> dict[str, Any]:
        return {
            "right_id": self.right_id,
            "certificate_sha256": self.certificate_sha256,
            "fields": list(self.fields),
            "values": self.values,
            "confirmed_by": self.confirmed_by,
            "confirmed_at": self.confirmed_at,
            "stale": self.stale,
        }


def entered_value(right: Right, name: str) -> Any:
    """The value a confirmation of ``name`` vouches for, as entered now."""
    if name == "number":
        return right.registration_number.strip()
    if name == "mark":
        return right.mark.strip()
    if name == "owner":
        return right.owner.strip()
    if name == "classes":
        return sorted(set(right.classes))
    return None


def staleness(c: Confirmation, right: Right) -> str:
    """Why ``c`` no longer holds for ``right`` as it is now, or "" when it still holds."""
    if right.certificate is None:
        return "the certificate was removed from the right"
    if right.certificate.sha256 != c.certificate_sha256:
        return "the certificate was replaced after it was confirmed"
    for name in c.fields:
        if name == "dates":
            continue
        if entered_value(right, name) != c.values.get(name):
            return f"the {FIELDS[name]} was changed after it was confirmed"
    return ""


def with_staleness(c: Confirmation | None, right: Right) -> Confirmation | None:
    if c is None:
        return None
    from dataclasses import replace

    return replace(c, stale=staleness(c, right))


def who_confirms(store: Any, identity: str | None = None) -> str:
    """The person confirming: the signing identity (named, or the only one), else the login."""
    try:
        from desktop_app.core.package.signing import find_identity

        info = find_identity(store.data_dir, identity)
    except UserError:
        if identity:
            raise
        return str(store.actor)
    org = f" ({info.organisation})" if info.organisation else ""
    return f"{info.subject or info.name}{org}"


def parse_fields(text: str | Iterable[str], *, all_fields: bool = False) -> tuple[str, ...]:
    """``"number,mark"`` (or a list) as field names in the canonical order; one sentence when unknown."""
    if all_fields:
        return tuple(FIELDS)
    names = [n.strip().lower() for n in (text.split(",") if isinstance(text, str) else text) if n.strip()]
    aliases = {"registration_number": "number", "goods": "classes", "status": "dates", "class": "classes"}
    names = [aliases.get(n, n) for n in names]
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise ConfirmationError(
            f"Unknown field {', '.join(repr(n) for n in unknown)}; confirm any of {', '.join(FIELDS)}."
        )
    if not names:
        raise ConfirmationError(f"Name the fields to confirm ({', '.join(FIELDS)}), or use --all.")
    return tuple(n for n in FIELDS if n in names)


def confirm_right(
    store: Any,
    case_id: int | None,
    right_id: int,
    fields: Iterable[str],
    *,
    expires: dt.date | None = None,
    confirmed_by: str | None = None,
) -> Confirmation:
    """Record that a person checked ``fields`` of a case's right against its certificate.

    Refused in one sentence when the case is read-only, the right is not in the case or has no
    certificate, a confirmed field is empty, or "dates" is confirmed without the term's end date.
    """
    names = parse_fields(list(fields))
    if case_id is None:  # from the rights library, outside any case
        right = store.rights.get(right_id)
    else:
        case = store.cases.get(case_id)
        try:
            store.submissions.ensure_editable(case.id)
        except UserError as exc:
            raise ConfirmationError(f"{exc} A confirmation changes its checks, so it is refused.") from None
        right = next((r for r in case.rights if r.id == right_id), None)
        if right is None:
            raise ConfirmationError(f"Case {case.reference} has no right with id {right_id}.")
    label = f"{right.mark or 'The right'} ({right.office} {right.registration_number})".strip()
    if right.certificate is None:
        raise ConfirmationError(
            f"{label} has no certificate attached; attach it before confirming against it."
        )
    values: dict[str, Any] = {}
    for name in names:
        if name == "dates":
            if expires is None:
                raise ConfirmationError(
                    f"Confirming the dates of {label} needs the date its term ends as printed on the "
                    "certificate (or its renewal)."
                )
            values["dates"] = {"expires": expires.isoformat()}
            continue
        value = entered_value(right, name)
        if not value:
            raise ConfirmationError(f"{label} has no {FIELDS[name]} entered; enter it before confirming it.")
        values[name] = value
    c = Confirmation(
        right_id=right_id,
        certificate_sha256=right.certificate.sha256,
        fields=names,
        values=values,
        confirmed_by=confirmed_by or who_confirms(store),
        actor=str(store.actor),
        confirmed_at=utc_now(),
        case_id=case_id,
    )
    cid = store.confirmations.record(c)
    from dataclasses import replace

    return replace(c, id=cid)


def confirmations_for(store: Any, rights: Iterable[Right]) -> dict[int, Confirmation]:
    """The latest confirmation of each right (stale ones included, with their reason)."""
    out: dict[int, Confirmation] = {}
    for right in rights:
        if right.id is None:
            continue
        c = with_staleness(store.confirmations.latest(right.id), right)
        if c is not None:
            out[right.id] = c
    return out
