"""The fail-safe rule: every fact a decline can turn on ends established, contradicted or not established.

A right's facts — its number, mark and owner as entered match the certificate, it is registered and in
force on the filing date, and the classes it covers — are *established* when read from its certificate
(file, page, box, text) or confirmed by hand against that certificate (who, when). A value read
otherwise is *contradicted*: the rights family reports it (right.*_mismatch, right.expired...). A fact
neither read nor confirmed is *not established*, and weighs as its contradiction would:
``right.not_established`` blocks for the number, mark, owner and term, and warns for the classes
(a class mismatch is a warning too). docs/findings.md has the whole table.

Absence of evidence is not evidence: this module never makes a fact established that was not read
or confirmed. It is pure, like every check family; ``assess_rights`` is shared with the evidence
family (whether an unreadable certificate was confirmed) and the report (what summary.pdf says).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref, where
from desktop_app.core.checks.findings import (
    CONTRADICTED,
    ESTABLISHED,
    NOT_ESTABLISHED,
    CheckReport,
    EvidenceRef,
    FactStatus,
    Finding,
    Severity,
)
from desktop_app.core.checks.rights import (
    _number_in_text,
    _ocr_trimmed,
    _party_printed,
    expiry_of,
    field_ref,
    fval,
    parties_for,
)
from desktop_app.core.messages import msg, render
from desktop_app.core.model import Right, Role
from desktop_app.core.reading.matching import SAME_PARTY_THRESHOLD, find_mark, fold, same_party
from desktop_app.core.reading.normalize import same_registration_number

# fact -> (what it says, the confirmable field that establishes it by hand, severity when not established)
RIGHT_FACTS: dict[str, tuple[str, str, Severity]] = {
    "number": ("the registration number", "number", Severity.BLOCKER),
    "mark": ("the registered mark", "mark", Severity.BLOCKER),
    "owner": ("the owner", "owner", Severity.BLOCKER),
    "in_force": ("that the right is registered and in force on the filing date", "dates", Severity.BLOCKER),
    "classes": ("the Nice classes", "classes", Severity.WARNING),
}


@dataclass
class RightAssessment:
    """The facts of one right with a certificate attached."""

    index: int
    right: Right
    ff: FileFacts
    confirmation: Any | None  # core.confirmation.Confirmation (stale ones included)
    facts: dict[str, FactStatus] = field(default_factory=dict)
    silent: set[str] = field(default_factory=set)  # not established, but another finding says why

    def missing(self, severity: Severity | None = None) -> list[str]:
        """The facts not established (of ``severity`` when given), in RIGHT_FACTS order."""
        return [
            name
            for name, (_what, _field, sev) in RIGHT_FACTS.items()
            if self.facts[name].status == NOT_ESTABLISHED
            and name not in self.silent
            and (severity is None or sev == severity)
        ]

    @property
    def read_core(self) -> bool:
        """Number and mark both read from the certificate and equal to the entered ones."""
        return all(
            self.facts[n].status == ESTABLISHED and not self.facts[n].by_hand for n in ("number", "mark")
        )


def _read(ff: FileFacts, f: Any) -> tuple[str, EvidenceRef]:
    return f"read from {where(ff, getattr(f, 'page', None))}", field_ref(ff, f)


def _status(
    name: str,
    subject: str,
    status: str,
    statement: str,
    source: str = "",
    ev: EvidenceRef | None = None,
    *,
    value: str = "",
) -> FactStatus:
    return FactStatus(name, subject, status, statement, source, ev, value=value)


def _assess_read(facts: CaseFacts, a: RightAssessment) -> None:
    ff, right, subject = a.ff, a.right, f"rights[{a.index}]"
    cert = ff.certificate
    lines = ff.lines() if ff.doc.ok else []

    number, nf = fval(cert, "registration_number")
    entered = right.registration_number.strip()
    stmt = f"registration number {entered}"
    if entered and number and same_registration_number(entered, str(number), right.office):
        a.facts["number"] = _status("number", subject, ESTABLISHED, stmt, *_read(ff, nf))
    elif entered and _number_in_text(entered, lines, right.office):
        a.facts["number"] = _status(
            "number", subject, ESTABLISHED, stmt, f"printed in {ff.name}", file_ref(ff, text=entered)
        )
    elif entered and number:
        a.facts["number"] = _status("number", subject, CONTRADICTED, stmt, *_read(ff, nf))
    else:
        a.facts["number"] = _status("number", subject, NOT_ESTABLISHED, stmt)

    mark, mf = fval(cert, "mark")
    entered = right.mark.strip()
    stmt = f'mark "{entered}"'
    printed = [m for m in find_mark(entered, lines) if m.kind == "exact"] if entered else []
    if entered and mark and fold(_ocr_trimmed(str(mark), ff)) == fold(entered):
        a.facts["mark"] = _status("mark", subject, ESTABLISHED, stmt, *_read(ff, mf))
    elif printed:
        m = printed[0]
        a.facts["mark"] = _status(
            "mark",
            subject,
            ESTABLISHED,
            stmt,
            f"printed in {where(ff, m.page)}",
            file_ref(ff, m.line, box=m.box, text=m.matched_text),
        )
    elif entered and mark:
        a.facts["mark"] = _status("mark", subject, CONTRADICTED, stmt, *_read(ff, mf))
    else:
        a.facts["mark"] = _status("mark", subject, NOT_ESTABLISHED, stmt)

    owner, of = fval(cert, "owner")
    parties = parties_for(facts)
    stmt = "owned by " + (" or ".join(f'"{n}"' for n, _how in parties) if parties else "the complainant")
    if owner and any(same_party(str(owner), n) >= SAME_PARTY_THRESHOLD for n, _how in parties):
        a.facts["owner"] = _status("owner", subject, ESTABLISHED, stmt, *_read(ff, of))
    elif parties and any(_party_printed(n, lines) for n, _how in parties):
        name = next(n for n, _how in parties if _party_printed(n, lines))
        a.facts["owner"] = _status(
            "owner", subject, ESTABLISHED, stmt, f"printed in {ff.name}", file_ref(ff, text=name)
        )
    elif owner and parties:
        a.facts["owner"] = _status("owner", subject, CONTRADICTED, stmt, *_read(ff, of))
    else:
        a.facts["owner"] = _status("owner", subject, NOT_ESTABLISHED, stmt)
        if not parties:
            a.silent.add("owner")  # no one to compare with: case.incomplete or the authorization says why

    status, sf = fval(cert, "status")
    expiry, ef, _reg = expiry_of(cert)
    stmt = f"registered and in force on the filing date {facts.filing_date.isoformat()}"
    if status and str(status).lower() in ("application", "pending", "filed", "dead"):
        a.facts["in_force"] = _status("in_force", subject, CONTRADICTED, stmt, *_read(ff, sf))
    elif expiry is not None:
        ok = expiry >= facts.filing_date
        src, ev = _read(ff, ef) if ef is not None else (f"read from {ff.name}", file_ref(ff))
        a.facts["in_force"] = _status(
            "in_force",
            subject,
            ESTABLISHED if ok else CONTRADICTED,
            f"{stmt} (term ends {expiry})",
            src,
            ev,
            value=expiry.isoformat(),
        )
    else:
        a.facts["in_force"] = _status("in_force", subject, NOT_ESTABLISHED, stmt)

    classes, cf = fval(cert, "classes")
    entered_classes = sorted(set(right.classes))
    shown = ", ".join(map(str, entered_classes or sorted(int(c) for c in classes or [])))
    stmt = f"registered for class(es) {shown}" if shown else "the classes it is registered for"
    if classes:
        read = {int(c) for c in classes}
        ok = set(entered_classes) <= read
        a.facts["classes"] = _status(
            "classes", subject, ESTABLISHED if ok else CONTRADICTED, stmt, *_read(ff, cf), value=shown
        )
    else:
        a.facts["classes"] = _status("classes", subject, NOT_ESTABLISHED, stmt)


def _by_hand(facts: CaseFacts, a: RightAssessment) -> list[Finding]:
    """Facts still not established that the (current) confirmation covers; contradictions it reveals."""
    c = a.confirmation
    out: list[Finding] = []
    if c is None or c.stale:
        return out
    label = f"rights[{a.index}]"
    for name, (_what, conf_field, _sev) in RIGHT_FACTS.items():
        old = a.facts[name]
        if old.status != NOT_ESTABLISHED or not c.covers(conf_field):
            continue
        status, statement, value = ESTABLISHED, old.statement, old.value
        if name == "classes":  # the confirmed classes are the entered ones
            value = ", ".join(str(n) for n in sorted(set(a.right.classes)))
        if name == "owner":
            parties = parties_for(facts)
            if not parties:
                continue
            if not any(same_party(a.right.owner, n) >= SAME_PARTY_THRESHOLD for n, _how in parties):
                status = CONTRADICTED
                names = [msg("party.is", how=how, name=n) for n, how in parties_for(facts, keyed=True)]
                agent = facts.case.complainant.role == Role.AGENT
                out.append(
                    Finding.keyed(
                        "right.owner_mismatch",
                        {
                            "file": a.ff.name,
                            "owner": a.right.owner,
                            "source": _source_msg(c),
                            "parties": names,
                            "agent_hint": msg("hint.agent_letter") if agent else "",
                        },
                        key="right.owner_mismatch.by_hand",
                        field="complainant.name",
                    )
                )
        elif name == "in_force":
            expires = c.expires
            if expires is None:
                continue
            statement, value = f"{old.statement} (term ends {expires})", expires.isoformat()
            if expires < facts.filing_date:
                status = CONTRADICTED
                out.append(
                    Finding.keyed(
                        "right.expired",
                        {
                            "file": a.ff.name,
                            "expiry": expires.isoformat(),
                            "source": _source_msg(c),
                            "filing_date": facts.filing_date.isoformat(),
                        },
                        key="right.expired.by_hand",
                        field=f"{label}.certificate",
                    )
                )
        a.facts[name] = FactStatus(
            name,
            old.subject,
            status,
            statement,
            c.source,
            EvidenceRef(file=a.ff.name, sha256=a.ff.file.sha256, text=c.source),
            by_hand=True,
            value=value,
        )
        a.silent.discard(name)
    return out


def assess_rights(facts: CaseFacts) -> list[RightAssessment]:
    """The facts of every right with a certificate (computed once per CaseFacts)."""
    cached = facts.scratch.get("assessed")
    if cached is not None:
        return cached[0]
    out: list[RightAssessment] = []
    extra: list[Finding] = []
    for i, right in enumerate(facts.case.rights):
        ff = facts.of(right.certificate)
        if ff is None:
            continue  # no certificate: case.incomplete says so where the marketplace asks for one
        conf = facts.confirmations.get(right.id) if right.id is not None else None
        a = RightAssessment(i, right, ff, conf)
        _assess_read(facts, a)
        extra.extend(_by_hand(facts, a))
        out.append(a)
    facts.scratch["assessed"] = (out, extra)
    return out


def missing_text(a: RightAssessment) -> str:
    names = [RIGHT_FACTS[n][0] for n in a.missing()]
    if not names:
        return ""
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def unreadable_certificates(facts: CaseFacts) -> set[str]:
    """SHA-256 of the certificates the evidence family reported as unreadable as a whole."""
    return set(facts.scratch.get("unreadable_certificates", set()))


def run(facts: CaseFacts, report: CheckReport) -> None:
    assessed = assess_rights(facts)
    report.findings.extend(facts.scratch["assessed"][1])
    whole = unreadable_certificates(facts)
    for a in assessed:
        c = a.confirmation
        if c is not None and c.stale:
            report.findings.append(
                Finding.keyed(
                    "right.confirmation_stale",
                    {
                        "n": a.index + 1,
                        "mark": a.right.mark,
                        "who": c.confirmed_by,
                        "date": c.date,
                        "reason": _stale_msg(c.stale),
                    },
                    field=f"rights[{a.index}].certificate",
                )
            )
        report.facts.extend(a.facts[n] for n in RIGHT_FACTS)
        if a.ff.file.sha256 in whole:
            continue  # evidence.certificate_unreadable names what is not established
        label = (
            msg("label.right_mark", n=a.index + 1, mark=a.right.mark)
            if a.right.mark
            else msg("label.right", n=a.index + 1)
        )
        incomplete = {x.field for x in report.findings if x.code == "case.incomplete"}
        for name in a.missing():
            if f"rights[{a.index}].{name}" in incomplete:
                continue  # nothing entered and nothing read: case.incomplete already asks for it
            what, conf_field, sev = RIGHT_FACTS[name]
            report.findings.append(
                Finding.keyed(
                    "right.not_established",
                    {
                        "fact": name,
                        "right": a.index,
                        "confirm_field": conf_field,
                        "label": label,
                        "what": msg(f"fact.{name}"),
                        "file": a.ff.name,
                        "note": msg("note.reviewer_may_accept") if sev == Severity.WARNING else "",
                        "hint": _confirm_hint_one(a, conf_field),
                    },
                    severity=sev,
                    evidence=(file_ref(a.ff),),
                    field=f"rights[{a.index}].certificate",
                )
            )
    _authorization(facts, report)


def _confirm_hint_one(a: RightAssessment, conf_field: str) -> dict[str, Any]:
    command = (
        f"evidence-desk right confirm CASE {a.right.id or '?'} --fields {conf_field}"
        f"{' --expires DATE' if conf_field == 'dates' else ''}"
    )
    return msg("hint.confirm_one", command=command)


def _source_msg(c: Any) -> dict[str, Any]:
    """A confirmation's ``source`` ("confirmed by hand by <who> on <date>") as a catalogue message."""
    return msg("source.confirmed", who=c.confirmed_by, date=c.date)


