"""complainant.*: an agent must show a letter of authorization from the owner, in force, for these marks."""

from __future__ import annotations

from desktop_app.core.checks.facts import CaseFacts
from desktop_app.core.checks.findings import CheckReport, Finding, Severity
from desktop_app.core.checks.rights import _as_date, comparable, field_ref, field_where, fval, ocr_near
from desktop_app.core.model import Role
from desktop_app.core.reading.matching import SAME_PARTY_THRESHOLD, find_mark, fold, same_party
from desktop_app.core.reading.normalize import company_core, same_registration_number
from desktop_app.core.reading.text import TextLine


def _owners(facts: CaseFacts) -> list[tuple[str, str]]:
    """The rights' owners: as read from the certificates, and as entered. (name, where)."""
    out: list[tuple[str, str]] = []
    for right in facts.case.rights:
        ff = facts.of(right.certificate)
        owner, _f = fval(ff.certificate if ff is not None else None, "owner")
        if owner:
            out.append((str(owner), ff.name))  # type: ignore[union-attr]
        if right.owner.strip():
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
            Finding(
                "complainant.authorization_missing",
                f"{c.name or 'The complainant'} files as an agent but no letter of authorization is "
                "attached. Attach the "
                "rights holder's letter of authorization (power of attorney) naming you and the marks.",
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
            Finding(
                "complainant.authorization_expired",
                f"{field_where(ff, uf)}: the authorization is valid until {until.isoformat()}, before the "
                "filing date "
                f"{filing.isoformat()}. Ask the rights holder for a current letter.",
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
            shown = "; ".join(f'"{name}" ({w})' for name, w in owners)
            comparable_all = all(comparable(principal, name) for name, _w in owners) and not any(
                ocr_near(ff, principal, name) for name, _w in owners
            )
            report.findings.append(
                Finding(
                    "complainant.authorization_mismatch",
                    f'{field_where(ff, pf)}: the authorization is granted by "{principal}", but the rights '
                    "are owned by "
                    f"{shown}"
                    + (
                        ""
                        if comparable_all
                        else " (the names are in different scripts; check that they are the same company)"
                    )
                    + ". The letter must come from the registered owner.",
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
                named.append("marks " + ", ".join(f'"{m}"' for m in marks))
            if numbers:
                named.append("registrations " + ", ".join(str(n) for n in numbers))
            f = mf if mf is not None else nf
            report.findings.append(
                Finding(
                    "complainant.authorization_mismatch",
                    f"{field_where(ff, f)}: the authorization covers {' and '.join(named)}, not {right.mark} "
                    f"({right.office} {right.registration_number}). Ask the rights holder for a letter "
                    "that names it.",
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
            Finding(
                "complainant.agent_mismatch",
                f'{field_where(ff, af)}: the authorization names "{agent}" as the agent, but the '
                "complainant is "
                f'"{c.name}". File as the named agent, or attach a letter naming you.',
                evidence=(field_ref(ff, af),),
                field="complainant.name",
            )
        )
