"""complainant.*: an agent must show a letter of authorization from the owner, in force, for these marks."""

from __future__ import annotations

from typing import Any

from desktop_app.core.checks.facts import CaseFacts
from desktop_app.core.checks.findings import CheckReport, Finding, Severity
from desktop_app.core.checks.rights import _as_date, comparable, field_ref, field_where_msg, fval, ocr_near
from desktop_app.core.messages import msg
from desktop_app.core.model import Role
from desktop_app.core.reading.matching import SAME_PARTY_THRESHOLD, find_mark, fold, same_party
from desktop_app.core.reading.normalize import company_core, same_registration_number
from desktop_app.core.reading.text import TextLine


def _owners(facts: CaseFacts, *, keyed: bool = False) -> list[tuple[str, Any]]:
    """The rights' owners: as read from the certificates, and as entered. (name, where).

    ``keyed``: "where" as a catalogue message (core/messages.py) instead of English text."""
    out: list[tuple[str, Any]] = []
    for right in facts.case.rights:
        ff = facts.of(right.certificate)
        owner, _f = fval(ff.certificate if ff is not None else None, "owner")
        if owner:
            out.append((str(owner), ff.name))  # type: ignore[union-attr]
        if right.owner.strip():
            if keyed:
                out.append(
                    (right.owner, msg("party.owner_entered", mark=right.mark or msg("label.the_right")))
                )
            else:
                out.append((right.owner, f"the owner entered for {right.mark or 'the right'}"))
    return out


def _printed_on_certificates(facts: CaseFacts, name: str) -> bool:
    """Whether ``name`` is printed on one of the case's certificates (an owner field may be misread)."""
    key = fold(name)
    if len(key) < 6:
        return False
    for right in facts.case.rights:
        ff = facts.of(right.certificate)
        if ff is not None and key in fold(" ".join(line.text for line in ff.lines())):
            return True
    return False


def _mark_in_letter(mark: str, lines: list[TextLine], principal: str) -> bool:
    """The mark named in the letter's text, outside the lines naming the principal (its name may hold it)."""
    party = fold(company_core(principal)) if principal else ""
    for line in lines:
        if party and party in fold(line.text):
            continue
        if any(m.kind == "exact" for m in find_mark(mark, [line])):
            return True
    return False


def run(facts: CaseFacts, report: CheckReport) -> None:
    c = facts.case.complainant
    if c.role != Role.AGENT:
        return
    if c.authorization is None:
        report.findings.append(
            Finding.keyed(
                "complainant.authorization_missing",
                {"name": c.name or msg("label.the_complainant")},
                field="complainant.authorization",
            )
        )
        return
    ff = facts.of(c.authorization)
    auth = ff.authorization if ff is not None else None
    if ff is None or auth is None:
        return  # unreadable: evidence.unreadable says so
    filing = facts.filing_date

    until_value, uf = fval(auth, "valid_until")
    until = _as_date(until_value)
    if until is not None and until < filing:
        report.findings.append(
            Finding.keyed(
                "complainant.authorization_expired",
                {
                    "where": field_where_msg(ff, uf),
                    "until": until.isoformat(),
                    "filing_date": filing.isoformat(),
                },
                evidence=(field_ref(ff, uf),),
                field="complainant.authorization",
            )
        )

    principal, pf = fval(auth, "principal")
    owners = _owners(facts)
    if principal and owners:
        principal = str(principal)
        if not any(
            same_party(principal, name) >= SAME_PARTY_THRESHOLD for name, _w in owners
        ) and not _printed_on_certificates(facts, principal):
            shown = [msg("party.named", name=name, where=w) for name, w in _owners(facts, keyed=True)]
            comparable_all = all(comparable(principal, name) for name, _w in owners) and not any(
                ocr_near(ff, principal, name) for name, _w in owners
            )
            report.findings.append(
                Finding.keyed(
                    "complainant.authorization_mismatch",
                    {
                        "where": field_where_msg(ff, pf),
                        "principal": principal,
                        "owners": shown,
                        "note": "" if comparable_all else msg("note.scripts"),
                    },
                    key="complainant.authorization_mismatch.owner",
                    severity=None if comparable_all else Severity.WARNING,
                    evidence=(field_ref(ff, pf),),
                    field="complainant.authorization",
                )
            )

    marks, mf = fval(auth, "marks")
    numbers, nf = fval(auth, "registration_numbers")
    if marks or numbers:
        folded_marks = {fold(str(m)) for m in (marks or [])}
        for right in facts.case.rights:
            by_mark = bool(right.mark.strip()) and (
                fold(right.mark) in folded_marks
                or _mark_in_letter(right.mark, ff.lines(), str(principal or ""))
            )
            by_number = any(
                same_registration_number(right.registration_number, str(n), right.office)
                for n in (numbers or [])
            )
            if by_mark or by_number:
                continue
            named = []
            if marks:
                named.append(msg("auth.marks", marks=[f'"{m}"' for m in marks]))
            if numbers:
                named.append(msg("auth.registrations", numbers=[str(n) for n in numbers]))
            f = mf if mf is not None else nf
            report.findings.append(
                Finding.keyed(
                    "complainant.authorization_mismatch",
                    {
                        "where": field_where_msg(ff, f),
                        "named": named,
                        "mark": right.mark,
                        "office": right.office,
                        "number": right.registration_number,
                    },
                    key="complainant.authorization_mismatch.marks",
                    evidence=(field_ref(ff, f),),
                    field="complainant.authorization",
                )
            )

    agent, af = fval(auth, "agent")
    if (
        agent
        and c.name.strip()
        and comparable(str(agent), c.name)
        and same_party(str(agent), c.name) < SAME_PARTY_THRESHOLD
    ):
        report.findings.append(
            Finding.keyed(
                "complainant.agent_mismatch",
                {"where": field_where_msg(ff, af), "agent": str(agent), "name": c.name},
                evidence=(field_ref(ff, af),),
                field="complainant.name",
            )
        )