def _stale_msg(stale: str) -> dict[str, Any] | str:
    """Why a confirmation no longer holds (core.confirmation.staleness) as a catalogue message."""
    import re

    from desktop_app.core.confirmation import FIELDS

    for key in ("stale.removed", "stale.replaced"):
        if stale == render(key):
            return msg(key)
    m = re.fullmatch(r"the (.+) was changed after it was confirmed", stale)
    if m and m.group(1) in FIELDS.values():
        return msg("stale.changed", field=m.group(1))
    return stale


def authorization_principal(facts: CaseFacts) -> tuple[str, Any | None, bool | None]:
    """(principal read, its Field, whether it is the owner of the rights; None: no owner known)."""
    from desktop_app.core.checks.complainant import _owners, _printed_on_certificates

    c = facts.case.complainant
    ff = facts.of(c.authorization)
    auth = ff.authorization if ff is not None else None
    principal, pf = fval(auth, "principal")
    if not principal:
        return "", None, False
    owners = _owners(facts)
    if not owners:
        return str(principal), pf, None
    ok = any(same_party(str(principal), n) >= SAME_PARTY_THRESHOLD for n, _w in owners) or (
        _printed_on_certificates(facts, str(principal))
    )
    return str(principal), pf, ok


def _authorization(facts: CaseFacts, report: CheckReport) -> None:
    c = facts.case.complainant
    if c.role != Role.AGENT or c.authorization is None:
        return
    ff = facts.of(c.authorization)
    if ff is None:
        return
    principal, pf, ok = authorization_principal(facts)
    subject = "complainant.authorization"
    stmt = f"{c.name or 'the agent'} is authorized by the owner of the rights"
    if principal:
        src, ev = _read(ff, pf)
        status = ESTABLISHED if ok else NOT_ESTABLISHED if ok is None else CONTRADICTED
        report.facts.append(FactStatus("authorization", subject, status, stmt, src, ev))
        return
    report.facts.append(FactStatus("authorization", subject, NOT_ESTABLISHED, stmt))
    if ff.file.sha256 in facts.scratch.get("unreadable_letters", set()):
        return  # evidence.unreadable (a blocker for a letter) says so
    report.findings.append(
        Finding.keyed(
            "complainant.authorization_not_established",
            {"file": ff.name, "agent": c.name or msg("label.the_agent")},
            evidence=(file_ref(ff),),
            field="complainant.authorization",
        )
    )
