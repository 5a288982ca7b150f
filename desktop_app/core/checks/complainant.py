"""complainant.*: an agent must show a letter of authorization from the owner, in force, for these marks."""

from __future__ import annotations

from desktop_app.core.checks.facts import CaseFacts
from desktop_app.core.checks.findings import CheckReport, Finding, Severity
from desktop_app.core.checks.rights import _as_date, comparable, field_ref, field_where, fval
from desktop_app.core.model import Role
from desktop_app.core.reading.matching import SAME_PARTY_THRESHOLD, fold, same_party
from desktop_app.core.reading.normalize import same_registration_number


def _owners(facts: CaseFacts) -> list[tuple[str, str]]:
    """The rights' owners: from the certificate when read, else as entered. (name, where)."""
    out: list[tuple[str, str]] = []
    for right in facts.case.rights:
        ff = facts.of(right.certificate)
        owner, _f = fval(ff.certificate if ff is not None else None, "owner")
        if owner:
            out.append((str(owner), ff.name))  # type: ignore[union-attr]
        elif right.owner.strip():
            out.append((right.owner, f"the owner entered for {right.mark or 'the right'}"))
    return out


def run(facts: CaseFacts, report: CheckReport) -> None:
    c = facts.case.complainant
    if c.role != Role.AGENT:
        return
    if c.authorization is None:
        report.findings.append(Finding(
            "complainant.authorization_missing",
            f"{c.name or 'The complainant'} files as an agent but no letter of authorization is attached. Attach the "
            "rights holder's letter of authorization (power of attorney) naming you and the marks.",
            field="complainant.authorization"))
        return
    ff = facts.of(c.authorization)
    auth = ff.authorization if ff is not None else None
    if ff is None or auth is None:
        return  # unreadable: evidence.unreadable says so
    filing = facts.filing_date

    until_value, uf = fval(auth, "valid_until")
    until = _as_date(until_value)
    if until is not None and until < filing:
        report.findings.append(Finding(
            "complainant.authorization_expired",
            f"{field_where(ff, uf)}: the authorization is valid until {until.isoformat()}, before the filing date "
            f"{filing.isoformat()}. Ask the rights holder for a current letter.",
            evidence=(field_ref(ff, uf),), field="complainant.authorization"))

    principal, pf = fval(auth, "principal")
    owners = _owners(facts)
    if principal and owners:
        principal = str(principal)
        if not any(same_party(principal, name) >= SAME_PARTY_THRESHOLD for name, _w in owners):
            shown = "; ".join(f"\"{name}\" ({w})" for name, w in owners)
            comparable_all = all(comparable(principal, name) for name, _w in owners)
            report.findings.append(Finding(
                "complainant.authorization_mismatch",
                f"{field_where(ff, pf)}: the authorization is granted by \"{principal}\", but the rights are owned by "
                f"{shown}"
                + ("" if comparable_all else " (the names are in different scripts; check that they are the same company)")
                + ". The letter must come from the registered owner.",
                severity=None if comparable_all else Severity.WARNING,
                evidence=(field_ref(ff, pf),), field="complainant.authorization"))

    marks, mf = fval(auth, "marks")
    numbers, nf = fval(auth, "registration_numbers")
    if marks or numbers:
        folded_marks = {fold(str(m)) for m in (marks or [])}
        for right in facts.case.rights:
            by_mark = bool(right.mark.strip()) and fold(right.mark) in folded_marks
            by_number = any(same_registration_number(right.registration_number, str(n), right.office)
                            for n in (numbers or []))
            if by_mark or by_number:
                continue
            named = []
            if marks:
                named.append("marks " + ", ".join(f"\"{m}\"" for m in marks))
            if numbers:
                named.append("registrations " + ", ".join(str(n) for n in numbers))
            f = mf if mf is not None else nf
            report.findings.append(Finding(
                "complainant.authorization_mismatch",
                f"{field_where(ff, f)}: the authorization covers {' and '.join(named)}, not {right.mark} "
                f"({right.office} {right.registration_number}). Ask the rights holder for a letter that names it.",
                evidence=(field_ref(ff, f),), field="complainant.authorization"))

    agent, af = fval(auth, "agent")
    if agent and c.name.strip() and comparable(str(agent), c.name) and same_party(str(agent), c.name) < SAME_PARTY_THRESHOLD:
        report.findings.append(Finding(
            "complainant.agent_mismatch",
            f"{field_where(ff, af)}: the authorization names \"{agent}\" as the agent, but the complainant is "
            f"\"{c.name}\". File as the named agent, or attach a letter naming you.",
            evidence=(field_ref(ff, af),), field="complainant.name"))
